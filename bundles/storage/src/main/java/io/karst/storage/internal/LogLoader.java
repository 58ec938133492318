package io.karst.storage.internal;

import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens the segments of one partition folder and brings them to a consistent state: after an unclean
 * shutdown every segment from the one holding the recovery point on (at least the last) is validated
 * batch by batch, and the first damaged batch cuts the log there, dropping every later segment;
 * a segment whose indexes are missing or corrupt has them rebuilt. Files other than
 * {@code <20 digits>.log} and its indexes (such as {@code .deleted}, {@code .cleaned}, {@code .swap}
 * leftovers) are ignored.
 */
final class LogLoader {
    /** What was loaded: the segments, the log end offset, and the offset below which data is known flushed. */
    record Loaded(LogSegments segments, long logEndOffset, long recoveryPoint) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LogLoader.class);
    private static final Pattern SEGMENT_LOG_FILE = Pattern.compile("(\\d{20})" + Pattern.quote(LogSegment.LOG_SUFFIX));

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
