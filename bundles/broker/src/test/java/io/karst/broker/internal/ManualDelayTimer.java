package io.karst.broker.internal;

import java.util.ArrayList;
import java.util.List;

/** A {@link DelayTimer} whose clock moves only when a test says so: tasks run in {@link #advance}. */
final class ManualDelayTimer implements DelayTimer {
    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private boolean closed;

    private static final class Task implements Scheduled {
        final Runnable action;
        final long due;
        boolean cancelled;

        Task(Runnable action, long due) {
            this.action = action;
            this.due = due;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public synchronized Scheduled schedule(Runnable task, long delayMs) {
        Task scheduled = new Task(task, now + delayMs);
        if (!closed) {
            tasks.add(scheduled);
        }
        return scheduled;
    }

    /** Moves the clock on by {@code ms} and runs, in due order, the tasks that fall due and were not cancelled. */
    void advance(long ms) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            now += ms;
            tasks.removeIf(t -> t.cancelled || t.due <= now && due.add(t));
        }
        due.sort((a, b) -> Long.compare(a.due, b.due));
        due.forEach(t -> t.action.run());
    }

    /** Tasks scheduled and neither run nor cancelled. */
    synchronized int pending() {
        tasks.removeIf(t -> t.cancelled);
        return tasks.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }
}
