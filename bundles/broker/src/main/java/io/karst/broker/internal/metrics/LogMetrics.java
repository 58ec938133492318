package io.karst.broker.internal.metrics;

import io.karst.api.TopicPartition;
import io.karst.api.log.PartitionLog;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka's {@code kafka.log:type=Log} gauges per partition (Size, LogStartOffset, LogEndOffset,
 * NumLogSegments, tagged {@code topic} and {@code partition}), kept in step with the store's logs by
 * {@link #sync}: new logs get gauges, deleted ones lose them.
 */
public final class LogMetrics {
    private static final String PREFIX = "kafka.log:type=Log,name=";
    private static final String[] NAMES = {"Size", "LogStartOffset", "LogEndOffset", "NumLogSegments"};

    private final JmxRegistry jmx;
    private final Map<TopicPartition, PartitionLog> tracked = new ConcurrentHashMap<>();

    LogMetrics(JmxRegistry jmx) {
        this.jmx = jmx;
    }

    /** Registers gauges for logs not seen before and unregisters those of logs gone. */
    public synchronized void sync(Collection<PartitionLog> logs) {
        Set<TopicPartition> present = new HashSet<>();
        for (PartitionLog log : logs) {
            TopicPartition tp = log.topicPartition();
            present.add(tp);
            if (tracked.get(tp) != log) {
                unregister(tp);
                register(tp, log);
            }
        }
        for (TopicPartition tp : Set.copyOf(tracked.keySet())) {
            if (!present.contains(tp)) {
                unregister(tp);
            }
        }
    }

    private void register(TopicPartition tp, PartitionLog log) {
        tracked.put(tp, log);
        String tags = ",topic=" + tp.topic() + ",partition=" + tp.partition();
        jmx.register(PREFIX + "Size" + tags, new Gauge(log::sizeInBytes));
        jmx.register(PREFIX + "LogStartOffset" + tags, new Gauge(log::logStartOffset));
        jmx.register(PREFIX + "LogEndOffset" + tags, new Gauge(log::logEndOffset));
        jmx.register(PREFIX + "NumLogSegments" + tags, new Gauge(log::segmentCount));
    }

    private void unregister(TopicPartition tp) {
        if (tracked.remove(tp) != null) {
            String tags = ",topic=" + tp.topic() + ",partition=" + tp.partition();
            for (String name : NAMES) {
                jmx.unregister(PREFIX + name + tags);
            }
        }
    }
}
