package io.karst.shell.internal;

import io.karst.api.TopicPartition;
import io.karst.api.broker.BrokerStatus;
import io.karst.api.broker.PartitionStatus;
import io.karst.api.coordination.Endpoint;
import io.karst.api.request.Transport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

    @Test
    void saysSoInOneLineWhenNoBrokerIsRunning() {
        StatusCommand command = new StatusCommand();
        command.transports = List.of(new FixedTransport("netty", List.of(Endpoint.parse("PLAINTEXT://127.0.0.1:9092"))));

        assertThat(run(command)).isEqualTo("Karst broker is not running" + System.lineSeparator());
    }

    @Test
    void printsIdentityListenersAndOneRowPerPartition() {
        StatusCommand command = new StatusCommand();
        command.broker = new FixedBrokerStatus(7, "k3rst-cluster", "local", List.of(
                new PartitionStatus(new TopicPartition("orders", 0), 7, 0, 1500, 2, 204_800),
                new PartitionStatus(new TopicPartition("orders", 1), 7, 100, 120, 1, 3_072)));
        command.transports = List.of(new FixedTransport("netty", List.of(
                Endpoint.parse("PLAINTEXT://127.0.0.1:9092"), Endpoint.parse("INTERNAL://10.0.0.5:19092"))));

        List<String> lines = run(command).lines().toList();

        assertThat(lines).startsWith(
                "Broker id:    7",
                "Cluster id:   k3rst-cluster",
                "Coordinator:  local",
                "Listener:     PLAINTEXT://127.0.0.1:9092 (netty)",
                "Listener:     INTERNAL://10.0.0.5:19092 (netty)",
                "");
        assertThat(cells(lines.get(6))).containsExactly(
                "Topic", "Partition", "Leader", "Log start", "Log end", "Segments", "Size (bytes)");
        assertThat(lines.subList(8, lines.size())).extracting(StatusCommandTest::cells).containsExactly(
                List.of("orders", "0", "7", "0", "1500", "2", "204800"),
                List.of("orders", "1", "7", "100", "120", "1", "3072"));
    }

    @Test
    void listsListenersOfEveryTransportSortedByName() {
        StatusCommand command = new StatusCommand();
        command.broker = new FixedBrokerStatus(1, "c", "zookeeper", List.of());
        command.transports = List.of(
                new FixedTransport("zeta", List.of(Endpoint.parse("PLAINTEXT://127.0.0.1:9094"))),
                new FixedTransport("alpha", List.of(Endpoint.parse("PLAINTEXT://[::1]:9093"))));

        assertThat(run(command).lines()).contains(
                "Listener:     PLAINTEXT://[::1]:9093 (alpha)",
                "Listener:     PLAINTEXT://127.0.0.1:9094 (zeta)");
    }

    @Test
    void saysWhenThereIsNoTransportAndNoPartition() {
        StatusCommand command = new StatusCommand();
        command.broker = new FixedBrokerStatus(1, "c", "none", List.of());
        command.transports = List.of();

        assertThat(run(command).lines()).contains(
                "Coordinator:  none",
                "Listener:     none (no transport is running)",
                "No partitions");
    }

    private static String run(StatusCommand command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The cells of one table line; ShellTable separates columns with '|' or '│' depending on the terminal. */
    private static List<String> cells(String line) {
        return Arrays.stream(line.split("[|│]")).map(String::strip).toList();
    }

    private record FixedBrokerStatus(int brokerId, String clusterId, String coordinatorName,
                                     List<PartitionStatus> partitions) implements BrokerStatus {
    }

    private record FixedTransport(String name, List<Endpoint> endpoints) implements Transport {
    }
}
