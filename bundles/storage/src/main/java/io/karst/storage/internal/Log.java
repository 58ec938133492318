package io.karst.storage.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.log.AppendResult;
import io.karst.api.log.LogConfig;
import io.karst.api.log.LogSlice;
import io.karst.api.log.PartitionLog;
import io.karst.api.log.TimestampAndOffset;
import io.karst.api.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One partition's log: a folder {@code <topic>-<partition>} of {@link LogSegment}s. The last segment is
 * the active one that takes appends; a new one is rolled when it is full or old. Retention removes whole
 * closed segments from the front (renamed {@code .deleted}, removed after {@code file.delete.delay.ms});
 * the log start offset is the first readable offset, moved by retention and DeleteRecords.
 *
 * <p>Threads: appends, rolls, segment removal and replacement, closing and deleting are serialised by one
 * lock. Reads, {@link #forEachBatch}, look-ups by time and {@link #flush} take no lock an append holds: they
 * trust only offsets below the volatile log end offset and bytes below each segment's committed size, both
 * of which move only after a batch is completely written; a segment removed under a reader keeps its open
 * file until its delayed deletion.
 */
public final class Log implements PartitionLog, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Log.class);

    private final TopicPartition tp;
    private final Path dir;
    private final Clock clock;
    private final LogHooks hooks;
    private final LogSegments segments;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong recoveryPoint;
    private volatile LogConfig config;
    private volatile long logEndOffset;
    private volatile long logStartOffset;
    private volatile long lastFlushTime;
    private volatile boolean closed;

    private Log(TopicPartition tp, Path dir, LogConfig config, Clock clock, LogHooks hooks, LogLoader.Loaded loaded,
                long logStartOffset) {
        this.tp = tp;
        this.dir = dir;
        this.config = config;
        this.clock = clock;
        this.hooks = hooks;
        this.segments = loaded.segments();
        this.logEndOffset = loaded.logEndOffset();
        this.recoveryPoint = new AtomicLong(loaded.recoveryPoint());
        this.logStartOffset = logStartOffset;
        this.lastFlushTime = clock.millis();
    }

    /**
     * Opens the log in {@code dir}, creating the folder and a first segment when absent.
     *
     * @param recoveryPoint  offset below which data was flushed before the last shutdown (0 when unknown)
     * @param logStartOffset the checkpointed log start offset (0 when unknown); the first segment's base
     *                       offset when that is higher, the log end offset when that is lower
     * @param cleanShutdown  whether the last shutdown closed the log properly; if not, the segments from the
     *                       recovery point on are validated and a damaged tail is truncated
     */
    static Log open(Path dir, TopicPartition tp, LogConfig config, long recoveryPoint, long logStartOffset,
                    boolean cleanShutdown, Clock clock, LogHooks hooks) throws IOException {
        LogLoader.Loaded loaded = new LogLoader(dir, tp, config, clock.millis()).load(recoveryPoint, cleanShutdown);
        long start = Math.min(Math.max(logStartOffset, loaded.segments().first().baseOffset()), loaded.logEndOffset());
        LOG.debug("{}: opened {} segments in {}, log start offset {}, log end offset {}", tp,
                loaded.segments().count(), dir, start, loaded.logEndOffset());
        return new Log(tp, dir, config, clock, hooks, loaded, start);
    }

    @Override
    public TopicPartition topicPartition() {
        return tp;
    }

    /** The partition folder. */
    Path dir() {
        return dir;
    }

    @Override
    public LogConfig config() {
        return config;
    }

    /** Settings for rolls, retention, cleaning and flushing from now on; existing segments keep their index sizes. */
    @Override
    public void updateConfig(LogConfig newConfig) {
        this.config = newConfig;
    }

    /** Offset below which every batch is known to be on the disk. */
    long recoveryPoint() {
        return recoveryPoint.get();
    }

    @Override
    public AppendResult append(List<RecordBatch> batches, int leaderEpoch, long logAppendTime) throws IOException {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("no batches to append to " + tp);
        }
        AppendResult result;
        lock.lock();
        try {
            ensureOpen();
            long firstOffset = logEndOffset;
            for (RecordBatch batch : batches) {
                batch.setBaseOffset(logEndOffset);
                batch.setPartitionLeaderEpoch(leaderEpoch);
                if (logAppendTime >= 0) {
                    batch.setLogAppendTime(logAppendTime);
                }
                segmentFor(batch).append(batch);
                logEndOffset = batch.nextOffset();
            }
            result = new AppendResult(firstOffset, logEndOffset - 1, logAppendTime >= 0 ? logAppendTime : -1);
        } finally {
            lock.unlock();
        }
        if (logEndOffset - recoveryPoint.get() >= config.flushMessages()) {
            flush();
        }
        return result;
    }

    /** The active segment, or a new one rolled at the log end when the batch must not go into it. */
    private LogSegment segmentFor(RecordBatch batch) throws IOException {
        LogSegment active = segments.last();
        long now = clock.millis();
        LogConfig current = config;
        if (!active.shouldRoll(batch.sizeInBytes(), batch.lastOffset(), now, current)) {
            return active;
        }
        LogSegment rolled = LogSegment.create(dir, logEndOffset, current, now);
        try {
            active.seal();
        } catch (IOException | RuntimeException e) {
            try {
                rolled.delete();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        segments.add(rolled);
        LOG.debug("{}: rolled segment {} after {} ({} bytes)", tp, rolled.logFile(), active.logFile(), active.size());
        long rolledAt = rolled.baseOffset();
        hooks.schedule(() -> flushBelow(rolledAt), 0);
        return rolled;
    }

    /**
     * Forces the segments below {@code offset} to the disk and moves the recovery point up to it. Scheduled
     * when a segment rolls, as Kafka does: a restart after a crash then re-reads little more than the active
     * segment, and the fsync runs off the appending thread.
     */
    private void flushBelow(long offset) {
        if (closed || recoveryPoint.get() >= offset) {
            return;
        }
        try {
            for (LogSegment segment : segments.from(recoveryPoint.get())) {
                if (segment.baseOffset() >= offset) {
                    break;
                }
                segment.flush();
            }
            Directories.force(dir);
            recoveryPoint.accumulateAndGet(offset, Math::max);
            hooks.recoveryPointMoved();
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.warn("{}: cannot flush the segments below offset {}; the next flush tries again", tp, offset, e);
            }
        }
    }

    @Override
    public LogSlice read(long offset, int maxBytes, boolean minOneBatch) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative maxBytes " + maxBytes + " reading " + tp);
        }
        ensureOpen();
        long end = logEndOffset; // read first: every batch below it is committed
        long start = logStartOffset;
        if (offset == end && offset >= start) {
            return LogSlice.empty(end);
        }
        if (offset < start || offset > end) {
            throw new KarstException(Errors.OFFSET_OUT_OF_RANGE, "offset " + offset + " is out of range for " + tp
                    + ": the log holds offsets " + start + " to " + end + " (log end)");
        }
        // a segment may end before the next one starts (a gap); the batch is then in a later segment
        for (LogSegment segment = segments.floor(offset); segment != null; segment = segments.next(segment)) {
            LogSlice slice = segment.read(offset, maxBytes, minOneBatch);
            if (slice != null) {
                return slice;
            }
        }
        return LogSlice.empty(offset);
    }

    /**
     * Calls {@code action} with a header-only view of each batch whose last offset is at or after
     * {@code fromOffset}: the 61 header bytes, so every header field is right, but
     * {@link RecordBatch#buffer()} and checksum methods, which need the records, must not be used.
     */
    @Override
    public void forEachBatch(long fromOffset, Consumer<RecordBatch> action) throws IOException {
        ensureOpen();
        for (LogSegment segment : segments.from(fromOffset)) {
            segment.forEachBatch(fromOffset, action);
        }
    }

    /** The first segment whose greatest timestamp reaches the time, searched through its time index. */
    @Override
    public Optional<TimestampAndOffset> offsetForTimestamp(long timestamp) throws IOException {
        ensureOpen();
        long start = logStartOffset;
        for (LogSegment segment : segments.from(start)) {
            if (segment.largestTimestamp() >= timestamp) {
                Optional<TimestampAndOffset> found = segment.findOffsetByTimestamp(timestamp, start);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public long deleteRecordsBefore(long offset) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            if (offset < 0 || offset > logEndOffset) {
                throw new KarstException(Errors.OFFSET_OUT_OF_RANGE, "cannot delete records of " + tp + " before "
                        + offset + ": the log ends at " + logEndOffset);
            }
            if (offset > logStartOffset) {
                logStartOffset = offset;
                LOG.info("{}: log start offset moved to {} by request", tp, offset);
                removeSegments(breachedSegments(Retention.START_OFFSET_ONLY), "the log start offset " + offset);
                hooks.logStartOffsetMoved();
            }
            return logStartOffset;
        } finally {
            lock.unlock();
        }
    }

    /** Which retention rules a pass applies. */
    private enum Retention { START_OFFSET_ONLY, ALL }

    /**
     * Deletes the closed segments that retention no longer keeps: those wholly below the log start offset,
     * then (when the cleanup policy deletes) the oldest while their newest record is older than
     * {@code retention.ms}, or while the log without them is still at least {@code retention.bytes}. The
     * active segment always stays. Returns how many segments went.
     */
    int deleteOldSegments() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return 0;
            }
            List<LogSegment> doomed = breachedSegments(Retention.ALL);
            if (doomed.isEmpty()) {
                return 0;
            }
            removeSegments(doomed, "retention");
            hooks.logStartOffsetMoved();
            return doomed.size();
        } finally {
            lock.unlock();
        }
    }

    /** The leading closed segments a retention pass removes. Call with the lock held. */
    private List<LogSegment> breachedSegments(Retention rules) {
        LogConfig current = config;
        long now = clock.millis();
        boolean deletes = rules == Retention.ALL && current.cleanupPolicy().deletes();
        long remaining = segments.sizeInBytes();
        List<LogSegment> doomed = new ArrayList<>();
        LogSegment active = segments.last();
        for (LogSegment segment : segments.all()) {
            if (segment == active) {
                break;
            }
            LogSegment next = segments.next(segment);
            boolean belowStart = next != null && next.baseOffset() <= logStartOffset;
            boolean tooOld = deletes && current.retentionMs() >= 0 && now - segment.largestTimestamp() > current.retentionMs();
            boolean tooBig = deletes && current.retentionBytes() >= 0 && remaining - segment.size() >= current.retentionBytes();
            if (!belowStart && !tooOld && !tooBig) {
                break;
            }
            doomed.add(segment);
            remaining -= segment.size();
        }
        return doomed;
    }

    /**
     * Takes segments out of the log, renames their files {@code .deleted} and schedules their removal, then
     * moves the log start offset up to the first segment left. Call with the lock held.
     */
    private void removeSegments(List<LogSegment> doomed, String reason) throws IOException {
        for (LogSegment segment : doomed) {
            segments.remove(segment);
            retire(segment);
        }
        if (!doomed.isEmpty()) {
            logStartOffset = Math.max(logStartOffset, segments.first().baseOffset());
            LOG.info("{}: deleted {} segments for {}; the log starts at {}", tp, doomed.size(), reason, logStartOffset);
        }
    }

    /** Renames a segment that left the log to {@code .deleted} and removes it after {@code file.delete.delay.ms}. */
    private void retire(LogSegment segment) throws IOException {
        segment.changeSuffix(LogSegment.DELETED_SUFFIX);
        hooks.schedule(() -> {
            try {
                segment.delete();
            } catch (IOException e) {
                LOG.warn("{}: cannot delete the retired segment {}", tp, segment.logFile(), e);
            }
        }, config.fileDeleteDelayMs());
    }

    /**
     * Replaces {@code old}, consecutive closed segments, by {@code cleaned}, a sealed segment named
     * {@code .swap} holding what compaction kept of them: under the lock, unless the log closed or
     * retention removed one of them meanwhile, the old segments are renamed {@code .deleted} (and removed
     * later) and the cleaned one takes the live names. After a crash between the two renames, the loader
     * finishes the swap.
     *
     * @return whether the swap happened; if not, the caller deletes {@code cleaned}
     */
    boolean replaceSegments(List<LogSegment> old, LogSegment cleaned) throws IOException {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            for (LogSegment segment : old) {
                if (segments.floor(segment.baseOffset()) != segment) {
                    return false;
                }
            }
            for (LogSegment segment : old) {
                segments.remove(segment);
                retire(segment);
            }
            cleaned.changeSuffix("");
            segments.add(cleaned);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The segments before the active one, oldest first; a snapshot. Thread-safe. */
    List<LogSegment> closedSegments() {
        List<LogSegment> closed = new ArrayList<>(segments.all());
        if (!closed.isEmpty()) {
            closed.remove(closed.size() - 1);
        }
        return closed;
    }

    /** The base offset of the active segment: compaction stops there. Thread-safe. */
    long activeSegmentBaseOffset() {
        return segments.last().baseOffset();
    }

    /** Whether the log is closed (or deleted). */
    boolean isClosed() {
        return closed;
    }

    @Override
    public long logStartOffset() {
        return logStartOffset;
    }

    @Override
    public long logEndOffset() {
        return logEndOffset;
    }

    @Override
    public long sizeInBytes() {
        return segments.sizeInBytes();
    }

    @Override
    public int segmentCount() {
        return segments.count();
    }

    /**
     * Forces the segments written since the last flush, and the folder (for segment files rolled since), to
     * the disk, then moves the recovery point.
     */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        long end = logEndOffset;
        lastFlushTime = clock.millis();
        flushSegments();
        recoveryPoint.accumulateAndGet(end, Math::max);
        hooks.recoveryPointMoved();
    }

    /** Flushes when unflushed data is older than {@code flush.ms}; the store calls it periodically. */
    void flushIfDue() throws IOException {
        if (!closed && logEndOffset > recoveryPoint.get() && clock.millis() - lastFlushTime >= config.flushMs()) {
            flush();
        }
    }

    private void flushSegments() throws IOException {
        for (LogSegment segment : segments.from(recoveryPoint.get())) {
            segment.flush();
        }
        Directories.force(dir);
    }

    /** Flushes, seals the active segment and closes every segment. Later calls on this log fail. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                segments.last().seal();
                flushSegments();
                recoveryPoint.set(logEndOffset);
            } finally {
                closeSegments();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the log without flushing, for its folder to be deleted: its files are closed and later calls
     * fail, but nothing is removed here.
     */
    void closeForDeletion() throws IOException {
        lock.lock();
        try {
            closed = true;
            IOException failure = null;
            for (LogSegment segment : new ArrayList<>(segments.all())) {
                try {
                    segment.closeUnsealed();
                } catch (IOException e) {
                    failure = addTo(failure, e);
                }
                segments.remove(segment);
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeSegments() throws IOException {
        IOException failure = null;
        for (LogSegment segment : new ArrayList<>(segments.all())) {
            try {
                segment.close();
            } catch (IOException e) {
                failure = addTo(failure, e);
            }
            segments.remove(segment);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException addTo(IOException failure, IOException e) {
        if (failure == null) {
            return e;
        }
        failure.addSuppressed(e);
        return failure;
    }

    private void ensureOpen() {
        if (closed) {
            throw new KarstException(Errors.NOT_LEADER_OR_FOLLOWER, "the log of " + tp + " is closed");
        }
    }

    @Override
    public String toString() {
        return "Log(" + tp + ", " + dir + ")";
    }
}
