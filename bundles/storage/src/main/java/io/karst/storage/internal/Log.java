package io.karst.storage.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.log.AppendResult;
import io.karst.api.log.LogConfig;
import io.karst.api.log.LogSlice;
import io.karst.api.log.PartitionLog;
import io.karst.api.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One partition's log: a folder {@code <topic>-<partition>} of {@link LogSegment}s. The last segment is
 * the active one that takes appends; a new one is rolled when it is full or old.
 *
 * <p>Threads: appends, rolls, closing and deleting are serialised by one lock. Reads,
 * {@link #forEachBatch} and {@link #flush} take no lock an append holds: they trust only offsets below
 * the volatile log end offset and bytes below each segment's committed size, both of which move only after
 * a batch is completely written.
 */
public final class Log implements PartitionLog, Closeable {
    /** Told after a flush moved the recovery point, so that it can be persisted. */
    @FunctionalInterface
    interface FlushListener {
        void flushed() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Log.class);

    private final TopicPartition tp;
    private final Path dir;
    private final Clock clock;
    private final FlushListener flushListener;
    private final LogSegments segments;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final AtomicLong recoveryPoint;
    private volatile LogConfig config;
    private volatile long logEndOffset;
    private volatile boolean closed;

    private Log(TopicPartition tp, Path dir, LogConfig config, Clock clock, FlushListener flushListener,
                LogLoader.Loaded loaded) {
        this.tp = tp;
        this.dir = dir;
        this.config = config;
        this.clock = clock;
        this.flushListener = flushListener;
        this.segments = loaded.segments();
        this.logEndOffset = loaded.logEndOffset();
        this.recoveryPoint = new AtomicLong(loaded.recoveryPoint());
    }

    /**
     * Opens the log in {@code dir}, creating the folder and a first segment when absent.
     *
     * @param recoveryPoint offset below which data was flushed before the last shutdown (0 when unknown)
     * @param cleanShutdown whether the last shutdown closed the log properly; if not, the segments from the
     *                      recovery point on are validated and a damaged tail is truncated
     * @param flushListener told after each {@link #flush()}
     */
    static Log open(Path dir, TopicPartition tp, LogConfig config, long recoveryPoint, boolean cleanShutdown,
                    Clock clock, FlushListener flushListener) throws IOException {
        LogLoader.Loaded loaded = new LogLoader(dir, tp, config, clock.millis()).load(recoveryPoint, cleanShutdown);
        LOG.debug("{}: opened {} segments in {}, log end offset {}", tp, loaded.segments().count(), dir,
                loaded.logEndOffset());
        return new Log(tp, dir, config, clock, flushListener, loaded);
    }

    @Override
    public TopicPartition topicPartition() {
        return tp;
    }

    /** The partition folder. */
    Path dir() {
        return dir;
    }

    /** Settings for rolls from now on; existing segments keep the index sizes they were made with. */
    void updateConfig(LogConfig newConfig) {
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
        appendLock.lock();
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
            return new AppendResult(firstOffset, logEndOffset - 1, logAppendTime >= 0 ? logAppendTime : -1);
        } finally {
            appendLock.unlock();
        }
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
        return rolled;
    }

    @Override
    public LogSlice read(long offset, int maxBytes, boolean minOneBatch) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative maxBytes " + maxBytes + " reading " + tp);
        }
        ensureOpen();
        long end = logEndOffset; // read first: every batch below it is committed
        if (offset == end) {
            return LogSlice.empty(end);
        }
        long start = logStartOffset();
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

    @Override
    public long logStartOffset() {
        LogSegment first = segments.first();
        return first == null ? 0 : first.baseOffset();
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
        flushSegments();
        recoveryPoint.accumulateAndGet(end, Math::max);
        flushListener.flushed();
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
        appendLock.lock();
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
                closeSegments(false);
            }
        } finally {
            appendLock.unlock();
        }
    }

    /** Closes the log without flushing and removes its folder with everything in it. */
    void delete() throws IOException {
        appendLock.lock();
        try {
            closed = true;
            closeSegments(true);
            Directories.deleteRecursively(dir);
        } finally {
            appendLock.unlock();
        }
    }

    private void closeSegments(boolean deleteFiles) throws IOException {
        IOException failure = null;
        for (LogSegment segment : new ArrayList<>(segments.all())) {
            try {
                if (deleteFiles) {
                    segment.delete();
                } else {
                    segment.close();
                }
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            segments.remove(segment);
        }
        if (failure != null) {
            throw failure;
        }
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
