package io.karst.storage.internal;

import java.util.ArrayList;
import java.util.List;

/** Log hooks for tests: counts what the log tells and keeps scheduled work until the test runs it. */
final class TestHooks implements LogHooks {
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    int startOffsetMoves;

    @Override
    public void recoveryPointMoved() {
    }

    @Override
    public void logStartOffsetMoved() {
        startOffsetMoves++;
    }

    @Override
    public synchronized void schedule(Runnable task, long delayMs) {
        scheduled.add(task);
        delays.add(delayMs);
    }

    /** The delays asked for so far. */
    synchronized List<Long> delays() {
        return List.copyOf(delays);
    }

    /** Runs the scheduled work now, as if its delay had passed. */
    synchronized void runScheduled() {
        scheduled.forEach(Runnable::run);
        scheduled.clear();
    }
}
