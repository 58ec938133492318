package io.karst.storage.internal;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Holds a worker to a byte rate ({@code log.cleaner.io.max.bytes.per.second}): after each chunk of work the
 * worker reports its bytes and waits as long as it ran ahead of the rate, measured over windows of about a
 * second. The wait ends early when the throttler is stopped, so a store closes promptly. Thread-safe.
 */
final class Throttler {
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double bytesPerSecond;
    private long windowStart = System.nanoTime();
    private double bytesInWindow;
    private boolean stopped;

    Throttler(double bytesPerSecond) {
        if (!(bytesPerSecond > 0)) {
            throw new IllegalArgumentException("a throttle rate must be positive, got " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    /**
     * Counts {@code bytes} of work and waits while the work so far is ahead of the rate.
     *
     * @throws InterruptedIOException when the throttler is stopped or the thread interrupted
     */
    synchronized void acquire(long bytes) throws InterruptedIOException {
        checkRunning();
        if (Double.isInfinite(bytesPerSecond) || bytesPerSecond >= Double.MAX_VALUE / 2) {
            return;
        }
        bytesInWindow += bytes;
        long due = windowStart + (long) (bytesInWindow / bytesPerSecond * 1e9);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while throttled");
            }
            checkRunning();
        }
        long now = System.nanoTime();
        if (now - windowStart > WINDOW_NANOS) {
            windowStart = now;
            bytesInWindow = 0;
        }
    }

    /** Ends every wait at once; later calls to {@link #acquire} fail. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    private void checkRunning() throws InterruptedIOException {
        if (stopped) {
            throw new InterruptedIOException("the throttled work was stopped");
        }
    }
}
