package io.karst.group.coordinator.internal;

import io.karst.group.coordinator.internal.runtime.CoordinatorRuntime;

import java.util.ArrayList;
import java.util.List;

/**
 * The groups this broker coordinates, by id: each lives in the shard of its {@code __consumer_offsets}
 * partition. Looking up a group of a partition led elsewhere, or still loading, throws the
 * runtime's NOT_COORDINATOR or COORDINATOR_LOAD_IN_PROGRESS. Thread-safe.
 */
final class GroupRegistry {
    /** How long a first group waits for the partitions of a just-created topic to load (they are empty). */
    private static final long NEW_TOPIC_LOAD_MS = 10_000;

    private final CoordinatorRuntime<GroupShard> runtime;

    GroupRegistry(CoordinatorRuntime<GroupShard> runtime) {
        this.runtime = runtime;
    }

    /** The group, or null when unknown (no group is known before the topic exists). */
    GroupMetadata get(String groupId) {
        return runtime.topicExists() ? shardOf(groupId).get(groupId) : null;
    }

    /** The group, made Empty when new; the first group creates the topic. */
    GroupMetadata getOrCreate(String groupId, long now) {
        if (!runtime.topicExists()) {
            runtime.ensureTopic(NEW_TOPIC_LOAD_MS);
        }
        return shardOf(groupId).getOrCreate(groupId, now);
    }

    /** Removes a group; the caller holds its lock and has made it Dead. */
    void remove(GroupMetadata group) {
        shardOf(group.groupId()).remove(group);
    }

    /** Every group of the loaded shards. */
    List<GroupMetadata> all() {
        List<GroupMetadata> all = new ArrayList<>();
        for (GroupShard shard : runtime.loadedShards()) {
            all.addAll(shard.all());
        }
        return all;
    }

    private GroupShard shardOf(String groupId) {
        return runtime.shard(runtime.partitionFor(groupId));
    }
}
