package io.karst.group.coordinator.internal.runtime;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.coordinator.InternalTopics;
import io.karst.api.coordinator.PartitionLeadershipListener;
import io.karst.api.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * The small runtime a coordinator keeps its state on: one {@link CoordinatorShard} per partition of
 * an internal compacted topic that this broker leads, loaded from the partition's log on its own
 * thread when the broker becomes leader and dropped when it resigns. While a partition loads its
 * keys get COORDINATOR_LOAD_IN_PROGRESS, and keys of a partition led elsewhere NOT_COORDINATOR,
 * which tell Kafka clients to wait or to look for the coordinator again. Writes go through
 * {@link InternalTopics}, the broker's one append path.
 *
 * @param <S> the coordinator's shard
 */
public final class CoordinatorRuntime<S extends CoordinatorShard> implements PartitionLeadershipListener,
        AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorRuntime.class);

    private final String topic;
    private final int partitionsWhenCreated;
    private final Map<String, String> topicConfigs;
    private final InternalTopics topics;
    private final IntFunction<S> shards;
    private final ExecutorService loader;
    private final Map<Integer, Slot<S>> slots = new ConcurrentHashMap<>();
    private InternalTopics.Watch watch;

    /**
     * A runtime for {@code topic}, created on first use with {@code partitionsWhenCreated} partitions
     * and {@code topicConfigs}; {@code shards} makes the empty shard of a partition.
     */
    public CoordinatorRuntime(String topic, int partitionsWhenCreated, Map<String, String> topicConfigs,
                              InternalTopics topics, IntFunction<S> shards) {
        this.topic = topic;
        this.partitionsWhenCreated = partitionsWhenCreated;
        this.topicConfigs = topicConfigs;
        this.topics = topics;
        this.shards = shards;
        this.loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "karst-" + topic.replace("__", "") + "-loader");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts following which partitions of the topic this broker leads. */
    public synchronized void start() {
        watch = topics.watchLeadership(topic, this);
    }

    /**
     * Creates the topic unless it exists and waits (at most {@code timeoutMs}) until the partitions it
     * leads here are loaded, as FindCoordinator does before it names this broker.
     *
     * @throws KarstException COORDINATOR_NOT_AVAILABLE when the topic cannot be created, or
     *     COORDINATOR_LOAD_IN_PROGRESS when a partition is still loading after the timeout
     */
    public void ensureTopic(long timeoutMs) {
        topics.ensureExists(topic, partitionsWhenCreated, topicConfigs);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (Slot<S> slot : slots.values()) {
            try {
                slot.ready.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw loading(slot.partition);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw loading(slot.partition);
            } catch (ExecutionException e) {
                // a failed load left the slot, and the partition is not coordinated here
                LOG.debug("{} failed to load", new TopicPartition(topic, slot.partition), e.getCause());
            }
        }
    }

    /** Whether the topic exists yet. */
    public boolean topicExists() {
        return topics.partitionCount(topic).isPresent();
    }

    /** The partition of {@code key}, Kafka's way: its hash made non-negative, modulo the partition count. */
    public int partitionFor(String key) {
        int count = topics.partitionCount(topic).orElse(partitionsWhenCreated);
        return (key.hashCode() & 0x7fffffff) % count;
    }

    /**
     * The loaded shard of {@code partition}.
     *
     * @throws KarstException NOT_COORDINATOR when this broker does not lead the partition,
     *     COORDINATOR_LOAD_IN_PROGRESS while it loads
     */
    public S shard(int partition) {
        Slot<S> slot = slots.get(partition);
        if (slot == null) {
            throw new KarstException(Errors.NOT_COORDINATOR, "This broker does not coordinate partition "
                    + partition + " of " + topic);
        }
        S shard = slot.ready.getNow(null);
        if (shard == null) {
            throw loading(partition);
        }
        return shard;
    }

    /** The shards loaded now. */
    public List<S> loadedShards() {
        List<S> loaded = new ArrayList<>();
        for (Slot<S> slot : slots.values()) {
            S shard = slot.ready.getNow(null);
            if (shard != null) {
                loaded.add(shard);
            }
        }
        return loaded;
    }

    /** Appends {@code batch} to {@code partition} of the topic through the broker's append path. */
    public void append(int partition, RecordBatch batch) throws IOException {
        topics.append(new TopicPartition(topic, partition), batch);
    }

    @Override
    public void becameLeader(int partition, int leaderEpoch) {
        Slot<S> slot = new Slot<>(partition, leaderEpoch);
        Slot<S> current = slots.putIfAbsent(partition, slot);
        if (current != null && current.leaderEpoch >= leaderEpoch) {
            return; // told again about a leadership it already follows
        }
        if (current != null) {
            resigned(partition);
            slots.put(partition, slot);
        }
        loader.execute(() -> load(slot));
    }

    private void load(Slot<S> slot) {
        TopicPartition tp = new TopicPartition(topic, slot.partition);
        long start = System.nanoTime();
        S shard = shards.apply(slot.partition);
        try {
            topics.read(tp, shard::replay);
            shard.loaded();
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot load {}; its keys are not coordinated here", tp, e);
            slots.remove(slot.partition, slot);
            slot.ready.completeExceptionally(e);
            return;
        }
        if (slots.get(slot.partition) != slot) {
            shard.unloaded(); // resigned while loading
            return;
        }
        slot.ready.complete(shard);
        LOG.info("Loaded {} in {} ms", tp, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Override
    public void resigned(int partition) {
        Slot<S> slot = slots.remove(partition);
        if (slot == null) {
            return;
        }
        S shard = slot.ready.getNow(null);
        if (shard != null) {
            shard.unloaded();
            LOG.info("Unloaded {}", new TopicPartition(topic, partition));
        }
    }

    /** Stops following leadership and drops every shard. */
    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.close();
        }
        // no interrupt: a load reading a log file would close the broker's channel to it (an
        // interruptible channel closes on interrupt); a load still running finds its slot gone and unloads
        loader.shutdown();
        for (Integer partition : List.copyOf(slots.keySet())) {
            resigned(partition);
        }
    }

    private KarstException loading(int partition) {
        return new KarstException(Errors.COORDINATOR_LOAD_IN_PROGRESS, "Partition " + partition + " of " + topic
                + " is still loading");
    }

    /** A partition led here: its shard once loaded. */
    private static final class Slot<S> {
        final int partition;
        final int leaderEpoch;
        final CompletableFuture<S> ready = new CompletableFuture<>();

        Slot(int partition, int leaderEpoch) {
            this.partition = partition;
            this.leaderEpoch = leaderEpoch;
        }
    }
}
