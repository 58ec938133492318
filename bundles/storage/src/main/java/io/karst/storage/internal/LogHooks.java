package io.karst.storage.internal;

import java.io.IOException;

/** What a {@link Log} tells the store that holds it, and the one service it asks of it. */
interface LogHooks {
    /** A flush moved the log's recovery point; the store persists it. */
    void recoveryPointMoved() throws IOException;

    /** Retention or DeleteRecords moved the log start offset; the store persists it. */
    void logStartOffsetMoved() throws IOException;

    /**
     * Runs {@code task} once, {@code delayMs} from now, off the caller's thread (removing retired files,
     * flushing a rolled segment).
     */
    void schedule(Runnable task, long delayMs);
}
