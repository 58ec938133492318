package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.broker.PartitionInfo;
import io.karst.api.broker.TopicAdmin;
import io.karst.api.broker.TopicConfigEntry;
import io.karst.api.broker.TopicInfo;
import io.karst.api.coordination.Coordinator;
import io.karst.api.coordination.PartitionState;
import io.karst.api.coordination.TopicDescription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's view of topics, over the broker's {@link TopicManager}. */
final class BrokerTopicAdmin implements TopicAdmin {
    private final Coordinator coordinator;
    private final TopicManager topics;
    private final ReplicaManager replicas;

    BrokerTopicAdmin(Coordinator coordinator, TopicManager topics, ReplicaManager replicas) {
        this.coordinator = coordinator;
        this.topics = topics;
        this.replicas = replicas;
    }

    @Override
    public List<TopicInfo> topics() {
        List<TopicInfo> result = new ArrayList<>();
        for (TopicDescription topic : coordinator.topics()) {
            result.add(info(topic));
        }
        result.sort(Comparator.comparing(TopicInfo::name));
        return result;
    }

    @Override
    public Optional<TopicInfo> topic(String name) {
        return topics.describe(name).map(this::info);
    }

    @Override
    public TopicInfo createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        return info(topics.create(name, partitions, replicationFactor, configs, false));
    }

    @Override
    public void deleteTopic(String name) {
        topics.delete(name);
    }

    @Override
    public List<TopicConfigEntry> configs(String name) {
        Map<String, String> overrides = existing(name).configs();
        List<TopicConfigEntry> result = new ArrayList<>();
        topics.configDefaults().forEach((key, defaultValue) -> {
            String own = overrides.get(key.key());
            result.add(new TopicConfigEntry(key.key(), own != null ? own : TopicConfig.format(defaultValue), own != null));
        });
        result.sort(Comparator.comparing(TopicConfigEntry::key));
        return result;
    }

    @Override
    public void alterConfigs(String name, Map<String, String> set, Collection<String> remove) {
        Map<String, String> overrides = new HashMap<>(existing(name).configs());
        overrides.keySet().removeAll(remove);
        overrides.putAll(set);
        topics.alterConfigs(name, overrides, false);
    }

    private TopicDescription existing(String name) {
        return topics.describe(name).orElseThrow(() ->
                new KarstException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "Topic '" + name + "' does not exist."));
    }

    private TopicInfo info(TopicDescription topic) {
        List<PartitionInfo> partitions = new ArrayList<>();
        topic.partitions().forEach((index, state) -> partitions.add(partition(topic.name(), index, state)));
        return new TopicInfo(topic.name(), topic.topicId(), TopicNames.isInternal(topic.name()), partitions,
                topic.configs());
    }

    private PartitionInfo partition(String topic, int index, PartitionState state) {
        Partition local = replicas.get(new TopicPartition(topic, index));
        return new PartitionInfo(index, state.leader(), new ArrayList<>(state.replicas()), new ArrayList<>(state.isr()),
                local == null ? -1 : local.log().logStartOffset(),
                local == null ? -1 : local.log().logEndOffset(),
                local == null ? 0 : local.log().sizeInBytes());
    }
}
