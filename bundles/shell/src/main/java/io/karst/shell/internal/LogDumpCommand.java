package io.karst.shell.internal;

import io.karst.api.TopicPartition;
import io.karst.api.broker.LogDumpVisitor;
import io.karst.api.broker.RecordAdmin;
import io.karst.api.record.Header;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code karst:log-dump}: a partition's segment files batch by batch, in the format of Kafka's
 * {@code kafka-dump-log --print-data-log}: each batch header, then each record. A batch whose records
 * cannot be decoded (a codec bundle not installed, corrupt records) shows why instead.
 */
@Service
@Command(scope = "karst", name = "log-dump",
        description = "Prints a partition's segments: every batch header and its records, like kafka-dump-log")
public class LogDumpCommand implements Action {
    private static final String[] CODECS = {"none", "gzip", "snappy", "lz4", "zstd"};

    @Reference(optional = true)
    RecordAdmin records;

    @Argument(index = 0, name = "topic", description = "The topic", required = true)
    @Completion(TopicNameCompleter.class)
    String topic;

    @Argument(index = 1, name = "partition", description = "The partition", required = true)
    int partition;

    @Option(name = "--segment", aliases = "-s", description = "Only the segment starting at this offset")
    Long segment;

    @Option(name = "--batches-only", description = "Batch headers without their records")
    boolean batchesOnly;

    @Override
    public Object execute() throws Exception {
        print(System.out);
        return null;
    }

    void print(PrintStream out) throws Exception {
        RecordAdmin admin = CommandSupport.running(records);
        if (partition < 0) {
            throw new IllegalArgumentException("Invalid partition " + partition);
        }
        int[] batches = new int[1];
        CommandSupport.call(() -> {
            admin.dumpLog(new TopicPartition(topic, partition), segment, new Printer(out, batches));
            return null;
        });
        if (batches[0] == 0) {
            out.println("No batches in " + topic + "-" + partition);
        }
    }

    private final class Printer implements LogDumpVisitor {
        private final PrintStream out;
        private final int[] batches;

        Printer(PrintStream out, int[] batches) {
            this.out = out;
            this.batches = batches;
        }

        @Override
        public void segment(Path file, long baseOffset, long sizeInBytes) {
            out.println("Dumping " + file);
            out.println("Log starting offset: " + baseOffset + " size: " + sizeInBytes);
        }

        @Override
        public void batch(long position, RecordBatch b, List<LogRecord> decoded, String undecoded) {
            batches[0]++;
            String timeType = b.isLogAppendTime() ? "LogAppendTime" : "CreateTime";
            int codec = b.compressionId();
            out.println("baseOffset: " + b.baseOffset() + " lastOffset: " + b.lastOffset() + " count: " + b.recordsCount()
                    + " baseSequence: " + b.baseSequence() + " lastSequence: " + b.lastSequence()
                    + " producerId: " + b.producerId() + " producerEpoch: " + b.producerEpoch()
                    + " partitionLeaderEpoch: " + b.partitionLeaderEpoch() + " isTransactional: " + b.isTransactional()
                    + " isControl: " + b.isControl() + " position: " + position + " " + timeType + ": " + b.maxTimestamp()
                    + " size: " + b.sizeInBytes() + " magic: " + b.magic()
                    + " compresscodec: " + (codec < CODECS.length ? CODECS[codec] : "unknown(" + codec + ")")
                    + " crc: " + b.checksum() + " isvalid: " + b.isChecksumValid());
            if (batchesOnly) {
                return;
            }
            if (decoded == null) {
                out.println("| records not decoded: " + undecoded);
                return;
            }
            for (LogRecord r : decoded) {
                long sequence = b.baseSequence() < 0 ? -1 : b.baseSequence() + (r.offset() - b.baseOffset());
                out.println("| offset: " + r.offset() + " " + timeType + ": " + r.timestamp()
                        + " keySize: " + size(r.key()) + " valueSize: " + size(r.value()) + " sequence: " + sequence
                        + " headerKeys: " + r.headers().stream().map(Header::key).toList()
                        + " key: " + CommandSupport.text(r.key()) + " payload: " + CommandSupport.text(r.value()));
            }
        }

        private static int size(byte[] bytes) {
            return bytes == null ? -1 : bytes.length;
        }
    }
}
