package io.karst.broker.internal.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The groups this coordinator knows, by id. Thread-safe; a removed group is marked Dead first. */
final class GroupRegistry {
    private final Map<String, GroupMetadata> groups = new ConcurrentHashMap<>();

    GroupMetadata get(String groupId) {
        return groups.get(groupId);
    }

    GroupMetadata getOrCreate(String groupId, long now) {
        return groups.computeIfAbsent(groupId, id -> new GroupMetadata(id, now));
    }

    void put(GroupMetadata group) {
        groups.put(group.groupId(), group);
    }

    /** Removes a group; the caller holds its lock and has made it Dead. */
    void remove(GroupMetadata group) {
        groups.remove(group.groupId(), group);
    }

    List<GroupMetadata> all() {
        return new ArrayList<>(groups.values());
    }
}
