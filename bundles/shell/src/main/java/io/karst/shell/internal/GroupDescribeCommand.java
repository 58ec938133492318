package io.karst.shell.internal;

import io.karst.api.TopicPartition;
import io.karst.api.broker.GroupAdmin;
import io.karst.api.broker.GroupInfo;
import io.karst.api.broker.GroupMemberInfo;
import io.karst.api.broker.GroupOffset;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * {@code karst:group-describe}: a group's state, its members with their partitions, and per partition
 * the committed offset, the log end and the lag, as Kafka's {@code kafka-consumer-groups --describe}.
 */
@Service
@Command(scope = "karst", name = "group-describe",
        description = "Shows a consumer group's members, their partitions, committed offsets and lag")
public class GroupDescribeCommand implements Action {
    private static final String NONE = "-";

    @Reference(optional = true)
    GroupAdmin groups;

    @Argument(index = 0, name = "group", description = "The group id", required = true)
    @Completion(GroupIdCompleter.class)
    String group;

    @Override
    public Object execute() throws Exception {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        GroupInfo info = CommandSupport.running(groups).group(group)
                .orElseThrow(() -> new IllegalArgumentException("Consumer group '" + group + "' does not exist."));
        out.println("Group:        " + info.groupId());
        out.println("State:        " + info.state());
        out.println("Protocol:     " + (info.protocolType().isEmpty() ? NONE : info.protocolType())
                + (info.protocol().isEmpty() ? "" : " (" + info.protocol() + ")"));
        out.println("Generation:   " + info.generation());
        out.println();
        ShellTable members = new ShellTable().emptyTableText("No active members");
        members.column("Member");
        members.column("Client id");
        members.column("Host");
        members.column("Partitions");
        for (GroupMemberInfo m : info.members()) {
            members.addRow().addContent(m.memberId(), m.clientId(), m.clientHost(),
                    m.assignment().stream().map(TopicPartition::toString).collect(Collectors.joining(",")));
        }
        members.print(out);
        out.println();
        ShellTable offsets = new ShellTable().emptyTableText("No committed offsets");
        offsets.column("Topic");
        offsets.column("Partition").alignRight();
        offsets.column("Committed").alignRight();
        offsets.column("Log end").alignRight();
        offsets.column("Lag").alignRight();
        offsets.column("Member");
        for (GroupOffset o : info.offsets()) {
            offsets.addRow().addContent(o.topicPartition().topic(), o.topicPartition().partition(), orNone(o.committed()),
                    orNone(o.logEndOffset()), orNone(o.lag()), o.memberId() == null ? NONE : o.memberId());
        }
        offsets.print(out);
    }

    private static String orNone(long value) {
        return value < 0 ? NONE : Long.toString(value);
    }
}
