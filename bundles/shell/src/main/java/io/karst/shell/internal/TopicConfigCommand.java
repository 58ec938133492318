package io.karst.shell.internal;

import io.karst.api.broker.TopicAdmin;
import io.karst.api.broker.TopicConfigEntry;
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
import java.util.Map;

/**
 * {@code karst:topic-config}: shows a topic's configs (its own and the broker defaults it inherits);
 * with {@code --set}/{@code --delete} changes its own first, applied at once.
 */
@Service
@Command(scope = "karst", name = "topic-config",
        description = "Shows a topic's configs; --set key=value and --delete key change them, live")
public class TopicConfigCommand implements Action {

    @Reference(optional = true)
    TopicAdmin topics;

    @Argument(index = 0, name = "topic", description = "The topic", required = true)
    @Completion(TopicNameCompleter.class)
    String topic;

    @Option(name = "--set", aliases = "-s", description = "A config to set, as key=value", multiValued = true)
    List<String> set;

    @Option(name = "--delete", aliases = "-d", description = "A config to remove (back to the broker default)",
            multiValued = true)
    List<String> delete;

    @Override
    public Object execute() throws Exception {
        print(System.out);
        return null;
    }

    void print(PrintStream out) throws Exception {
        TopicAdmin admin = CommandSupport.running(topics);
        Map<String, String> changes = CommandSupport.keyValues(set, "config");
        List<String> removals = delete == null ? List.of() : delete;
        if (!changes.isEmpty() || !removals.isEmpty()) {
            CommandSupport.call(() -> {
                admin.alterConfigs(topic, changes, removals);
                return null;
            });
            out.println("Updated the configs of topic " + topic);
        }
        List<TopicConfigEntry> configs = CommandSupport.call(() -> admin.configs(topic));
        ShellTable table = new ShellTable();
        table.column("Config");
        table.column("Value");
        table.column("Source");
        for (TopicConfigEntry c : configs) {
            table.addRow().addContent(c.key(), c.value(), c.override() ? "topic" : "default");
        }
        table.print(out);
    }
}
