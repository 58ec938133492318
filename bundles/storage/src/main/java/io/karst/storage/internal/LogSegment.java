package io.karst.storage.internal;

import io.karst.api.log.LogConfig;
import io.karst.api.log.LogSlice;
import io.karst.api.log.TimestampAndOffset;
import io.karst.api.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One segment of a partition log: a {@code .log} file of record batches with its {@code .index} and
 * {@code .timeindex} beside it, all three named by the segment's base offset, 20 digits zero-padded
 * ({@code 00000000000000368769.log}). The base offset is at most the first offset in the segment and above
 * every offset of the segments before it.
 *
 * <p>Threads: {@link #append}, {@link #seal}, {@link #recover} and {@link #close} are called by the log's
 * single writer (the log serialises them). {@link #read}, {@link #forEachBatch}, {@link #size} and
 * {@link #flush} are thread-safe and take no lock the writer holds.
 */
final class LogSegment implements Closeable {
    static final String LOG_SUFFIX = ".log";
    static final String INDEX_SUFFIX = ".index";
    static final String TIME_INDEX_SUFFIX = ".timeindex";
    /** Appended to the three file names of a segment removed from its log and waiting to be deleted. */
    static final String DELETED_SUFFIX = ".deleted";
    /** Appended to the file names of a segment the cleaner is writing. */
    static final String CLEANED_SUFFIX = ".cleaned";
    /** Appended to the file names of a complete cleaned segment about to replace the ones it was cleaned from. */
    static final String SWAP_SUFFIX = ".swap";

    private static final Logger LOG = LoggerFactory.getLogger(LogSegment.class);

    /** What {@link #recover()} found: how many leading bytes were valid, and why it stopped early if it did. */
    record Recovery(int validBytes, int truncatedBytes, String problem) {
    }

    private final Path dir;
    private final long baseOffset;
    private final RecordBatchFile log;
    private final int indexIntervalBytes;
    private final int maxIndexSize;
    private final long created;
    private volatile OffsetIndex offsetIndex;
    private volatile TimeIndex timeIndex;
    private volatile String suffix;
    private boolean needsRecovery;
    // the greatest batch max timestamp so far and the last offset of its batch; written by the writer only
    private volatile TimestampOffset maxTimestampSoFar;

    private LogSegment(Path dir, long baseOffset, RecordBatchFile log, LogConfig config, long created, String suffix) {
        this.dir = dir;
        this.baseOffset = baseOffset;
        this.log = log;
        this.indexIntervalBytes = config.indexIntervalBytes();
        this.maxIndexSize = config.segmentIndexBytes();
        this.created = created;
        this.suffix = suffix;
    }

    /** The file name of a segment's file: the base offset as 20 digits, then the suffix. */
    static String fileName(long baseOffset, String suffix) {
        return String.format("%020d%s", baseOffset, suffix);
    }

    /** Creates a new empty segment with writable indexes; index files left over by an earlier segment are replaced. */
    static LogSegment create(Path dir, long baseOffset, LogConfig config, long now) throws IOException {
        return create(dir, baseOffset, config, now, "");
    }

    /**
     * Creates a new empty segment whose file names end with {@code suffix} after the usual extension (the
     * cleaner writes {@code .log.cleaned}); see {@link #changeSuffix}.
     */
    static LogSegment create(Path dir, long baseOffset, LogConfig config, long now, String suffix) throws IOException {
        RecordBatchFile log = RecordBatchFile.create(dir.resolve(fileName(baseOffset, LOG_SUFFIX + suffix)));
        LogSegment segment = new LogSegment(dir, baseOffset, log, config, now, suffix);
        try {
            segment.createIndexes(config.segmentIndexBytes());
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        return segment;
    }

    /**
     * Creates the {@code .cleaned} segment that compaction writes what it keeps of {@code sourceBytes} of
     * segments into, with index room for every batch those could hold (trimmed when sealed).
     */
    static LogSegment createForCleaning(Path dir, long baseOffset, LogConfig config, long now, long sourceBytes)
            throws IOException {
        LogSegment segment = create(dir, baseOffset, config, now, CLEANED_SUFFIX);
        long capacity = indexCapacityFor(sourceBytes, config.indexIntervalBytes(), config.segmentIndexBytes());
        if (capacity > config.segmentIndexBytes()) {
            try {
                segment.createIndexes((int) capacity);
            } catch (IOException | RuntimeException e) {
                segment.delete();
                throw e;
            }
        }
        return segment;
    }

    /** Index bytes enough for a log of {@code logBytes}: at most one entry per interval or per batch header. */
    private static long indexCapacityFor(long logBytes, int indexIntervalBytes, int minimum) {
        long batchesBound = logBytes / Math.max(indexIntervalBytes + 1, RecordBatch.HEADER_SIZE) + 2;
        return Math.min(Integer.MAX_VALUE, Math.max(minimum, batchesBound * TimeIndex.ENTRY_SIZE));
    }

    /**
     * Opens an existing segment; its indexes writable when it is the {@code active} (last) one, sealed
     * otherwise. Missing or corrupt indexes are replaced by empty ones and the segment is marked
     * {@link #needsRecovery()}; the caller must then {@link #recover()} it.
     */
    static LogSegment open(Path dir, long baseOffset, LogConfig config, boolean active, long now) throws IOException {
        RecordBatchFile log = RecordBatchFile.open(dir.resolve(fileName(baseOffset, LOG_SUFFIX)));
        LogSegment segment = new LogSegment(dir, baseOffset, log, config, now, "");
        try {
            segment.openIndexes(active);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        return segment;
    }

    private void openIndexes(boolean active) throws IOException {
        try {
            for (Path file : List.of(offsetIndexFile(), timeIndexFile())) {
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(file.toString(), null, "index file is missing");
                }
            }
            offsetIndex = new OffsetIndex(offsetIndexFile(), baseOffset, maxIndexSize, active);
            offsetIndex.checkEntries(log.size());
            timeIndex = new TimeIndex(timeIndexFile(), baseOffset, maxIndexSize, active);
            timeIndex.checkEntries();
            maxTimestampSoFar = timeIndex.lastEntry();
        } catch (NoSuchFileException | CorruptIndexException e) {
            LOG.warn("Rebuilding the indexes of {}: {}", log.file(), e.getMessage());
            needsRecovery = true;
            createIndexes(maxIndexSize);
        }
    }

    /** Replaces both indexes by new empty writable ones with room for {@code capacityBytes}. */
    private void createIndexes(int capacityBytes) throws IOException {
        Files.deleteIfExists(offsetIndexFile());
        Files.deleteIfExists(timeIndexFile());
        offsetIndex = new OffsetIndex(offsetIndexFile(), baseOffset, capacityBytes, true);
        timeIndex = new TimeIndex(timeIndexFile(), baseOffset, capacityBytes, true);
        maxTimestampSoFar = timeIndex.lastEntry();
    }

    long baseOffset() {
        return baseOffset;
    }

    /** Committed bytes in the {@code .log}. Thread-safe. */
    int size() {
        return log.size();
    }

    Path logFile() {
        return log.file();
    }

    Path offsetIndexFile() {
        return dir.resolve(fileName(baseOffset, INDEX_SUFFIX + suffix));
    }

    Path timeIndexFile() {
        return dir.resolve(fileName(baseOffset, TIME_INDEX_SUFFIX + suffix));
    }

    /**
     * The greatest batch timestamp in the segment, or {@link TimestampOffset#NO_TIMESTAMP} when empty: what
     * time-based retention and look-ups by time go by. Thread-safe.
     */
    long largestTimestamp() {
        return maxTimestampSoFar.timestamp();
    }

    /**
     * Renames the three files from the current suffix to {@code newSuffix} ({@code ""} for the live names);
     * open channels and mappings keep working. Called by the log's single writer.
     */
    void changeSuffix(String newSuffix) throws IOException {
        log.renameTo(dir.resolve(fileName(baseOffset, LOG_SUFFIX + newSuffix)));
        offsetIndex.renameTo(dir.resolve(fileName(baseOffset, INDEX_SUFFIX + newSuffix)));
        timeIndex.renameTo(dir.resolve(fileName(baseOffset, TIME_INDEX_SUFFIX + newSuffix)));
        suffix = newSuffix;
    }

    /** Whether the indexes were missing or corrupt when opened and must be rebuilt by {@link #recover()}. */
    boolean needsRecovery() {
        return needsRecovery;
    }

    /**
     * Whether a batch of {@code batchSize} bytes ending at {@code lastOffset} must go to a new segment:
     * never for an empty segment; otherwise when it would pass {@code segment.bytes}, when this segment is
     * older than {@code segment.ms}, when an index is full, or when the offset cannot be stored in the indexes.
     */
    boolean shouldRoll(int batchSize, long lastOffset, long now, LogConfig config) {
        int size = log.size();
        return size > 0 && ((long) size + batchSize > config.segmentBytes()
                || now - created > config.segmentMs()
                || offsetIndex.isFull()
                || timeIndex.isFull()
                || !offsetIndex.canHold(lastOffset));
    }

    /** Appends a batch whose offsets are already assigned, then indexes it. */
    void append(RecordBatch batch) throws IOException {
        int position = log.append(batch.buffer());
        index(batch, position);
    }

    /** Adds index entries for the batch at {@code position} when it is due one (see {@link OffsetIndex}). */
    private void index(RecordBatch header, int position) {
        if (header.maxTimestamp() > maxTimestampSoFar.timestamp()) {
            maxTimestampSoFar = new TimestampOffset(header.maxTimestamp(), header.lastOffset());
        }
        if (position - offsetIndex.lastEntry().position() > indexIntervalBytes) {
            offsetIndex.append(header.lastOffset(), position);
            timeIndex.maybeAppend(maxTimestampSoFar.timestamp(), maxTimestampSoFar.offset());
        }
    }

    /**
     * Batches from the one holding {@code offset}: up to {@code maxBytes} (the last batch may be cut), or
     * the whole first batch when {@code minOneBatch} and it is larger. Null when no batch here reaches
     * {@code offset}. Never reaches past the committed size. Thread-safe.
     */
    LogSlice read(long offset, int maxBytes, boolean minOneBatch) throws IOException {
        int end = log.size();
        RecordBatchFile.LocatedBatch first = log.find(offset, offsetIndex.lookup(offset).position(), end);
        if (first == null) {
            return null;
        }
        int limit = minOneBatch ? Math.max(maxBytes, first.header().sizeInBytes()) : maxBytes;
        int size = Math.min(end - first.position(), limit);
        if (size == 0) {
            return LogSlice.empty(offset);
        }
        return new LogSlice(log.file(), log.channel(), first.position(), size, first.header().baseOffset());
    }

    /**
     * Calls {@code action} with the 61-byte header of each committed batch whose last offset is at or past
     * {@code fromOffset}. Thread-safe.
     */
    void forEachBatch(long fromOffset, Consumer<RecordBatch> action) throws IOException {
        int end = log.size();
        RecordBatchFile.LocatedBatch batch = log.find(fromOffset, offsetIndex.lookup(fromOffset).position(), end);
        int position = batch == null ? end : batch.position();
        RecordBatch header;
        while ((header = log.readHeader(position, end)) != null && RecordBatchFile.isWhole(header, position, end)) {
            action.accept(header);
            position += header.sizeInBytes();
        }
    }

    /**
     * The first record at or after {@code startingOffset} whose timestamp is at or after {@code timestamp}:
     * the time index gives the last batch known to be older, the offset index where it starts, and a scan of
     * the batch headers from there finds the first batch reaching the time; inside it, an uncompressed batch
     * is read record by record, while a compressed (or LogAppendTime) one answers with its first offset and
     * greatest timestamp. Empty when no record here is that recent. Thread-safe.
     */
    Optional<TimestampAndOffset> findOffsetByTimestamp(long timestamp, long startingOffset) throws IOException {
        int end = log.size();
        TimestampOffset older = timeIndex.lookup(timestamp);
        int position = offsetIndex.lookup(Math.max(older.offset(), startingOffset)).position();
        RecordBatch header;
        while ((header = log.readHeader(position, end)) != null && RecordBatchFile.isWhole(header, position, end)) {
            if (header.maxTimestamp() >= timestamp && header.lastOffset() >= startingOffset) {
                if (header.compressionId() != 0 || header.isLogAppendTime()) {
                    return Optional.of(new TimestampAndOffset(header.maxTimestamp(),
                            Math.max(header.baseOffset(), startingOffset)));
                }
                RecordBatch batch = RecordBatch.wrap(log.read(position, header.sizeInBytes()));
                for (StoredRecord record : StoredRecord.readAll(batch)) {
                    if (record.timestamp() >= timestamp && record.offset() >= startingOffset) {
                        return Optional.of(new TimestampAndOffset(record.timestamp(), record.offset()));
                    }
                }
            }
            position += header.sizeInBytes();
        }
        return Optional.empty();
    }

    /** Calls {@code action} with every committed batch, whole, in order. Thread-safe. */
    void forEachWholeBatch(BatchAction action) throws IOException {
        int end = log.size();
        int position = 0;
        RecordBatch header;
        while ((header = log.readHeader(position, end)) != null && RecordBatchFile.isWhole(header, position, end)) {
            action.accept(RecordBatch.wrap(log.read(position, header.sizeInBytes())));
            position += header.sizeInBytes();
        }
    }

    /** What {@link #forEachWholeBatch} calls. */
    @FunctionalInterface
    interface BatchAction {
        void accept(RecordBatch batch) throws IOException;
    }

    /**
     * The offset after the last batch (the base offset when empty), learnt by scanning the batches after
     * the last index entries; it also brings the greatest timestamp up to date. For reopening the last
     * segment without recovering it.
     */
    long readNextOffset() throws IOException {
        long indexed = Math.min(offsetIndex.lastEntry().offset(), timeIndex.lastEntry().offset());
        int end = log.size();
        int position = offsetIndex.lookup(indexed).position();
        long nextOffset = baseOffset;
        RecordBatch header;
        while ((header = log.readHeader(position, end)) != null && RecordBatchFile.isWhole(header, position, end)) {
            if (header.maxTimestamp() > maxTimestampSoFar.timestamp()) {
                maxTimestampSoFar = new TimestampOffset(header.maxTimestamp(), header.lastOffset());
            }
            nextOffset = header.nextOffset();
            position += header.sizeInBytes();
        }
        return nextOffset;
    }

    /**
     * Validates every batch from the start and rebuilds both indexes from the valid ones. Stops at the first
     * batch that is cut short, has a length below the header size, is not magic 2, fails its CRC-32C or
     * has offsets out of order, and truncates the {@code .log} there. Leaves the indexes writable.
     */
    Recovery recover() throws IOException {
        int end = log.size();
        // room for every entry the log could need, even if it was written with a larger index size
        createIndexes((int) indexCapacityFor(end, indexIntervalBytes, maxIndexSize));
        int position = 0;
        long nextOffset = baseOffset;
        String problem = null;
        while (position < end) {
            RecordBatch header = log.readHeader(position, end);
            if (header == null) {
                problem = "the " + (end - position) + " bytes left are too few for a batch header";
                break;
            }
            if (header.batchLength() < RecordBatchFile.MIN_BATCH_LENGTH) {
                problem = "batch length " + header.batchLength() + " is below the header size";
                break;
            }
            if (!RecordBatchFile.isWhole(header, position, end)) {
                problem = "a batch of " + header.sizeInBytes() + " bytes is cut short at " + (end - position);
                break;
            }
            if (header.magic() != RecordBatch.CURRENT_MAGIC) {
                problem = "batch magic " + header.magic() + " is not 2";
                break;
            }
            RecordBatch batch = RecordBatch.wrap(log.read(position, header.sizeInBytes()));
            if (!batch.isChecksumValid()) {
                problem = "batch CRC-32C " + batch.checksum() + " does not match " + batch.computeChecksum();
                break;
            }
            if (batch.baseOffset() < nextOffset || batch.lastOffsetDelta() < 0 || !offsetIndex.canHold(batch.lastOffset())) {
                problem = "batch offsets " + batch.baseOffset() + ".." + batch.lastOffset()
                        + " do not follow the offsets before them (" + nextOffset + ")";
                break;
            }
            index(batch, position);
            nextOffset = batch.nextOffset();
            position += batch.sizeInBytes();
        }
        if (position < end) {
            log.truncateTo(position);
        }
        needsRecovery = false;
        return new Recovery(position, end - position, problem);
    }

    /**
     * Makes this segment read-only once it stops being the active one: records the final time index entry,
     * trims both index files to their entries and the {@code .log} to its committed size. Idempotent.
     */
    void seal() throws IOException {
        if (timeIndex.isWritable()) {
            timeIndex.appendFinal(maxTimestampSoFar.timestamp(), maxTimestampSoFar.offset());
        }
        offsetIndex.seal();
        timeIndex.seal();
        log.trim();
    }

    /** Forces the {@code .log} and its indexes to the disk. Thread-safe. */
    void flush() throws IOException {
        log.flush();
        offsetIndex.flush();
        timeIndex.flush();
    }

    /** Seals and closes the segment. */
    @Override
    public void close() throws IOException {
        try {
            seal();
        } finally {
            log.close();
        }
    }

    /** Closes the segment without sealing it and deletes its three files, under whatever suffix they have. */
    void delete() throws IOException {
        log.close();
        Files.deleteIfExists(log.file());
        Files.deleteIfExists(offsetIndexFile());
        Files.deleteIfExists(timeIndexFile());
    }

    /** Closes the files; unlike {@link #close()} nothing is sealed or trimmed (the files are about to go). */
    void closeUnsealed() throws IOException {
        log.close();
    }

    @Override
    public String toString() {
        return "LogSegment(" + log.file() + ", size=" + log.size() + ")";
    }
}
