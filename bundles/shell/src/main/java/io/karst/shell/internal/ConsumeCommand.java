package io.karst.shell.internal;

import io.karst.api.broker.ConsumeRequest;
import io.karst.api.broker.ConsumedRecord;
import io.karst.api.broker.OffsetSpec;
import io.karst.api.broker.RecordAdmin;
import io.karst.api.record.Header;
import io.karst.api.record.LogRecord;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code karst:consume}: the console consumer. Reads up to {@code --max-messages} records from the
 * latest offset (what arrives within {@code --timeout-ms}), the beginning or a given offset; with a
 * group it starts at the group's committed offsets and commits where it stopped.
 */
@Service
@Command(scope = "karst", name = "consume",
        description = "Reads records of a topic: from the end (waiting for new ones), the beginning or an offset")
public class ConsumeCommand implements Action {

    @Reference(optional = true)
    RecordAdmin records;

    @Argument(index = 0, name = "topic", description = "The topic", required = true)
    @Completion(TopicNameCompleter.class)
    String topic;

    @Option(name = "--partition", aliases = "-p", description = "Only this partition")
    Integer partition;

    @Option(name = "--from-beginning", aliases = "-b", description = "Start at the earliest offset")
    boolean fromBeginning;

    @Option(name = "--offset", aliases = "-o", description = "Start at this offset")
    Long offset;

    @Option(name = "--group", aliases = "-g", description = "Start at this group's offsets and commit to them (the group must have no members)")
    @Completion(GroupIdCompleter.class)
    String group;

    @Option(name = "--max-messages", aliases = "-n", description = "The most records to read (default 100)")
    int maxMessages = 100;

    @Option(name = "--timeout-ms", aliases = "-t", description = "How long to wait when no record is there (default 1000)")
    long timeoutMs = 1000;

    @Override
    public Object execute() throws Exception {
        print(System.out);
        return null;
    }

    void print(PrintStream out) throws Exception {
        if (fromBeginning && offset != null) {
            throw new IllegalArgumentException("Give --from-beginning or --offset, not both");
        }
        if (maxMessages < 1) {
            throw new IllegalArgumentException("--max-messages must be at least 1");
        }
        RecordAdmin admin = CommandSupport.running(records);
        OffsetSpec from = fromBeginning ? new OffsetSpec.Earliest()
                : offset != null ? new OffsetSpec.At(offset) : new OffsetSpec.Latest();
        ConsumeRequest request = new ConsumeRequest(topic, partition, from, group, maxMessages, timeoutMs);
        List<ConsumedRecord> read = CommandSupport.call(() -> {
            try {
                return admin.consume(request).toCompletableFuture().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        });
        ShellTable table = new ShellTable().emptyTableText("No records");
        table.column("Partition").alignRight();
        table.column("Offset").alignRight();
        table.column("Timestamp").alignRight();
        table.column("Key");
        table.column("Headers");
        table.column("Value");
        for (ConsumedRecord r : read) {
            LogRecord record = r.record();
            table.addRow().addContent(r.topicPartition().partition(), record.offset(), record.timestamp(),
                    CommandSupport.text(record.key()), headers(record.headers()), CommandSupport.text(record.value()));
        }
        table.print(out);
        out.println("Consumed " + read.size() + (read.size() == 1 ? " record" : " records"));
    }

    private static String headers(List<Header> headers) {
        return headers.stream().map(h -> h.key() + "=" + CommandSupport.text(h.value())).collect(Collectors.joining(","));
    }
}
