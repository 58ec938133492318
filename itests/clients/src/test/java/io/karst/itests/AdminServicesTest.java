package io.karst.itests;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.broker.ConsumeRequest;
import io.karst.api.broker.ConsumedRecord;
import io.karst.api.broker.GroupInfo;
import io.karst.api.broker.GroupOffset;
import io.karst.api.broker.LogDumpVisitor;
import io.karst.api.broker.OffsetSpec;
import io.karst.api.broker.ProducedRecord;
import io.karst.api.broker.TopicConfigEntry;
import io.karst.api.broker.TopicInfo;
import io.karst.api.record.Header;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker's admin services (what the Karaf console commands call) against what Kafka clients see:
 * records produced through them are what a Kafka consumer reads and the other way round, group
 * offsets they commit or reset are what Kafka's Admin lists, and a group with members is refused.
 */
@Timeout(90)
class AdminServicesTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withConfig(Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "offsets.topic.num.partitions", "3"));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aRecordProducedThroughTheServiceLandsWhereKafkasPartitionerPutsItsKeyAndReadsBackWhole() throws Exception {
        String topic = "admin-produced";
        Clients.createTopic(karst.bootstrapServers(), topic, 4);
        RecordMetadata theirs;
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            theirs = producer.send(new ProducerRecord<>(topic, "customer-17", "from java")).get();
        }

        ProducedRecord ours = karst.recordAdmin().produce(topic, null, utf8("customer-17"), utf8("from console"),
                List.of(new Header("origin", utf8("shell"))));

        assertThat(ours.topicPartition().partition()).isEqualTo(theirs.partition());
        assertThat(ours.offset()).isEqualTo(theirs.offset() + 1);
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            List<ConsumerRecord<String, String>> read = Clients.readAll(consumer,
                    List.of(new org.apache.kafka.common.TopicPartition(topic, theirs.partition())), Duration.ofSeconds(20));
            ConsumerRecord<String, String> last = read.get(read.size() - 1);
            assertThat(last.key()).isEqualTo("customer-17");
            assertThat(last.value()).isEqualTo("from console");
            assertThat(text(last.headers().lastHeader("origin").value())).isEqualTo("shell");
        }
    }

    @Test
    void theConsumerReadsCompressedRecordsWithHeadersAndCommitsForItsGroup() throws Exception {
        String topic = "admin-consumed";
        Clients.createTopic(karst.bootstrapServers(), topic, 2);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers(),
                Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip"))) {
            for (int i = 0; i < 6; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, null, "k" + i, "v" + i,
                        List.of(new RecordHeader("n", utf8(Integer.toString(i))))));
            }
        }

        List<ConsumedRecord> read = consume(new ConsumeRequest(topic, null, new OffsetSpec.Earliest(), "console-group", 100, 0));

        assertThat(read).extracting(r -> r.topicPartition().partition() + ":" + r.record().offset() + ":"
                        + text(r.record().key()) + "=" + text(r.record().value()) + ":" + text(r.record().headers().get(0).value()))
                .containsExactly("0:0:k0=v0:0", "0:1:k2=v2:2", "0:2:k4=v4:4", "1:0:k1=v1:1", "1:1:k3=v3:3", "1:2:k5=v5:5");
        try (Admin admin = Clients.admin(karst.bootstrapServers())) {
            assertThat(admin.listConsumerGroupOffsets("console-group").partitionsToOffsetAndMetadata().get().values())
                    .extracting(o -> o.offset()).containsExactly(3L, 3L);
        }
        GroupInfo group = karst.groupAdmin().group("console-group").orElseThrow();
        assertThat(group.state()).isEqualTo("Empty");
        assertThat(group.offsets()).extracting(GroupOffset::committed, GroupOffset::lag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 0L), org.assertj.core.groups.Tuple.tuple(3L, 0L));
        assertThat(consume(new ConsumeRequest(topic, null, new OffsetSpec.Earliest(), "console-group", 100, 0)))
                .as("a second read for the group starts at its committed offsets").isEmpty();
    }

    @Test
    void theConsumerWaitsForARecordToArrive() throws Exception {
        String topic = "admin-waiting";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);

        CompletableFuture<List<ConsumedRecord>> waiting = karst.recordAdmin()
                .consume(new ConsumeRequest(topic, 0, new OffsetSpec.Latest(), null, 10, 20_000)).toCompletableFuture();
        assertThat(waiting).isNotDone();
        karst.recordAdmin().produce(topic, 0, null, utf8("late"), List.of());

        assertThat(waiting.get(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(r -> assertThat(text(r.record().value())).isEqualTo("late"));
    }

    @Test
    void offsetsOfAGroupWithMembersCannotBeResetButOfAnEmptyGroupCan() throws Exception {
        String topic = "admin-reset";
        Clients.createTopic(karst.bootstrapServers(), topic, 2);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "k", "v" + i));
            }
        }
        GroupMember member = GroupMember.start(karst.bootstrapServers(), "resetters", topic, "resetter", true);
        try {
            Await.until("the member read all 10 records", Duration.ofSeconds(30), () -> member.received().size() == 10);
            GroupInfo active = karst.groupAdmin().group("resetters").orElseThrow();
            assertThat(active.state()).isEqualTo("Stable");
            assertThat(active.members()).singleElement().satisfies(m -> {
                assertThat(m.clientId()).isEqualTo("resetter");
                assertThat(m.assignment()).hasSize(2);
            });

            assertThatThrownBy(() -> karst.groupAdmin().resetOffsets("resetters", topic, null, new OffsetSpec.Earliest()))
                    .isInstanceOf(KarstException.class)
                    .hasMessage("Offsets can only be reset if the group 'resetters' is inactive, but the current state is Stable.")
                    .satisfies(e -> assertThat(((KarstException) e).error()).isEqualTo(Errors.NON_EMPTY_GROUP));
        } finally {
            member.close();
        }

        Map<io.karst.api.TopicPartition, Long> reset = karst.groupAdmin()
                .resetOffsets("resetters", topic, null, new OffsetSpec.At(2));

        assertThat(reset.values()).containsExactly(2L, 2L);
        try (Admin admin = Clients.admin(karst.bootstrapServers())) {
            assertThat(admin.listConsumerGroupOffsets("resetters").partitionsToOffsetAndMetadata().get().values())
                    .extracting(o -> o.offset()).containsExactly(2L, 2L);
        }
        assertThat(karst.groupAdmin().group("resetters").orElseThrow().offsets())
                .extracting(GroupOffset::lag).containsExactly(3L, 3L);
    }

    @Test
    void topicsAreCreatedConfiguredDescribedAndDeleted() {
        var topics = karst.topicAdmin();
        TopicInfo created = topics.createTopic("admin-topic", 3, (short) 1, Map.of("retention.ms", "60000"));
        assertThat(created.partitions()).hasSize(3);

        topics.alterConfigs("admin-topic", Map.of("max.message.bytes", "2048"), Set.of("retention.ms"));

        List<TopicConfigEntry> configs = topics.configs("admin-topic");
        assertThat(configs).contains(new TopicConfigEntry("max.message.bytes", "2048", true));
        assertThat(configs).filteredOn(c -> c.key().equals("retention.ms")).singleElement()
                .satisfies(c -> assertThat(c.override()).isFalse());
        assertThatThrownBy(() -> topics.alterConfigs("admin-topic", Map.of("retention.ms", "soon"), Set.of()))
                .isInstanceOf(KarstException.class).hasMessageContaining("retention.ms");
        assertThatThrownBy(() -> karst.recordAdmin().produce("admin-topic", 0, null, new byte[4096], List.of()))
                .isInstanceOf(KarstException.class)
                .satisfies(e -> assertThat(((KarstException) e).error()).isEqualTo(Errors.MESSAGE_TOO_LARGE));

        topics.deleteTopic("admin-topic");
        assertThat(topics.topic("admin-topic")).isEmpty();
    }

    @Test
    void theLogDumpShowsBatchHeadersAndDecodedRecords() throws Exception {
        String topic = "admin-dumped";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers(),
                Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.LINGER_MS_CONFIG, 50))) {
            producer.send(new ProducerRecord<>(topic, 0, "a", "alpha"));
            producer.send(new ProducerRecord<>(topic, 0, "b", "beta")).get();
        }
        karst.recordAdmin().produce(topic, 0, utf8("c"), utf8("gamma"), List.of());

        List<String> seen = new ArrayList<>();
        karst.recordAdmin().dumpLog(new io.karst.api.TopicPartition(topic, 0), null, new LogDumpVisitor() {
            @Override
            public void segment(Path file, long baseOffset, long sizeInBytes) {
                seen.add("segment " + file.getFileName() + " " + baseOffset);
            }

            @Override
            public void batch(long position, RecordBatch batch, List<LogRecord> records, String undecoded) {
                seen.add("batch " + batch.baseOffset() + "-" + batch.lastOffset() + " codec " + batch.compressionId()
                        + " " + records.stream().map(r -> text(r.key()) + "=" + text(r.value())).toList());
            }
        });

        assertThat(seen).containsExactly("segment 00000000000000000000.log 0",
                "batch 0-1 codec 3 [a=alpha, b=beta]", "batch 2-2 codec 0 [c=gamma]");
    }

    private static List<ConsumedRecord> consume(ConsumeRequest request) throws Exception {
        return karst.recordAdmin().consume(request).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
