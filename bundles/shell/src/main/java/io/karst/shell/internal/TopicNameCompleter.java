package io.karst.shell.internal;

import io.karst.api.broker.TopicAdmin;
import io.karst.api.broker.TopicInfo;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes topic names from the running broker. */
@Service
public class TopicNameCompleter implements Completer {

    @Reference(optional = true)
    TopicAdmin topics;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (topics != null) {
            topics.topics().stream().map(TopicInfo::name).forEach(names.getStrings()::add);
        }
        return names.complete(session, commandLine, candidates);
    }
}
