package io.karst.shell.internal;

import io.karst.api.broker.TopicAdmin;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;

/** {@code karst:topic-delete}: deletes a topic and its data. */
@Service
@Command(scope = "karst", name = "topic-delete", description = "Deletes a topic and its data")
public class TopicDeleteCommand implements Action {

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

    void print(PrintStream out) throws Exception {
        TopicAdmin admin = CommandSupport.running(topics);
        CommandSupport.call(() -> {
            admin.deleteTopic(topic);
            return null;
        });
        out.println("Deleted topic " + topic);
    }
}
