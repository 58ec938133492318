package io.karst.storage.internal;

import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import io.karst.api.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens the segments of one partition folder and brings them to a consistent state: after an unclean
 * shutdown every segment from the one holding the recovery point on (at least the last) is validated
 * batch by batch, and the first damaged batch cuts the log there, dropping every later segment;
 * a segment whose indexes are missing or corrupt has them rebuilt. Leftovers of work a crash interrupted
 * are settled first: {@code .deleted} files (segments retention or the cleaner had removed) and
 * {@code .cleaned} files (a cleaning not finished) are deleted, and a {@code .swap} segment (a finished
 * cleaning not yet swapped in) replaces the segments its offsets cover. Other files are ignored.
 */
final class LogLoader {
    /** What was loaded: the segments, the log end offset, and the offset below which data is known flushed. */
    record Loaded(LogSegments segments, long logEndOffset, long recoveryPoint) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LogLoader.class);
    private static final Pattern SEGMENT_LOG_FILE = Pattern.compile("(\\d{20})" + Pattern.quote(LogSegment.LOG_SUFFIX));
    private static final Pattern SWAP_LOG_FILE = Pattern.compile("\\d{20}"
            + Pattern.quote(LogSegment.LOG_SUFFIX + LogSegment.SWAP_SUFFIX));

    private final Path dir;
    private final TopicPartition tp;
    private final LogConfig config;
    private final long now;

    LogLoader(Path dir, TopicPartition tp, LogConfig config, long now) {
        this.dir = dir;
        this.tp = tp;
        this.config = config;
        this.now = now;
    }

    /**
     * Loads the folder, creating it with one empty segment when it holds none.
     *
     * @param recoveryPoint offset below which the data was flushed before the last shutdown
     * @param cleanShutdown whether the last shutdown closed every log properly (then nothing is validated)
     */
    Loaded load(long recoveryPoint, boolean cleanShutdown) throws IOException {
        Files.createDirectories(dir);
        settleLeftovers();
        List<Long> baseOffsets = segmentBaseOffsets();
        LogSegments segments = new LogSegments();
        try {
            if (baseOffsets.isEmpty()) {
                segments.add(LogSegment.create(dir, 0, config, now));
                return new Loaded(segments, 0, 0);
            }
            for (int i = 0; i < baseOffsets.size(); i++) {
                segments.add(LogSegment.open(dir, baseOffsets.get(i), config, i == baseOffsets.size() - 1, now));
            }
            if (!cleanShutdown) {
                recoverTail(segments, recoveryPoint);
            }
            rebuildBrokenIndexes(segments);
            LogSegment last = segments.last();
            for (LogSegment segment : segments.all()) {
                if (segment != last) {
                    segment.seal();
                }
            }
            long logEndOffset = last.readNextOffset();
            return new Loaded(segments, logEndOffset, cleanShutdown ? logEndOffset : Math.min(recoveryPoint, logEndOffset));
        } catch (IOException | RuntimeException e) {
            for (LogSegment segment : segments.all()) {
                try {
                    segment.close();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Deletes {@code .deleted} and {@code .cleaned} files and completes every {@code .swap}. */
    private void settleLeftovers() throws IOException {
        List<Path> swaps = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(LogSegment.DELETED_SUFFIX) || name.endsWith(LogSegment.CLEANED_SUFFIX)
                        || (name.endsWith(LogSegment.SWAP_SUFFIX) && !name.endsWith(LogSegment.LOG_SUFFIX + LogSegment.SWAP_SUFFIX))) {
                    Files.deleteIfExists(file);
                } else if (SWAP_LOG_FILE.matcher(name).matches()) {
                    swaps.add(file);
                }
            }
        }
        for (Path swap : swaps) {
            completeSwap(swap);
        }
    }

    /**
     * Finishes replacing segments by a cleaned one: the segments whose base offsets lie in the cleaned
     * segment's offset range go, and the {@code .swap} file takes the live name; its indexes are rebuilt.
     */
    private void completeSwap(Path swap) throws IOException {
        long base = Long.parseLong(swap.getFileName().toString().substring(0, 20));
        long lastOffset = base;
        try (RecordBatchFile file = RecordBatchFile.open(swap)) {
            int position = 0;
            RecordBatch header;
            while ((header = file.readHeader(position, file.size())) != null
                    && RecordBatchFile.isWhole(header, position, file.size())) {
                lastOffset = Math.max(lastOffset, header.lastOffset());
                position += header.sizeInBytes();
            }
        }
        for (long replaced : segmentBaseOffsets()) {
            if (replaced >= base && replaced <= lastOffset) {
                for (String suffix : List.of(LogSegment.LOG_SUFFIX, LogSegment.INDEX_SUFFIX, LogSegment.TIME_INDEX_SUFFIX)) {
                    Files.deleteIfExists(dir.resolve(LogSegment.fileName(replaced, suffix)));
                }
            }
        }
        Files.deleteIfExists(dir.resolve(LogSegment.fileName(base, LogSegment.INDEX_SUFFIX)));
        Files.deleteIfExists(dir.resolve(LogSegment.fileName(base, LogSegment.TIME_INDEX_SUFFIX)));
        Files.move(swap, dir.resolve(LogSegment.fileName(base, LogSegment.LOG_SUFFIX)), StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("{}: completed the swap of cleaned segment {} interrupted by the last shutdown", tp, swap);
    }

    /** Base offsets of the {@code .log} files in the folder, in order. */
    private List<Long> segmentBaseOffsets() throws IOException {
        List<Long> baseOffsets = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher matcher = SEGMENT_LOG_FILE.matcher(file.getFileName().toString());
                if (matcher.matches() && Files.isRegularFile(file)) {
                    baseOffsets.add(Long.parseLong(matcher.group(1)));
                }
            }
        } catch (NumberFormatException e) {
            throw new IOException("a segment file name in " + dir + " holds an offset beyond the largest offset", e);
        }
        baseOffsets.sort(null);
        return baseOffsets;
    }

    /** Validates the segments that may hold unflushed data; a damaged one ends the log. */
    private void recoverTail(LogSegments segments, long recoveryPoint) throws IOException {
        for (LogSegment segment : new ArrayList<>(segments.from(recoveryPoint))) {
            LogSegment.Recovery recovery = segment.recover();
            if (recovery.truncatedBytes() > 0) {
                List<LogSegment> later = new ArrayList<>(segments.after(segment));
                for (LogSegment dropped : later) {
                    segments.remove(dropped);
                    dropped.delete();
                }
                warnTruncated(segment, recovery, later.size());
                return;
            }
        }
    }

    /**
     * Rebuilds indexes found missing or corrupt. These segments lie below the recovery point, so damage in
     * their {@code .log} is not a torn write; later segments are kept and readers step over the gap.
     */
    private void rebuildBrokenIndexes(LogSegments segments) throws IOException {
        for (LogSegment segment : segments.all()) {
            if (segment.needsRecovery()) {
                LogSegment.Recovery recovery = segment.recover();
                if (recovery.truncatedBytes() > 0) {
                    warnTruncated(segment, recovery, 0);
                }
            }
        }
    }

    private void warnTruncated(LogSegment segment, LogSegment.Recovery recovery, int droppedSegments) {
        LOG.warn("{}: segment {} is damaged at position {} ({}); truncated {} bytes there and dropped {} later segments",
                tp, segment.logFile(), recovery.validBytes(), recovery.problem(), recovery.truncatedBytes(),
                droppedSegments);
    }
}
