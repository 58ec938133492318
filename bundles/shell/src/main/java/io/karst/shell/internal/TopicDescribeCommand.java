package io.karst.shell.internal;

import io.karst.api.broker.PartitionInfo;
import io.karst.api.broker.TopicAdmin;
import io.karst.api.broker.TopicInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code karst:topic-describe}: a topic's id, config overrides and, per partition, leader, ISR and log offsets. */
@Service
@Command(scope = "karst", name = "topic-describe",
        description = "Shows a topic's partitions (leader, replicas, ISR, log start and end offsets) and configs")
public class TopicDescribeCommand implements Action {

    @Reference(optional = true)
    TopicAdmin topics;

    @Argument(index = 0, name = "topic", description = "The topic", required = true)
    @Completion(TopicNameCompleter.class)
    String topic;

    @Override
    public Object execute() throws Exception {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        TopicInfo info = CommandSupport.running(topics).topic(topic)
                .orElseThrow(() -> new IllegalArgumentException("Topic '" + topic + "' does not exist."));
        out.println("Topic:        " + info.name());
        out.println("Topic id:     " + info.topicId());
        out.println("Partitions:   " + info.partitions().size());
        out.println("Internal:     " + (info.internal() ? "yes" : "no"));
        out.println("Configs:      " + (info.configs().isEmpty() ? "(broker defaults)"
                : new TreeMap<>(info.configs()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "))));
        out.println();
        ShellTable table = new ShellTable();
        table.column("Partition").alignRight();
        table.column("Leader").alignRight();
        table.column("Replicas");
        table.column("ISR");
        table.column("Log start").alignRight();
        table.column("Log end").alignRight();
        table.column("Size (bytes)").alignRight();
        for (PartitionInfo p : info.partitions()) {
            table.addRow().addContent(p.partition(), p.leader(), ids(p.replicas()), ids(p.isr()),
                    p.logStartOffset(), p.logEndOffset(), p.sizeInBytes());
        }
        table.print(out);
    }

    private static String ids(java.util.List<Integer> brokers) {
        return brokers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
