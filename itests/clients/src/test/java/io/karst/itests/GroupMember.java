package io.karst.itests;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.fail;

/**
 * One member of a consumer group: a {@code subscribe()}d KafkaConsumer polling in a thread of its own
 * (a consumer belongs to one thread), optionally committing after every poll that returned records.
 * {@link #close()} stops the loop and closes the consumer, which leaves the group (a static member,
 * with a {@code group.instance.id}, does not send LeaveGroup and stays until its session ends).
 */
final class GroupMember implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final Thread thread;
    private final Queue<ConsumerRecord<String, String>> received = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger revocations = new AtomicInteger();
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile int generation = -1;
    private volatile boolean running = true;

    private GroupMember(String name, KafkaConsumer<String, String> consumer, String topic, boolean commitEachPoll) {
        this.name = name;
        this.thread = new Thread(() -> run(consumer, topic, commitEachPoll), "group-member-" + name);
    }

    /**
     * Starts a member of {@code group} reading {@code topic} from the earliest offset when the group
     * has none; it heartbeats every 200 ms, so rebalances are quick.
     */
    static GroupMember start(String bootstrapServers, String group, String topic, String name, boolean commitEachPoll) {
        return start(bootstrapServers, group, topic, name, commitEachPoll, Map.of());
    }

    /** Starts a static member of {@code group} (KIP-345) with {@code group.instance.id} {@code instanceId}. */
    static GroupMember startStatic(String bootstrapServers, String group, String topic, String name,
                                   String instanceId) {
        return start(bootstrapServers, group, topic, name, true,
                Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId));
    }

    private static GroupMember start(String bootstrapServers, String group, String topic, String name,
                                     boolean commitEachPoll, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, !commitEachPoll);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 200);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        GroupMember member = new GroupMember(name,
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()), topic, commitEachPoll);
        member.thread.start();
        return member;
    }

    private void run(KafkaConsumer<String, String> consumer, String topic, boolean commitEachPoll) {
        try (consumer) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        revocations.incrementAndGet();
                    }
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                records.forEach(received::add);
                if (commitEachPoll && !records.isEmpty()) {
                    consumer.commitSync();
                }
                assignment = Set.copyOf(consumer.assignment());
                generation = consumer.groupMetadata().generationId();
            }
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    String name() {
        return name;
    }

    /** The partitions the member held after its last poll. */
    Set<TopicPartition> assignment() {
        checkHealthy();
        return assignment;
    }

    /** The generation of the group it last polled in; -1 before it joined. */
    int generation() {
        checkHealthy();
        return generation;
    }

    /** How many times partitions were taken from it in a rebalance. */
    int revocations() {
        checkHealthy();
        return revocations.get();
    }

    /** What ended its poll loop, if something did: for a fenced static member, a FencedInstanceIdException. */
    Throwable failure() {
        return failure.get();
    }

    /** Everything it has received so far, in order. */
    List<ConsumerRecord<String, String>> received() {
        checkHealthy();
        return new ArrayList<>(received);
    }

    private void checkHealthy() {
        Throwable t = failure.get();
        if (t != null) {
            fail("member " + name + " failed", t);
        }
    }

    /** Stops polling and closes the consumer (it leaves the group); waits at most 30 s. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(30_000);
        if (thread.isAlive()) {
            fail("member " + name + " did not stop within 30 s");
        }
        checkHealthy();
    }
}
