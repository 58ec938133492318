package io.karst.broker.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request waiting in the {@link Purgatory} for a condition (enough bytes to fetch, replicas to
 * catch up) or its timeout, whichever comes first. It completes exactly once.
 */
public abstract class DelayedOperation {
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile DelayTimer.Scheduled timeout;

    /** Whether the condition holds now. Cheap: it runs on every change of a watched partition. */
    protected abstract boolean isSatisfied();

    /** Builds and delivers the answer; called once, on satisfaction or expiry. */
    protected abstract void onComplete();

    /** Completes the operation if it has not been completed; returns whether this call did. */
    final boolean forceComplete() {
        if (!completed.compareAndSet(false, true)) {
            return false;
        }
        DelayTimer.Scheduled t = timeout;
        if (t != null) {
            t.cancel();
        }
        onComplete();
        return true;
    }

    /** Completes it if its condition holds. */
    final boolean tryComplete() {
        return isSatisfied() && forceComplete();
    }

    final boolean isCompleted() {
        return completed.get();
    }

    final void setTimeout(DelayTimer.Scheduled timeout) {
        this.timeout = timeout;
    }
}
