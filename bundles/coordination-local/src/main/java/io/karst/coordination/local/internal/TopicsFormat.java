package io.karst.coordination.local.internal;

import io.karst.api.coordination.PartitionState;
import io.karst.api.coordination.TopicDescription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics file: every topic under a running index, in {@link java.util.Properties} syntax.
 * <pre>
 * format.version=1
 * topic.count=1
 * topic.0.name=orders
 * topic.0.id=5a2c1f0e-8d7b-4b8e-9a51-0c1d2e3f4a5b
 * topic.0.partition.count=1
 * topic.0.partition.0.leader=1
 * topic.0.partition.0.leader.epoch=0
 * topic.0.partition.0.replicas=1
 * topic.0.partition.0.isr=1
 * topic.0.config.retention.ms=86400000
 * </pre>
 * The index only groups a topic's keys; it is reassigned on every write. Replica lists are comma-separated
 * broker ids. Decoding checks every key it needs and fails with a message naming the first one missing or
 * malformed, so that a damaged file is never read as fewer topics.
 */
final class TopicsFormat {

    static final int VERSION = 1;

    private static final Pattern CONFIG_KEY = Pattern.compile("topic\\.(\\d{1,9})\\.config\\.(.*)", Pattern.DOTALL);

    private TopicsFormat() {
    }

    static String encode(Collection<TopicDescription> topics) {
        PropertiesText text = new PropertiesText()
                .comment("Karst topics, written whole by the local coordinator on every change. Do not edit while running.")
                .put("format.version", VERSION)
                .put("topic.count", topics.size());
        int index = 0;
        for (TopicDescription topic : topics) {
            String prefix = "topic." + index++ + ".";
            text.put(prefix + "name", topic.name())
                    .put(prefix + "id", topic.topicId().toString())
                    .put(prefix + "partition.count", topic.partitionCount());
            topic.partitions().forEach((partition, state) -> {
                String p = prefix + "partition." + partition + ".";
                text.put(p + "leader", state.leader())
                        .put(p + "leader.epoch", state.leaderEpoch())
                        .put(p + "replicas", join(state.replicas()))
                        .put(p + "isr", join(state.isr()));
            });
            new TreeMap<>(topic.configs()).forEach((key, value) -> text.put(prefix + "config." + key, value));
        }
        return text.toString();
    }

    /**
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    static SortedMap<String, TopicDescription> decode(Map<String, String> properties) {
        Entries entries = new Entries(properties);
        int version = entries.integer("format.version");
        if (version != VERSION) {
            throw new IllegalArgumentException("format.version " + version + " is not supported (expected " + VERSION + ")");
        }
        int count = entries.integer("topic.count");
        Map<Integer, Map<String, String>> configs = configsByIndex(properties, count);
        SortedMap<String, TopicDescription> topics = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String prefix = "topic." + i + ".";
            String name = entries.string(prefix + "name");
            UUID id = entries.uuid(prefix + "id");
            int partitions = entries.integer(prefix + "partition.count");
            SortedMap<Integer, PartitionState> states = new TreeMap<>();
            for (int p = 0; p < partitions; p++) {
                String key = prefix + "partition." + p + ".";
                states.put(p, new PartitionState(entries.integer(key + "leader"), entries.integer(key + "leader.epoch"),
                        entries.brokerIds(key + "replicas"), entries.brokerIds(key + "isr")));
            }
            if (topics.put(name, new TopicDescription(name, id, states, configs.getOrDefault(i, Map.of()))) != null) {
                throw new IllegalArgumentException("topic '" + name + "' appears twice");
            }
        }
        return topics;
    }

    private static Map<Integer, Map<String, String>> configsByIndex(Map<String, String> properties, int count) {
        Map<Integer, Map<String, String>> configs = new HashMap<>();
        properties.forEach((key, value) -> {
            Matcher m = CONFIG_KEY.matcher(key);
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                if (index >= count) {
                    throw new IllegalArgumentException(key + " belongs to no topic (topic.count is " + count + ")");
                }
                configs.computeIfAbsent(index, i -> new HashMap<>()).put(m.group(2), value);
            }
        });
        return configs;
    }

    private static String join(List<Integer> ids) {
        StringBuilder s = new StringBuilder();
        for (Integer id : ids) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(id);
        }
        return s.toString();
    }

    /** Typed, checked access to the decoded keys. */
    private record Entries(Map<String, String> properties) {

        String string(String key) {
            String value = properties.get(key);
            if (value == null) {
                throw new IllegalArgumentException("missing key " + key);
            }
            return value;
        }

        int integer(String key) {
            String value = string(key);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is not an integer: '" + value + "'", e);
            }
        }

        UUID uuid(String key) {
            String value = string(key);
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " is not a UUID: '" + value + "'", e);
            }
        }

        List<Integer> brokerIds(String key) {
            String value = string(key);
            List<Integer> ids = new ArrayList<>();
            if (value.isEmpty()) {
                return ids;
            }
            for (String id : value.split(",", -1)) {
                try {
                    ids.add(Integer.parseInt(id));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " is not a list of broker ids: '" + value + "'", e);
                }
            }
            return ids;
        }
    }
}
