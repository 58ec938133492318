package io.karst.shell.internal;

import io.karst.api.broker.GroupAdmin;
import io.karst.api.broker.GroupInfo;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes consumer group ids from the running broker. */
@Service
public class GroupIdCompleter implements Completer {

    @Reference(optional = true)
    GroupAdmin groups;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        if (groups != null) {
            groups.groups().stream().map(GroupInfo::groupId).forEach(ids.getStrings()::add);
        }
        return ids.complete(session, commandLine, candidates);
    }
}
