package io.karst.broker.internal.metrics;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A broker's metrics as JMX MBeans under Kafka's names, in the platform MBean server (which Karaf's
 * JMX connector serves): topic throughput, request rates and times, log sizes and offsets, and the
 * group coordinator's counts. Updates are lock-free counters; rates move on {@link #tick()}, which the
 * broker calls every {@value Meter#TICK_SECONDS} s. {@link #close()} unregisters everything.
 */
public final class BrokerMetrics implements AutoCloseable {
    /** How often {@link #tick()} must run, in seconds. */
    public static final int TICK_SECONDS = Meter.TICK_SECONDS;
    private static final String GROUP_PREFIX = "kafka.coordinator.group:type=GroupMetadataManager,name=";

    private final JmxRegistry jmx = new JmxRegistry(ManagementFactory.getPlatformMBeanServer());
    private final BrokerTopicMetrics topics = new BrokerTopicMetrics(jmx);
    private final RequestMetrics requests = new RequestMetrics(jmx);
    private final LogMetrics logs = new LogMetrics(jmx);

    public BrokerTopicMetrics topics() {
        return topics;
    }

    public RequestMetrics requests() {
        return requests;
    }

    public LogMetrics logs() {
        return logs;
    }

    /**
     * Registers the group coordinator's gauges ({@code NumGroups}, {@code NumOffsets},
     * {@code NumGroupsStable}, ...), each read from {@code values} when JMX asks.
     */
    public void registerGroupGauges(Map<String, Supplier<?>> values) {
        values.forEach((name, value) -> jmx.register(GROUP_PREFIX + name, new Gauge(value)));
    }

    /** Moves the rates' averages on; called from a timer every {@link #TICK_SECONDS} s. */
    public void tick() {
        topics.tick();
        requests.tick();
    }

    @Override
    public void close() {
        jmx.close();
    }
}
