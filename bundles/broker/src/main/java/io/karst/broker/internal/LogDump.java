package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.broker.LogDumpVisitor;
import io.karst.api.codec.CompressionType;
import io.karst.api.log.LogSlice;
import io.karst.api.log.PartitionLog;
import io.karst.api.record.InvalidRecordBatchException;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Walks a partition's segment files ({@code <20-digit base offset>.log}) batch by batch, as Kafka's
 * DumpLogSegments does: straight from the files, so it shows what is stored, batch headers as written
 * and records decoded where possible, and else why not.
 */
final class LogDump {
    private static final Pattern SEGMENT_FILE = Pattern.compile("\\d{20}\\.log");

    private final Partition partition;
    private final RecordDecoder decoder;

    LogDump(Partition partition, RecordDecoder decoder) {
        this.partition = partition;
        this.decoder = decoder;
    }

    /** Every segment holding data, or only the one based at {@code baseOffset} when not null. */
    void walk(Long baseOffset, LogDumpVisitor visitor) throws IOException {
        PartitionLog log = partition.log();
        if (log.logStartOffset() == log.logEndOffset()) {
            return;
        }
        LogSlice first = log.read(log.logStartOffset(), 1, true);
        if (first.isEmpty()) {
            return;
        }
        List<Path> segments;
        try (Stream<Path> files = Files.list(first.file().getParent())) {
            segments = files.filter(f -> SEGMENT_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        boolean found = false;
        for (Path segment : segments) {
            long base = Long.parseLong(segment.getFileName().toString().substring(0, 20));
            if (baseOffset == null || baseOffset == base) {
                found = true;
                walkSegment(segment, base, visitor);
            }
        }
        if (!found) {
            throw new KarstException(Errors.INVALID_REQUEST, "No segment of " + partition.topicPartition()
                    + " starts at offset " + baseOffset + "; the segments start at " + segments.stream()
                    .map(s -> String.valueOf(Long.parseLong(s.getFileName().toString().substring(0, 20)))).toList());
        }
    }

    private void walkSegment(Path file, long base, LogDumpVisitor visitor) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            visitor.segment(file, base, size);
            ByteBuffer head = ByteBuffer.allocate(RecordBatch.LOG_OVERHEAD);
            long position = 0;
            while (position + RecordBatch.HEADER_SIZE <= size) {
                readFully(channel, head.clear(), position);
                int batchSize = RecordBatch.LOG_OVERHEAD + head.getInt(RecordBatch.BATCH_LENGTH);
                if (batchSize < RecordBatch.HEADER_SIZE || position + batchSize > size) {
                    break; // the end of what was written (or a torn tail that recovery will cut)
                }
                ByteBuffer bytes = ByteBuffer.allocate(batchSize);
                readFully(channel, bytes, position);
                RecordBatch batch = RecordBatch.wrap(bytes.flip());
                Decoded decoded = decode(batch);
                visitor.batch(position, batch, decoded.records(), decoded.failure());
                position += batchSize;
            }
        }
    }

    /** A batch's records, or why they cannot be decoded here. */
    private record Decoded(List<LogRecord> records, String failure) {
        static Decoded failed(String failure) {
            return new Decoded(null, failure);
        }
    }

    private Decoded decode(RecordBatch batch) {
        if (batch.magic() != RecordBatch.CURRENT_MAGIC) {
            return Decoded.failed("magic " + batch.magic() + " batches are not decoded here");
        }
        CompressionType codec = CompressionType.forId(batch.compressionId());
        try {
            return decoder.decode(batch).map(records -> new Decoded(records, null))
                    .orElseGet(() -> Decoded.failed("no " + codec + " codec is installed"));
        } catch (IOException e) {
            return Decoded.failed("its records are not a valid " + codec + " stream: " + e.getMessage());
        } catch (InvalidRecordBatchException e) {
            return Decoded.failed("its records are malformed: " + e.getMessage());
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, position + into.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (position + into.position()));
            }
        }
    }
}
