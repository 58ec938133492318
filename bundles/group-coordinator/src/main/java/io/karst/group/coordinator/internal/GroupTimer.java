package io.karst.group.coordinator.internal;

import java.util.concurrent.Future;

/**
 * Runs the group coordinator's delayed work: the end of a join phase (rebalance timeout, initial
 * rebalance delay) and session checks. Tests drive one on a manual clock instead of a thread.
 */
interface GroupTimer extends AutoCloseable {

    /** Runs {@code task} once, {@code delayMs} from now; cancelling the future drops it. */
    Future<?> schedule(Runnable task, long delayMs);

    /** Drops every task not run yet. */
    @Override
    void close();
}
