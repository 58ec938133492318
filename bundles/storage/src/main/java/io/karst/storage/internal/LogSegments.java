package io.karst.storage.internal;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The segments of one log by base offset. Every method is thread-safe; the collections returned are live
 * views that iterate in base-offset order and are weakly consistent (a concurrent roll may or may not
 * show).
 */
final class LogSegments {
    private final ConcurrentSkipListMap<Long, LogSegment> byBaseOffset = new ConcurrentSkipListMap<>();

    void add(LogSegment segment) {
        byBaseOffset.put(segment.baseOffset(), segment);
    }

    void remove(LogSegment segment) {
        byBaseOffset.remove(segment.baseOffset(), segment);
    }

    int count() {
        return byBaseOffset.size();
    }

    /** The first segment, or null when there is none. */
    LogSegment first() {
        return value(byBaseOffset.firstEntry());
    }

    /** The last (active) segment, or null when there is none. */
    LogSegment last() {
        return value(byBaseOffset.lastEntry());
    }

    /** The segment with the greatest base offset at or below {@code offset}, or null. */
    LogSegment floor(long offset) {
        return value(byBaseOffset.floorEntry(offset));
    }

    /** The segment after {@code segment}, or null when it is the last. */
    LogSegment next(LogSegment segment) {
        return value(byBaseOffset.higherEntry(segment.baseOffset()));
    }

    /** Every segment. */
    Collection<LogSegment> all() {
        return byBaseOffset.values();
    }

    /** The segment that may hold {@code offset} (the first one when {@code offset} is below all) and every later one. */
    Collection<LogSegment> from(long offset) {
        Long start = byBaseOffset.floorKey(offset);
        return start == null ? all() : byBaseOffset.tailMap(start, true).values();
    }

    /** Segments strictly after {@code segment}. */
    Collection<LogSegment> after(LogSegment segment) {
        return byBaseOffset.tailMap(segment.baseOffset(), false).values();
    }

    /** Committed bytes of all segments. */
    long sizeInBytes() {
        long total = 0;
        for (LogSegment segment : byBaseOffset.values()) {
            total += segment.size();
        }
        return total;
    }

    private static LogSegment value(Map.Entry<Long, LogSegment> entry) {
        return entry == null ? null : entry.getValue();
    }
}
