package io.karst.shell.internal;

import io.karst.api.TopicPartition;
import io.karst.api.broker.GroupAdmin;
import io.karst.api.broker.OffsetSpec;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code karst:group-reset-offsets}: moves a stopped group's committed offsets on a topic to the
 * earliest or latest offset, a given offset, or the first record at or after a time. Refused while
 * the group has members, as Kafka refuses it.
 */
@Service
@Command(scope = "karst", name = "group-reset-offsets",
        description = "Resets a consumer group's offsets on a topic (only while the group has no members)")
public class GroupResetOffsetsCommand implements Action {

    @Reference(optional = true)
    GroupAdmin groups;

    @Argument(index = 0, name = "group", description = "The group id", required = true)
    @Completion(GroupIdCompleter.class)
    String group;

    @Argument(index = 1, name = "topic", description = "The topic", required = true)
    @Completion(TopicNameCompleter.class)
    String topic;

    @Option(name = "--partition", aliases = "-p", description = "Only this partition")
    Integer partition;

    @Option(name = "--to-earliest", description = "To the first offset still in the log")
    boolean toEarliest;

    @Option(name = "--to-latest", description = "To the log end")
    boolean toLatest;

    @Option(name = "--to-offset", description = "To this offset (kept within the log)")
    Long toOffset;

    @Option(name = "--to-datetime", description = "To the first record at or after this time (ISO-8601, e.g. 2025-01-31T12:00:00Z)")
    String toDatetime;

    @Option(name = "--to-timestamp", description = "To the first record at or after this time (ms since the epoch)")
    Long toTimestamp;

    @Override
    public Object execute() throws Exception {
        print(System.out);
        return null;
    }

    void print(PrintStream out) throws Exception {
        OffsetSpec to = target();
        GroupAdmin admin = CommandSupport.running(groups);
        Map<TopicPartition, Long> reset = CommandSupport.call(() -> admin.resetOffsets(group, topic, partition, to));
        ShellTable table = new ShellTable();
        table.column("Topic");
        table.column("Partition").alignRight();
        table.column("New offset").alignRight();
        reset.forEach((tp, offset) -> table.addRow().addContent(tp.topic(), tp.partition(), offset));
        table.print(out);
    }

    /** The one {@code --to-*} option given. */
    OffsetSpec target() {
        List<OffsetSpec> given = new ArrayList<>();
        if (toEarliest) {
            given.add(new OffsetSpec.Earliest());
        }
        if (toLatest) {
            given.add(new OffsetSpec.Latest());
        }
        if (toOffset != null) {
            given.add(new OffsetSpec.At(toOffset));
        }
        if (toTimestamp != null) {
            given.add(new OffsetSpec.ForTime(toTimestamp));
        }
        if (toDatetime != null) {
            try {
                given.add(new OffsetSpec.ForTime(Instant.parse(toDatetime).toEpochMilli()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Invalid --to-datetime '" + toDatetime
                        + "': expected ISO-8601 such as 2025-01-31T12:00:00Z", e);
            }
        }
        if (given.size() != 1) {
            throw new IllegalArgumentException(
                    "Give exactly one of --to-earliest, --to-latest, --to-offset, --to-datetime, --to-timestamp");
        }
        return given.get(0);
    }
}
