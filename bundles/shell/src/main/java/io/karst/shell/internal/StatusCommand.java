package io.karst.shell.internal;

import io.karst.api.broker.BrokerStatus;
import io.karst.api.broker.PartitionStatus;
import io.karst.api.coordination.Endpoint;
import io.karst.api.request.Transport;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

/**
 * {@code karst:status}: the broker's identity, coordinator, listeners and one row per partition.
 * Karaf's shell injects the fields; without a broker service it says so in one line.
 */
@Service
@Command(scope = "karst", name = "status",
        description = "Shows the broker id, cluster id, coordinator, listeners and the partitions this broker holds")
public class StatusCommand implements Action {

    static final String NOT_RUNNING = "Karst broker is not running";

    @Reference(optional = true)
    BrokerStatus broker;

    /** Every running transport; Karaf injects the current list, empty when there is none. */
    @Reference
    List<Transport> transports;

    @Override
    public Object execute() {
        // inside a Karaf session System.out is that session's output
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        if (broker == null) {
            out.println(NOT_RUNNING);
            return;
        }
        out.println("Broker id:    " + broker.brokerId());
        out.println("Cluster id:   " + broker.clusterId());
        out.println("Coordinator:  " + broker.coordinatorName());
        printListeners(out);
        out.println();
        partitionTable(broker.partitions()).print(out);
    }

    private void printListeners(PrintStream out) {
        if (transports.isEmpty()) {
            out.println("Listener:     none (no transport is running)");
            return;
        }
        transports.stream()
                .sorted(Comparator.comparing(Transport::name))
                .forEach(transport -> {
                    for (Endpoint endpoint : transport.endpoints()) {
                        out.println("Listener:     " + endpoint + " (" + transport.name() + ")");
                    }
                });
    }

    private static ShellTable partitionTable(List<PartitionStatus> partitions) {
        ShellTable table = new ShellTable().emptyTableText("No partitions");
        table.column("Topic");
        table.column("Partition").alignRight();
        table.column("Leader").alignRight();
        table.column("Log start").alignRight();
        table.column("Log end").alignRight();
        table.column("Segments").alignRight();
        table.column("Size (bytes)").alignRight();
        for (PartitionStatus p : partitions) {
            table.addRow().addContent(p.topicPartition().topic(), p.topicPartition().partition(), p.leader(),
                    p.logStartOffset(), p.logEndOffset(), p.segments(), p.sizeInBytes());
        }
        return table;
    }
}
