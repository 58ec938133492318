package io.karst.shell.internal;

import io.karst.api.broker.GroupAdmin;
import io.karst.api.broker.GroupInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;

/** {@code karst:group-list}: every consumer group with its state and member count. */
@Service
@Command(scope = "karst", name = "group-list", description = "Lists the consumer groups")
public class GroupListCommand implements Action {

    @Reference(optional = true)
    GroupAdmin groups;

    @Override
    public Object execute() throws Exception {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("No groups");
        table.column("Group");
        table.column("State");
        table.column("Protocol type");
        table.column("Members").alignRight();
        table.column("Partitions committed").alignRight();
        for (GroupInfo group : CommandSupport.running(groups).groups()) {
            long committed = group.offsets().stream().filter(o -> o.committed() >= 0).count();
            table.addRow().addContent(group.groupId(), group.state(), group.protocolType(), group.members().size(), committed);
        }
        table.print(out);
    }
}
