package io.karst.storage.internal;

import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import io.karst.api.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compacts logs whose {@code cleanup.policy} includes {@code compact}: keeps only the latest record of each
 * key in the closed segments, with the offsets it had (so gaps appear), as Kafka's log cleaner does.
 *
 * <p>A pass over one log: read every closed segment to learn the last offset of each key; then rewrite the
 * closed segments in groups that fit one segment, each group into a {@code <base>.log.cleaned} segment
 * that keeps a record only if it is its key's latest. Records without a key are dropped. A tombstone (null
 * value) is kept, and its batch given a delete horizon of now + {@code delete.retention.ms}, the first
 * time; a pass after the horizon drops it. Compressed and control batches are kept whole (the store does
 * not decompress). A finished group is flushed, renamed {@code .swap} and swapped in for the segments it
 * replaces under the log's lock ({@link Log#replaceSegments}); the loader completes a swap a crash
 * interrupted.
 *
 * <p>Which log, and when: the dirty ratio is the share of closed-segment bytes at or past the log's
 * cleaner offset (the end of the last pass, kept in {@code cleaner-offset-checkpoint}); a log is cleaned
 * when it reaches {@code min.cleanable.dirty.ratio}. All reading goes through a {@link Throttler}, so the
 * cleaner never takes more than {@code log.cleaner.io.max.bytes.per.second} of disk bandwidth from appends.
 *
 * <p>Threads: one cleaner thread calls {@link #cleanDueLogs} and {@link #clean}; {@link #forget} and the
 * ratio may be called from any thread.
 */
final class LogCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(LogCleaner.class);

    /** What one pass did. */
    record CleanResult(int segmentsRead, int segmentsWritten, long bytesRead, long bytesWritten) {
    }

    private final OffsetCheckpoint checkpoint;
    private final Supplier<Collection<Log>> logs;
    private final Clock clock;
    private final Throttler throttler;
    private final Map<TopicPartition, Long> cleanedUpTo = new ConcurrentHashMap<>();

    LogCleaner(OffsetCheckpoint checkpoint, Supplier<Collection<Log>> logs, Clock clock, Throttler throttler) {
        this.checkpoint = checkpoint;
        this.logs = logs;
        this.clock = clock;
        this.throttler = throttler;
        try {
            cleanedUpTo.putAll(checkpoint.read());
        } catch (IOException e) {
            LOG.warn("Cleaning every compacted log from its start: {}", e.getMessage());
        }
    }

    /** Cleans the dirtiest log that is due, then the next, until none is due. */
    void cleanDueLogs() {
        List<Log> candidates = new ArrayList<>(logs.get());
        while (!candidates.isEmpty()) {
            Log dirtiest = null;
            double highest = -1;
            for (Log log : candidates) {
                LogConfig config = log.config();
                double ratio = dirtyRatio(log);
                if (config.cleanupPolicy().compacts() && !log.isClosed() && ratio > 0
                        && ratio >= config.minCleanableDirtyRatio() && ratio > highest) {
                    dirtiest = log;
                    highest = ratio;
                }
            }
            if (dirtiest == null) {
                return;
            }
            candidates.remove(dirtiest);
            try {
                clean(dirtiest);
            } catch (IOException | RuntimeException e) {
                if (dirtiest.isClosed()) {
                    LOG.debug("{}: cleaning stopped as the log closed", dirtiest.topicPartition(), e);
                } else {
                    LOG.warn("{}: cleaning failed; the log stays as it was", dirtiest.topicPartition(), e);
                }
            }
        }
    }

    /** The share of the closed segments' bytes not cleaned yet; 0 when there are no closed segments. Thread-safe. */
    double dirtyRatio(Log log) {
        long firstDirty = cleanedUpTo.getOrDefault(log.topicPartition(), 0L);
        long total = 0;
        long dirty = 0;
        for (LogSegment segment : log.closedSegments()) {
            total += segment.size();
            if (segment.baseOffset() >= firstDirty) {
                dirty += segment.size();
            }
        }
        return total == 0 ? 0 : (double) dirty / total;
    }

    /** Compacts the closed segments of {@code log} now, whatever its dirty ratio. */
    CleanResult clean(Log log) throws IOException {
        long now = clock.millis();
        LogConfig config = log.config();
        long end = log.activeSegmentBaseOffset();
        List<LogSegment> closed = log.closedSegments();
        if (closed.isEmpty()) {
            return new CleanResult(0, 0, 0, 0);
        }
        Map<ByteBuffer, Long> latest = latestOffsets(closed);
        long bytesRead = 0;
        long bytesWritten = 0;
        int written = 0;
        for (List<LogSegment> group : groups(closed, config)) {
            LogSegment cleaned = cleanGroup(log, group, latest, now, config);
            bytesRead += group.stream().mapToLong(LogSegment::size).sum();
            if (cleaned != null) {
                bytesWritten += cleaned.size();
                written++;
            }
        }
        cleanedUpTo.put(log.topicPartition(), end);
        writeCheckpoint();
        LOG.info("{}: compacted {} segments ({} bytes) into {} ({} bytes) up to offset {}", log.topicPartition(),
                closed.size(), bytesRead, written, bytesWritten, end);
        return new CleanResult(closed.size(), written, bytesRead, bytesWritten);
    }

    /** The offset of the last record of each key in {@code segments}. */
    private Map<ByteBuffer, Long> latestOffsets(List<LogSegment> segments) throws IOException {
        Map<ByteBuffer, Long> latest = new HashMap<>();
        for (LogSegment segment : segments) {
            segment.forEachWholeBatch(batch -> {
                throttler.acquire(batch.sizeInBytes());
                if (isInspectable(batch)) {
                    for (StoredRecord record : StoredRecord.readAll(batch)) {
                        if (record.key() != null) {
                            latest.put(copyOf(record.key()), record.offset());
                        }
                    }
                }
            });
        }
        return latest;
    }

    /**
     * Consecutive segments whose bytes together fit {@code segment.bytes} and whose offsets fit one index
     * (relative offsets are 32 bits); every segment is in exactly one group.
     */
    private static List<List<LogSegment>> groups(List<LogSegment> segments, LogConfig config) {
        List<List<LogSegment>> groups = new ArrayList<>();
        List<LogSegment> group = new ArrayList<>();
        long groupBytes = 0;
        for (int i = 0; i < segments.size(); i++) {
            LogSegment segment = segments.get(i);
            long nextBase = i + 1 < segments.size() ? segments.get(i + 1).baseOffset() : Long.MAX_VALUE;
            boolean fits = group.isEmpty() || (groupBytes + segment.size() <= config.segmentBytes()
                    && nextBase - 1 - group.get(0).baseOffset() <= Integer.MAX_VALUE);
            if (!fits) {
                groups.add(group);
                group = new ArrayList<>();
                groupBytes = 0;
            }
            group.add(segment);
            groupBytes += segment.size();
        }
        groups.add(group);
        return groups;
    }

    /** Writes what {@code group} keeps into a cleaned segment and swaps it in; null when the swap did not happen. */
    private LogSegment cleanGroup(Log log, List<LogSegment> group, Map<ByteBuffer, Long> latest, long now,
                                  LogConfig config) throws IOException {
        long groupBytes = group.stream().mapToLong(LogSegment::size).sum();
        LogSegment cleaned = LogSegment.createForCleaning(log.dir(), group.get(0).baseOffset(), config, now, groupBytes);
        boolean swapped = false;
        try {
            for (LogSegment segment : group) {
                segment.forEachWholeBatch(batch -> {
                    throttler.acquire(batch.sizeInBytes());
                    RecordBatch kept = retained(batch, latest, now, config.deleteRetentionMs());
                    if (kept != null) {
                        cleaned.append(kept);
                    }
                });
            }
            cleaned.seal();
            cleaned.flush();
            cleaned.changeSuffix(LogSegment.SWAP_SUFFIX);
            Directories.force(log.dir());
            swapped = log.replaceSegments(group, cleaned);
            return swapped ? cleaned : null;
        } finally {
            if (!swapped) {
                cleaned.delete();
            }
        }
    }

    /** What compaction keeps of {@code batch}: itself, a smaller batch, or null for nothing. */
    static RecordBatch retained(RecordBatch batch, Map<ByteBuffer, Long> latest, long now, long deleteRetentionMs) {
        if (!isInspectable(batch)) {
            return batch;
        }
        List<StoredRecord> records = StoredRecord.readAll(batch);
        boolean hasHorizon = (batch.attributes() & StoredRecord.DELETE_HORIZON_MASK) != 0;
        boolean horizonPassed = hasHorizon && batch.baseTimestamp() <= now;
        List<StoredRecord> kept = new ArrayList<>(records.size());
        boolean keptTombstone = false;
        for (StoredRecord record : records) {
            Long last = record.key() == null ? null : latest.get(record.key());
            if (last == null || last != record.offset() || (record.tombstone() && horizonPassed)) {
                continue;
            }
            keptTombstone |= record.tombstone();
            kept.add(record);
        }
        if (kept.isEmpty()) {
            return null;
        }
        long newHorizon = keptTombstone && !hasHorizon ? now + deleteRetentionMs : -1;
        if (kept.size() == records.size() && newHorizon < 0) {
            return batch;
        }
        return RetainedBatch.of(batch, kept, newHorizon);
    }

    private static boolean isInspectable(RecordBatch batch) {
        return batch.compressionId() == 0 && !batch.isControl();
    }

    private static ByteBuffer copyOf(ByteBuffer key) {
        ByteBuffer copy = ByteBuffer.allocate(key.remaining());
        copy.put(key.duplicate());
        return copy.flip();
    }

    /** Drops what is known of a deleted log. */
    void forget(TopicPartition tp) {
        if (cleanedUpTo.remove(tp) != null) {
            try {
                writeCheckpoint();
            } catch (IOException e) {
                LOG.warn("Cannot rewrite {}", checkpoint.file(), e);
            }
        }
    }

    private void writeCheckpoint() throws IOException {
        synchronized (checkpoint) {
            checkpoint.write(new HashMap<>(cleanedUpTo));
        }
    }
}
