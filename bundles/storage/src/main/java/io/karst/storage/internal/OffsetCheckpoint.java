package io.karst.storage.internal;

import io.karst.api.TopicPartition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An offset checkpoint file of a log directory, one offset per partition: {@code recovery-point-offset-checkpoint}
 * (below it, the log was flushed to the disk; after an unclean shutdown only data from there on is
 * validated), {@code log-start-offset-checkpoint} (the first offset of each log, moved by retention and
 * DeleteRecords) and {@code cleaner-offset-checkpoint} (where the uncleaned part of a compacted log starts).
 *
 * <p>Text format, Kafka's: the version {@code 0} on the first line, the number of entries on the second,
 * then one {@code <topic> <partition> <offset>} line per partition. The file is replaced atomically
 * (written to {@code .tmp}, forced, renamed) so a crash leaves the old or the new one, never half of one.
 * Thread-safe.
 */
final class OffsetCheckpoint {
    static final String RECOVERY_POINT_FILE = "recovery-point-offset-checkpoint";
    static final String LOG_START_OFFSET_FILE = "log-start-offset-checkpoint";
    static final String CLEANER_OFFSET_FILE = "cleaner-offset-checkpoint";
    private static final int VERSION = 0;

    private final Path file;
    private final Path tmpFile;

    OffsetCheckpoint(Path logDir, String fileName) {
        this.file = logDir.resolve(fileName);
        this.tmpFile = logDir.resolve(fileName + ".tmp");
    }

    Path file() {
        return file;
    }

    /**
     * The offsets in the file; empty when there is no file.
     *
     * @throws IOException naming the file and line when it is malformed
     */
    synchronized Map<TopicPartition, Long> read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        if (lines.size() < 2 || !lines.get(0).trim().equals(Integer.toString(VERSION))) {
            throw malformed(1, "expected version " + VERSION + " then an entry count");
        }
        int count = parseInt(lines.get(1), 2);
        if (lines.size() < count + 2) {
            throw malformed(2, "announces " + count + " entries but holds " + (lines.size() - 2) + " lines");
        }
        Map<TopicPartition, Long> points = new HashMap<>();
        for (int i = 2; i < count + 2; i++) {
            String[] fields = lines.get(i).trim().split(" ");
            if (fields.length != 3) {
                throw malformed(i + 1, "expected '<topic> <partition> <offset>'");
            }
            try {
                points.put(new TopicPartition(fields[0], Integer.parseInt(fields[1])), Long.parseLong(fields[2]));
            } catch (IllegalArgumentException e) {
                throw malformed(i + 1, e.getMessage());
            }
        }
        return points;
    }

    /** Replaces the file with {@code points}, atomically, and forces it to the disk. */
    synchronized void write(Map<TopicPartition, Long> points) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(VERSION).append('\n').append(points.size()).append('\n');
        new TreeMap<>(points).forEach((tp, offset) ->
                text.append(tp.topic()).append(' ').append(tp.partition()).append(' ').append(offset).append('\n'));
        try (FileChannel channel = FileChannel.open(tmpFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.move(tmpFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically", e);
        }
        Directories.force(file.getParent());
    }

    private int parseInt(String text, int lineNumber) throws IOException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw malformed(lineNumber, "'" + text + "' is not a number");
        }
    }

    private IOException malformed(int lineNumber, String problem) {
        return new IOException("checkpoint file " + file + " is malformed at line " + lineNumber + ": " + problem);
    }
}
