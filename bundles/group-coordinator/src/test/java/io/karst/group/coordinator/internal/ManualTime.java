package io.karst.group.coordinator.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A clock and a group timer that move only when a test says so: {@link #advance} runs, on the
 * calling thread and in order of their due times, the tasks that fall due, with the clock showing
 * each task's due time while it runs.
 */
final class ManualTime extends Clock implements GroupTimer {
    private record Task(long due, long order, FutureTask<Void> work) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparingLong(Task::due).thenComparingLong(Task::order));
    private volatile long now;
    private long scheduled;

    ManualTime(long startMillis) {
        this.now = startMillis;
    }

    /** Moves the clock {@code millis} on, running each task due by then; a task's failure fails the test. */
    void advance(long millis) {
        long until = now + millis;
        Task next;
        while ((next = nextDueBy(until)) != null) {
            now = Math.max(now, next.due());
            next.work().run();
            rethrowFailure(next.work());
        }
        now = until;
    }

    private synchronized Task nextDueBy(long until) {
        Task next = tasks.peek();
        return next != null && next.due() <= until ? tasks.poll() : null;
    }

    private static void rethrowFailure(FutureTask<Void> work) {
        if (work.isCancelled()) {
            return;
        }
        try {
            work.get();
        } catch (ExecutionException e) {
            throw new AssertionError("a timer task failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public synchronized Future<?> schedule(Runnable task, long delayMs) {
        FutureTask<Void> work = new FutureTask<>(task, null);
        tasks.add(new Task(now + delayMs, scheduled++, work));
        return work;
    }

    @Override
    public synchronized void close() {
        tasks.forEach(t -> t.work().cancel(false));
        tasks.clear();
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(now);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
