package io.karst.broker.internal;

/** Runs a task once after a delay: where a {@link Purgatory} gets its timeouts from. */
interface DelayTimer extends AutoCloseable {

    /** A scheduled task; cancelling it after it ran does nothing. */
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(Runnable task, long delayMs);

    /** Drops every task not yet run and stops. */
    @Override
    void close();
}
