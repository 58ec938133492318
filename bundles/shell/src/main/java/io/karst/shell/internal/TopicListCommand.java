package io.karst.shell.internal;

import io.karst.api.broker.TopicAdmin;
import io.karst.api.broker.TopicInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;

/** {@code karst:topic-list}: every topic with its partition count and replication factor. */
@Service
@Command(scope = "karst", name = "topic-list", description = "Lists the topics")
public class TopicListCommand implements Action {

    @Reference(optional = true)
    TopicAdmin topics;

    @Override
    public Object execute() throws Exception {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("No topics");
        table.column("Topic");
        table.column("Partitions").alignRight();
        table.column("Replication factor").alignRight();
        table.column("Internal");
        for (TopicInfo topic : CommandSupport.running(topics).topics()) {
            int replicas = topic.partitions().isEmpty() ? 0 : topic.partitions().get(0).replicas().size();
            table.addRow().addContent(topic.name(), topic.partitions().size(), replicas, topic.internal() ? "yes" : "no");
        }
        table.print(out);
    }
}
