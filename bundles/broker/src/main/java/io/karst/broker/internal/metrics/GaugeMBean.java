package io.karst.broker.internal.metrics;

/** A value read when asked, as Kafka's gauges show it over JMX. */
public interface GaugeMBean {
    Object getValue();
}
