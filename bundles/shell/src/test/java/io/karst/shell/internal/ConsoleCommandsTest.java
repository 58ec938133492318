package io.karst.shell.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.broker.ConsumeRequest;
import io.karst.api.broker.ConsumedRecord;
import io.karst.api.broker.LogDumpVisitor;
import io.karst.api.broker.OffsetSpec;
import io.karst.api.broker.ProducedRecord;
import io.karst.api.broker.RecordAdmin;
import io.karst.api.broker.TopicAdmin;
import io.karst.api.broker.TopicConfigEntry;
import io.karst.api.broker.TopicInfo;
import io.karst.api.record.Header;
import io.karst.api.record.RecordBatch;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the console commands do with their input before and after the broker: parsing, one-line
 * errors and completion. Their output against a real broker is checked in Karaf (ConsoleCommandsIT).
 */
class ConsoleCommandsTest {

    @Test
    void theProducerSplitsInputLinesIntoKeyAndValueAndAddsTheHeaders() throws Exception {
        RecordingRecords records = new RecordingRecords();
        ProduceCommand command = new ProduceCommand();
        command.records = records;
        command.topic = "orders";
        command.keySeparator = ":";
        command.headers = List.of("source=console");

        String printed = run(out -> command.print(out, new ByteArrayInputStream(
                "k1:v1\nno key here\nk3:v:3\n".getBytes(StandardCharsets.UTF_8))));

        assertThat(records.produced).containsExactly("k1=v1 [source=console]", "null=no key here [source=console]",
                "k3=v:3 [source=console]");
        assertThat(printed.lines()).containsExactly(
                "Wrote a record to partition 0 of orders at offset 0",
                "Wrote a record to partition 0 of orders at offset 1",
                "Wrote a record to partition 0 of orders at offset 2");
    }

    @Test
    void aMalformedHeaderIsOneClearError() {
        ProduceCommand command = new ProduceCommand();
        command.records = new RecordingRecords();
        command.topic = "orders";
        command.values = List.of("v");
        command.headers = List.of("no-equals-sign");

        assertThatThrownBy(() -> run(out -> command.print(out, new ByteArrayInputStream(new byte[0]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid header 'no-equals-sign': expected name=value");
    }

    @Test
    void withoutABrokerACommandSaysSoInOneLine() {
        TopicListCommand command = new TopicListCommand();

        assertThatThrownBy(() -> run(command::print)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Karst broker is not running");
    }

    @Test
    void aBrokerErrorBecomesItsMessage() {
        assertThatThrownBy(() -> CommandSupport.call(() -> {
            throw new KarstException(Errors.TOPIC_ALREADY_EXISTS, "Topic 'orders' already exists.");
        })).isInstanceOf(IllegalStateException.class).hasMessage("Topic 'orders' already exists.");
    }

    @Test
    void anOffsetResetNeedsExactlyOneTarget() {
        GroupResetOffsetsCommand command = new GroupResetOffsetsCommand();
        String expected = "Give exactly one of --to-earliest, --to-latest, --to-offset, --to-datetime, --to-timestamp";
        assertThatThrownBy(command::target).hasMessage(expected);

        command.toEarliest = true;
        command.toOffset = 5L;
        assertThatThrownBy(command::target).hasMessage(expected);

        command.toEarliest = false;
        assertThat(command.target()).isEqualTo(new OffsetSpec.At(5));
        command.toOffset = null;
        command.toDatetime = "2025-01-31T12:00:00Z";
        assertThat(command.target()).isEqualTo(new OffsetSpec.ForTime(1_738_324_800_000L));
        command.toDatetime = "yesterday";
        assertThatThrownBy(command::target)
                .hasMessage("Invalid --to-datetime 'yesterday': expected ISO-8601 such as 2025-01-31T12:00:00Z");
    }

    @Test
    void theConsumerRefusesTwoStartingPoints() {
        ConsumeCommand command = new ConsumeCommand();
        command.records = new RecordingRecords();
        command.topic = "orders";
        command.fromBeginning = true;
        command.offset = 3L;

        assertThatThrownBy(() -> run(command::print)).hasMessage("Give --from-beginning or --offset, not both");
    }

    @Test
    void topicNamesCompleteFromTheBroker() {
        TopicNameCompleter completer = new TopicNameCompleter();
        completer.topics = new ListedTopics("orders", "order-audit", "payments");
        List<String> candidates = new ArrayList<>();

        completer.complete(null, new TypedLine("karst:topic-describe ord"), candidates);

        assertThat(candidates).extracting(String::strip).containsExactlyInAnyOrder("orders", "order-audit");
    }

    @Test
    void theLogDumpSaysWhyABatchsRecordsAreNotShown() throws Exception {
        LogDumpCommand command = new LogDumpCommand();
        command.records = new UndecodableLog("its records are not a valid lz4 stream: bad magic");
        command.topic = "orders";

        String printed = run(command::print);

        assertThat(printed.lines()).hasSize(4)
                .endsWith("| records not decoded: its records are not a valid lz4 stream: bad magic");
    }

    private static String run(Printing printing) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printing.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Printing {
        void print(PrintStream out) throws Exception;
    }

    /** A line typed so far, the cursor at its end, completing its last word. */
    private record TypedLine(String buffer) implements CommandLine {
        private String[] words() {
            return buffer.split(" ");
        }

        @Override
        public int getCursorArgumentIndex() {
            return words().length - 1;
        }

        @Override
        public String getCursorArgument() {
            return words()[getCursorArgumentIndex()];
        }

        @Override
        public int getArgumentPosition() {
            return getCursorArgument().length();
        }

        @Override
        public String[] getArguments() {
            return words();
        }

        @Override
        public int getBufferPosition() {
            return buffer.length();
        }

        @Override
        public String getBuffer() {
            return buffer;
        }
    }

    /** Records what the console producer sends, each at the next offset of partition 0. */
    private static final class RecordingRecords implements RecordAdmin {
        final List<String> produced = new ArrayList<>();

        @Override
        public ProducedRecord produce(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers) {
            produced.add(CommandSupport.text(key) + "=" + CommandSupport.text(value) + " "
                    + headers.stream().map(h -> h.key() + "=" + CommandSupport.text(h.value())).toList());
            return new ProducedRecord(new TopicPartition(topic, 0), produced.size() - 1);
        }

        @Override
        public CompletionStage<List<ConsumedRecord>> consume(ConsumeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void dumpLog(TopicPartition partition, Long segmentBaseOffset, LogDumpVisitor visitor) {
            throw new UnsupportedOperationException();
        }
    }

    /** A log of one segment holding one lz4 batch whose records cannot be decoded, for {@code reason}. */
    private record UndecodableLog(String reason) implements RecordAdmin {
        @Override
        public ProducedRecord produce(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<List<ConsumedRecord>> consume(ConsumeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void dumpLog(TopicPartition partition, Long segmentBaseOffset, LogDumpVisitor visitor) {
            ByteBuffer batch = ByteBuffer.allocate(RecordBatch.HEADER_SIZE + 4)
                    .putInt(RecordBatch.BATCH_LENGTH, RecordBatch.HEADER_SIZE + 4 - RecordBatch.LOG_OVERHEAD)
                    .put(RecordBatch.MAGIC, RecordBatch.CURRENT_MAGIC).putShort(RecordBatch.ATTRIBUTES, (short) 3)
                    .putInt(RecordBatch.RECORDS_COUNT, 1);
            visitor.segment(Path.of("00000000000000000000.log"), 0, batch.capacity());
            visitor.batch(0, RecordBatch.wrap(batch), null, reason);
        }
    }

    /** Topics that exist by name only. */
    private record ListedTopics(List<String> names) implements TopicAdmin {
        ListedTopics(String... names) {
            this(List.of(names));
        }

        @Override
        public List<TopicInfo> topics() {
            return names.stream().map(n -> new TopicInfo(n, UUID.randomUUID(), false, List.of(), Map.of())).toList();
        }

        @Override
        public Optional<TopicInfo> topic(String name) {
            return topics().stream().filter(t -> t.name().equals(name)).findFirst();
        }

        @Override
        public TopicInfo createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteTopic(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TopicConfigEntry> configs(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void alterConfigs(String name, Map<String, String> set, Collection<String> remove) {
            throw new UnsupportedOperationException();
        }
    }
}
