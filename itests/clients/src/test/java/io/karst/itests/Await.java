package io.karst.itests;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.fail;

/** Waits, with a bound, for a condition the broker reaches asynchronously. */
public final class Await {

    private static final long POLL_MS = 50;

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(POLL_MS);
        }
    }
}
