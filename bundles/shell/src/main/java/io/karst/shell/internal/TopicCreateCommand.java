package io.karst.shell.internal;

import io.karst.api.broker.TopicAdmin;
import io.karst.api.broker.TopicInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;
import java.util.List;

/** {@code karst:topic-create}: creates a topic, with the broker's defaults for what is not given. */
@Service
@Command(scope = "karst", name = "topic-create", description = "Creates a topic")
public class TopicCreateCommand implements Action {

    @Reference(optional = true)
    TopicAdmin topics;

    @Argument(index = 0, name = "topic", description = "The topic's name", required = true)
    String topic;

    @Option(name = "--partitions", aliases = "-p", description = "Partitions (default: num.partitions)")
    int partitions = -1;

    @Option(name = "--replication-factor", aliases = "-r", description = "Replicas (default: default.replication.factor)")
    short replicationFactor = -1;

    @Option(name = "--config", aliases = "-c", description = "A topic config as key=value", multiValued = true)
    List<String> configs;

    @Override
    public Object execute() throws Exception {
        print(System.out);
        return null;
    }

    void print(PrintStream out) throws Exception {
        TopicAdmin admin = CommandSupport.running(topics);
        TopicInfo created = CommandSupport.call(() -> admin.createTopic(topic, partitions, replicationFactor,
                CommandSupport.keyValues(configs, "config")));
        out.println("Created topic " + created.name() + " with " + created.partitions().size() + " partitions");
    }
}
