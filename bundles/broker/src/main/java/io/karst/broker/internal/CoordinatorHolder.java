package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.coordination.BrokerRegistration;
import io.karst.api.coordination.Coordinator;
import io.karst.api.coordination.TopicDescription;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coordinator service of the moment, which may come and go while the broker runs (a coordinator
 * bundle stopped, updated or swapped). While one is bound every call goes to it and its answers are
 * remembered; while none is, reads are answered from what was last seen, so that clients keep their
 * metadata and the partitions already open keep serving, and changes (topics, configs, producer ids)
 * fail with the retriable NOT_CONTROLLER. The broker's registration is replayed on every bind.
 */
final class CoordinatorHolder implements Coordinator {
    private volatile Coordinator current;
    private volatile BrokerRegistration self;
    private volatile String clusterId = "";
    private volatile int controllerId = -1;
    private volatile List<BrokerRegistration> brokers = List.of();
    private final Map<String, TopicDescription> topics = new ConcurrentHashMap<>();

    /** Makes {@code coordinator} the one in use and registers this broker with it. */
    synchronized void bind(Coordinator coordinator) {
        current = coordinator;
        if (self != null) {
            coordinator.registerBroker(self);
        }
        clusterId();
        controllerId();
        brokers();
        topics();
    }

    /** Forgets {@code coordinator} if it is the one in use. */
    synchronized void unbind(Coordinator coordinator) {
        if (current == coordinator) {
            current = null;
        }
    }

    private Coordinator required(String what) {
        Coordinator c = current;
        if (c == null) {
            throw new KarstException(Errors.NOT_CONTROLLER, "no coordinator is running: cannot " + what + " now");
        }
        return c;
    }

    @Override
    public String name() {
        Coordinator c = current;
        return c == null ? "none" : c.name();
    }

    @Override
    public String clusterId() {
        Coordinator c = current;
        if (c != null) {
            clusterId = c.clusterId();
        }
        return clusterId;
    }

    @Override
    public int controllerId() {
        Coordinator c = current;
        if (c != null) {
            controllerId = c.controllerId();
        }
        return controllerId;
    }

    @Override
    public void registerBroker(BrokerRegistration broker) {
        self = broker;
        Coordinator c = current;
        if (c != null) {
            c.registerBroker(broker);
        }
    }

    @Override
    public void unregisterBroker(int brokerId) {
        Coordinator c = current;
        if (c != null) {
            c.unregisterBroker(brokerId);
        }
    }

    @Override
    public List<BrokerRegistration> brokers() {
        Coordinator c = current;
        if (c != null) {
            brokers = List.copyOf(c.brokers());
        }
        return brokers;
    }

    @Override
    public TopicDescription createTopic(String name, int partitions, short replicationFactor,
                                        Map<String, String> configs) {
        TopicDescription topic = required("create topic " + name).createTopic(name, partitions, replicationFactor,
                configs);
        topics.put(name, topic);
        return topic;
    }

    @Override
    public void deleteTopic(String name) {
        required("delete topic " + name).deleteTopic(name);
        topics.remove(name);
    }

    @Override
    public Optional<TopicDescription> topic(String name) {
        Coordinator c = current;
        if (c == null) {
            return Optional.ofNullable(topics.get(name));
        }
        Optional<TopicDescription> topic = c.topic(name);
        if (topic.isPresent()) {
            topics.put(name, topic.get());
        } else {
            topics.remove(name);
        }
        return topic;
    }

    @Override
    public TopicDescription updateTopicConfigs(String name, Map<String, String> configs) {
        TopicDescription topic = required("change the configs of " + name).updateTopicConfigs(name, configs);
        topics.put(name, topic);
        return topic;
    }

    @Override
    public long allocateProducerIdBlock(int count) {
        return required("hand out producer ids").allocateProducerIdBlock(count);
    }

    @Override
    public Collection<TopicDescription> topics() {
        Coordinator c = current;
        if (c == null) {
            return topics.values().stream().sorted(java.util.Comparator.comparing(TopicDescription::name)).toList();
        }
        Collection<TopicDescription> all = c.topics();
        topics.keySet().retainAll(all.stream().map(TopicDescription::name).toList());
        for (TopicDescription t : all) {
            topics.put(t.name(), t);
        }
        return all;
    }
}
