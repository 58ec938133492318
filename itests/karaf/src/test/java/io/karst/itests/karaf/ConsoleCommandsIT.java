package io.karst.itests.karaf;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import javax.inject.Inject;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

/**
 * Every {@code karst:*} console command against the broker of the built distribution, checking what
 * it prints (names, offsets, lags) and that a bad request ends in one clear line; and the broker's
 * metrics read over Karaf's JMX connector, as an operator's JMX console would.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleCommandsIT {

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        return KarstContainer.options(
                // groups form at once and __consumer_offsets stays small
                editConfigurationFilePut("etc/io.karst.broker.cfg", "group.initial.rebalance.delay.ms", "0"),
                editConfigurationFilePut("etc/io.karst.broker.cfg", "offsets.topic.num.partitions", "3"));
    }

    @Test
    public void topicsAreCreatedListedDescribedConfiguredAndDeleted() throws Exception {
        String created = run("karst:topic-create -p 3 -c retention.ms=3600000 console-topics");
        assertEquals("Created topic console-topics with 3 partitions", created.trim());

        assertRow(run("karst:topic-list"), "console-topics", "3", "1", "no");

        String described = run("karst:topic-describe console-topics");
        assertLine(described, "Partitions:\\s+3");
        assertLine(described, "Configs:\\s+retention\\.ms=3600000");
        for (int p = 0; p < 3; p++) {
            // partition, leader, replicas, ISR, log start, log end, size
            assertRow(described, Integer.toString(p), "1", "1", "1", "0", "0", "0");
        }

        String configured = run("karst:topic-config --set max.message.bytes=4096 --delete retention.ms console-topics");
        assertLine(configured, "Updated the configs of topic console-topics");
        assertRow(configured, "max.message.bytes", "4096", "topic");
        assertRow(configured, "retention.ms", "604800000", "default");
        assertTrue(error("karst:topic-config --set retention.ms=soon console-topics").contains("retention.ms"));
        assertEquals("Topic 'console-topics' already exists.", error("karst:topic-create console-topics"));

        assertEquals("Deleted topic console-topics", run("karst:topic-delete console-topics").trim());
        assertFalse(run("karst:topic-list").contains("console-topics"));
        assertEquals("Topic 'console-topics' does not exist.", error("karst:topic-describe console-topics"));
    }

    @Test
    public void recordsAreProducedConsumedAndDumped() throws Exception {
        run("karst:topic-create -p 1 console-records");

        String produced = run("karst:produce -k user-1 -H source=console console-records hello world");
        assertLine(produced, "Wrote a record to partition 0 of console-records at offset 0");
        assertLine(produced, "Wrote a record to partition 0 of console-records at offset 1");

        String all = run("karst:consume --from-beginning console-records");
        assertEquals(List.of("0", "0", "user-1", "source=console", "hello"), withoutTimestamp(row(all, "0", "0")));
        assertEquals(List.of("0", "1", "user-1", "source=console", "world"), withoutTimestamp(row(all, "0", "1")));
        assertLine(all, "Consumed 2 records");

        String fromOffset = run("karst:consume -o 1 console-records");
        assertEquals("world", row(fromOffset, "0", "1").get(5));
        assertLine(fromOffset, "Consumed 1 record");
        assertLine(run("karst:consume --from-beginning -n 1 console-records"), "Consumed 1 record");
        assertLine(run("karst:consume -t 200 console-records"), "Consumed 0 records");

        String dumped = run("karst:log-dump console-records 0");
        assertLine(dumped, "Dumping .*console-records-0.00000000000000000000\\.log");
        assertLine(dumped, "baseOffset: 0 lastOffset: 0 count: 1 .* compresscodec: none .* isvalid: true");
        assertLine(dumped, "\\| offset: 0 CreateTime: \\d+ keySize: 6 valueSize: 5 .*headerKeys: \\[source\\] key: user-1 payload: hello");
        assertLine(dumped, "\\| offset: 1 .* payload: world");

        assertRow(run("karst:topic-describe console-records"), "0", "1", "1", "1", "0", "2");
        assertRow(run("karst:status"), "console-records", "0", "1", "0", "2");
        assertEquals("Topic 'nowhere' does not exist.", error("karst:produce nowhere x"));
    }

    @Test
    public void groupsAreListedDescribedAndResetOnlyWhenEmpty() throws Exception {
        run("karst:topic-create -p 2 console-groups");
        run("karst:produce -p 0 console-groups a b c");
        run("karst:produce -p 1 console-groups d e");

        assertLine(run("karst:consume --from-beginning -g readers -n 3 console-groups"), "Consumed 3 records");

        assertRow(run("karst:group-list"), "readers", "Empty", "", "0", "2");
        String described = run("karst:group-describe readers");
        assertLine(described, "State:\\s+Empty");
        // topic, partition, committed, log end, lag, member
        assertRow(described, "console-groups", "0", "3", "3", "0", "-");
        assertRow(described, "console-groups", "1", "0", "2", "2", "-");

        String earliest = run("karst:group-reset-offsets --to-earliest readers console-groups");
        assertRow(earliest, "console-groups", "0", "0");
        assertRow(earliest, "console-groups", "1", "0");
        assertRow(run("karst:group-describe readers"), "console-groups", "0", "0", "3", "3", "-");
        assertRow(run("karst:group-reset-offsets -p 0 --to-offset 2 readers console-groups"), "console-groups", "0", "2");
        assertRow(run("karst:group-reset-offsets --to-latest readers console-groups"), "console-groups", "1", "2");
        assertRow(run("karst:group-reset-offsets -p 0 --to-timestamp 0 readers console-groups"), "console-groups", "0", "0");
        assertEquals("Give exactly one of --to-earliest, --to-latest, --to-offset, --to-datetime, --to-timestamp",
                error("karst:group-reset-offsets --to-earliest --to-latest readers console-groups"));

        int kafkaPort = Integer.parseInt(System.getProperty(KarstContainer.KAFKA_PORT_PROPERTY));
        try (RawGroupMember member = RawGroupMember.join(kafkaPort, "active-readers", "console-groups")) {
            assertEquals("JoinGroup error code", 0, member.error());
            String active = run("karst:group-describe active-readers");
            assertLine(active, "State:\\s+CompletingRebalance");
            assertLine(active, "Generation:\\s+1");
            assertTrue("a member row of " + RawGroupMember.CLIENT_ID + " from /127.0.0.1 in:\n" + active,
                    rows(active).stream().anyMatch(r -> r.size() > 2 && r.get(1).equals(RawGroupMember.CLIENT_ID)
                            && r.get(2).equals("/127.0.0.1")));
            assertEquals("Offsets can only be reset if the group 'active-readers' is inactive, but the current state"
                    + " is CompletingRebalance.", error("karst:group-reset-offsets --to-earliest active-readers console-groups"));
            assertTrue(error("karst:consume -g active-readers console-groups").startsWith(
                    "Group 'active-readers' has 1 active members"));
        }
        assertEquals("Consumer group 'nobody' does not exist.", error("karst:group-describe nobody"));
    }

    @Test
    public void brokerMetricsAreReadOverKarafsJmxConnector() throws Exception {
        run("karst:topic-create -p 1 console-metrics");
        run("karst:produce console-metrics one two three");
        int kafkaPort = Integer.parseInt(System.getProperty(KarstContainer.KAFKA_PORT_PROPERTY));
        RawGroupMember.join(kafkaPort, "metered-readers", "console-metrics").close();

        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxRegistryPort()
                + "/karaf-" + System.getProperty("karaf.name"));
        JMXConnector[] connected = new JMXConnector[1];
        // Karaf's JMX connector starts asynchronously, like the broker
        KarstContainer.eventually(() -> connected[0] = JMXConnectorFactory.connect(url,
                Map.of(JMXConnector.CREDENTIALS, new String[]{"karaf", "karaf"})));
        try (JMXConnector connector = connected[0]) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            assertEquals(3L, jmx.getAttribute(new ObjectName(
                    "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=console-metrics"), "Count"));
            KarstContainer.eventually(() -> assertEquals(3L, jmx.getAttribute(new ObjectName(
                    "kafka.log:type=Log,name=LogEndOffset,topic=console-metrics,partition=0"), "Value")));
            assertTrue((Long) jmx.getAttribute(new ObjectName(
                    "kafka.network:type=RequestMetrics,name=RequestsPerSec,request=JoinGroup"), "Count") >= 1);
            assertTrue((Long) jmx.getAttribute(new ObjectName(
                    "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=JoinGroup"), "Count") >= 1);
            assertTrue((Integer) jmx.getAttribute(new ObjectName(
                    "kafka.coordinator.group:type=GroupMetadataManager,name=NumGroups"), "Value") >= 1);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The RMI registry port of Karaf's JMX connector, as etc/ sets it (Pax Exam picks its own free port). */
    private static String jmxRegistryPort() throws IOException {
        Properties management = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(System.getProperty("karaf.etc"), "org.apache.karaf.management.cfg"))) {
            management.load(in);
        }
        return management.getProperty("rmiRegistryPort");
    }

    /** Waits until the broker is up and the Karst commands are registered (both start after the container). */
    @Before
    public void awaitCommands() throws Exception {
        KarstContainer.eventually(() -> KarstContainer.execute(sessionFactory, "karst:topic-list"));
    }

    private String run(String command) throws Exception {
        return KarstContainer.execute(sessionFactory, command);
    }

    /** The one-line message a failing command ends with. */
    private String error(String command) throws Exception {
        try {
            String output = KarstContainer.execute(sessionFactory, command);
            fail("expected " + command + " to fail, but it printed:\n" + output);
            return null;
        } catch (Exception e) {
            assertFalse("one line: " + e.getMessage(), e.getMessage().contains("\n"));
            return e.getMessage();
        }
    }

    /** The cells of every table line of {@code output}; ShellTable separates columns with '|' or '│'. */
    private static List<List<String>> rows(String output) {
        return output.lines().filter(line -> line.contains("|") || line.contains("│"))
                .map(line -> Arrays.stream(line.split("[|│]", -1)).map(String::strip).collect(Collectors.toList()))
                .collect(Collectors.toList());
    }

    /** The table row whose first cells are {@code prefix}. */
    private static List<String> row(String output, String... prefix) {
        List<String> start = List.of(prefix);
        return rows(output).stream().filter(r -> r.size() >= prefix.length && r.subList(0, prefix.length).equals(start))
                .findFirst().orElseThrow(() -> new AssertionError("no row starting " + start + " in:\n" + output));
    }

    private static void assertRow(String output, String... cells) {
        List<String> row = row(output, cells);
        assertTrue(row.size() >= cells.length);
    }

    /** A consumed row without its timestamp column (index 2), which the broker's clock sets. */
    private static List<String> withoutTimestamp(List<String> row) {
        assertTrue("a timestamp in " + row, row.get(2).matches("\\d{13}"));
        return List.of(row.get(0), row.get(1), row.get(3), row.get(4), row.get(5));
    }

    private static void assertLine(String output, String regex) {
        assertTrue("expected a line matching /" + regex + "/ in:\n" + output,
                Pattern.compile("^\\s*" + regex, Pattern.MULTILINE).matcher(output).find());
    }
}
