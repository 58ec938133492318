package io.karst.api.broker;

/** Where to start reading or to move a group's offsets: the earliest, the latest, an offset or a time. */
public sealed interface OffsetSpec {

    /** The first offset still in the log. */
    record Earliest() implements OffsetSpec {
    }

    /** The log end: only records written from now on. */
    record Latest() implements OffsetSpec {
    }

    /** A given offset, kept within the log's bounds. */
    record At(long offset) implements OffsetSpec {
    }

    /** The first record with a timestamp at or after {@code timestamp} (ms since the epoch); the log end when none. */
    record ForTime(long timestamp) implements OffsetSpec {
    }
}
