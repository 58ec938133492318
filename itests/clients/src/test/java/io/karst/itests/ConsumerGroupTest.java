package io.karst.itests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer groups with the Java client's classic protocol: partitions shared among members, moved
 * when a member leaves, committed offsets that survive a broker restart, and static members
 * ({@code group.instance.id}) that restart without a rebalance.
 */
@Timeout(120)
class ConsumerGroupTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withConfig(Map.of(
            "group.initial.rebalance.delay.ms", "100",
            "offsets.topic.num.partitions", "5"));

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void threeMembersShareSixPartitionsAndReadEveryRecordExactlyOnce() throws Exception {
        String topic = "group-shared";
        Clients.createTopic(karst.bootstrapServers(), topic, 6);
        List<GroupMember> members = startMembers("shared", topic, 3, false);
        try {
            awaitAssignment(members, 6);
            for (GroupMember m : members) {
                assertThat(m.assignment()).as("partitions of %s", m.name()).hasSize(2);
            }

            produce(topic, 6, 0, 100);

            Await.until("600 records received", WAIT, () -> total(members) == 600);
            assertThat(keys(members)).hasSize(600);
            for (GroupMember m : members) {
                Set<Integer> partitionsRead = m.received().stream().map(ConsumerRecord::partition).collect(Collectors.toSet());
                Set<Integer> assigned = m.assignment().stream().map(TopicPartition::partition).collect(Collectors.toSet());
                assertThat(partitionsRead).as("partitions %s read from", m.name()).isEqualTo(assigned);
            }
        } finally {
            closeAll(members);
        }
    }

    @Test
    void whenAMemberLeavesItsPartitionsMoveAndNothingIsLostOrReadTwice() throws Exception {
        String topic = "group-leave";
        Clients.createTopic(karst.bootstrapServers(), topic, 6);
        List<GroupMember> members = startMembers("leavers", topic, 3, true);
        try {
            awaitAssignment(members, 6);
            produce(topic, 6, 0, 50);
            Await.until("the first 300 records received", WAIT, () -> total(members) == 300);
            GroupMember leaver = members.remove(2);
            leaver.close();
            awaitAssignment(members, 6);
            produce(topic, 6, 50, 50);

            List<GroupMember> everyone = List.of(members.get(0), members.get(1), leaver);
            Await.until("all 600 records received", WAIT, () -> total(everyone) == 600);
            List<String> positions = new ArrayList<>();
            everyone.forEach(m -> m.received().forEach(r -> positions.add(r.partition() + "@" + r.offset())));
            assertThat(positions).hasSize(600).doesNotHaveDuplicates();
            try (Admin admin = Clients.admin(karst.bootstrapServers())) {
                Await.until("offset 100 committed for all 6 partitions", WAIT, () ->
                        admin.listConsumerGroupOffsets("leavers").partitionsToOffsetAndMetadata().get().values()
                                .stream().filter(o -> o.offset() == 100).count() == 6);
            }
        } finally {
            closeAll(members);
        }
    }

    @Test
    void committedOffsetsSurviveARestartAndTheGroupResumesFromThem() throws Exception {
        String topic = "group-restart";
        Clients.createTopic(karst.bootstrapServers(), topic, 4);
        produce(topic, 4, 0, 25);
        List<GroupMember> first = startMembers("restarted", topic, 2, true);
        try {
            Await.until("the first 100 records received", WAIT, () -> total(first) == 100);
        } finally {
            closeAll(first);
        }

        karst.restart();

        try (Admin admin = Clients.admin(karst.bootstrapServers())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("restarted")
                    .partitionsToOffsetAndMetadata().get();
            assertThat(committed).hasSize(4);
            committed.values().forEach(o -> assertThat(o.offset()).isEqualTo(25));
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("restarted")).all().get().get("restarted");
            assertThat(group.members()).isEmpty();
        }
        produce(topic, 4, 25, 10);
        List<GroupMember> second = startMembers("restarted", topic, 2, true);
        try {
            Await.until("the 40 new records received", WAIT, () -> total(second) >= 40);
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            second.forEach(m -> read.addAll(m.received()));
            assertThat(read).hasSize(40).allSatisfy(r -> assertThat(r.offset()).isGreaterThanOrEqualTo(25));
        } finally {
            closeAll(second);
        }
    }

    @Test
    void aStaticMemberRestartedWithinItsSessionKeepsItsPartitionsWithoutARebalance() throws Exception {
        String topic = "group-static";
        Clients.createTopic(karst.bootstrapServers(), topic, 4);
        GroupMember stays = GroupMember.startStatic(karst.bootstrapServers(), "statics", topic, "stays", "stays-1");
        GroupMember restarts = GroupMember.startStatic(karst.bootstrapServers(), "statics", topic, "restarts",
                "restarts-1");
        List<GroupMember> members = new ArrayList<>(List.of(stays, restarts));
        try {
            awaitAssignment(members, 4);
            Await.until("both members in one generation", WAIT, () -> stays.generation() == restarts.generation());
            int generation = stays.generation();
            int revocations = stays.revocations();
            Set<TopicPartition> partitions = restarts.assignment();

            restarts.close();
            GroupMember restarted = GroupMember.startStatic(karst.bootstrapServers(), "statics", topic, "restarted",
                    "restarts-1");
            members.add(restarted);
            Await.until("the restarted member has partitions", WAIT, () -> !restarted.assignment().isEmpty());
            produce(topic, 4, 0, 10);
            Await.until("all 40 records received", WAIT, () -> total(List.of(stays, restarted)) == 40);

            assertThat(restarted.assignment()).isEqualTo(partitions);
            assertThat(restarted.generation()).as("the generation of the restarted member").isEqualTo(generation);
            assertThat(stays.generation()).as("the generation of the other member").isEqualTo(generation);
            assertThat(stays.revocations()).as("revocations seen by the other member").isEqualTo(revocations);
            try (Admin admin = Clients.admin(karst.bootstrapServers())) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("statics")).all().get()
                        .get("statics");
                assertThat(group.members()).extracting(m -> m.groupInstanceId().orElse(null))
                        .containsExactlyInAnyOrder("stays-1", "restarts-1");
            }
        } finally {
            closeAll(members);
        }
    }

    @Test
    void aSecondConsumerWithTheSameInstanceIdFencesTheFirst() throws Exception {
        String topic = "group-fenced";
        Clients.createTopic(karst.bootstrapServers(), topic, 2);
        GroupMember first = GroupMember.startStatic(karst.bootstrapServers(), "fencing", topic, "first", "twin");
        awaitAssignment(List.of(first), 2);
        GroupMember second = GroupMember.startStatic(karst.bootstrapServers(), "fencing", topic, "second", "twin");
        try {
            Await.until("the first consumer is fenced", WAIT, () -> first.failure() != null);
            assertThat(first.failure()).isInstanceOf(FencedInstanceIdException.class);
            awaitAssignment(List.of(second), 2);
        } finally {
            second.close();
            if (first.failure() == null) {
                first.close();
            }
        }
    }

    private static List<GroupMember> startMembers(String group, String topic, int count, boolean commitEachPoll) {
        List<GroupMember> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            members.add(GroupMember.start(karst.bootstrapServers(), group, topic, group + "-" + i, commitEachPoll));
        }
        return members;
    }

    /** Waits until the members together hold all {@code partitions}, each exactly once. */
    private static void awaitAssignment(List<GroupMember> members, int partitions) throws Exception {
        Await.until(partitions + " partitions assigned across " + members.size() + " members", WAIT, () -> {
            List<TopicPartition> held = new ArrayList<>();
            members.forEach(m -> held.addAll(m.assignment()));
            return held.size() == partitions && new HashSet<>(held).size() == partitions
                    && members.stream().noneMatch(m -> m.assignment().isEmpty());
        });
    }

    /** Writes {@code perPartition} records to each partition, keyed partition-index. */
    private static void produce(String topic, int partitions, int from, int perPartition) throws Exception {
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            for (int p = 0; p < partitions; p++) {
                for (int i = from; i < from + perPartition; i++) {
                    producer.send(new ProducerRecord<>(topic, p, p + "-" + i, "value-" + i));
                }
            }
            producer.flush();
        }
    }

    private static int total(List<GroupMember> members) {
        return members.stream().mapToInt(m -> m.received().size()).sum();
    }

    private static Set<String> keys(List<GroupMember> members) {
        Set<String> keys = new HashSet<>();
        members.forEach(m -> m.received().forEach(r -> keys.add(r.key())));
        return keys;
    }

    private static void closeAll(List<GroupMember> members) throws InterruptedException {
        for (GroupMember m : members) {
            m.close();
        }
    }
}
