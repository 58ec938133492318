package io.karst.broker.internal.metrics;

/** A rate, with the attributes Kafka's meters show over JMX. */
public interface MeterMBean {
    long getCount();

    double getMeanRate();

    double getOneMinuteRate();

    double getFiveMinuteRate();

    double getFifteenMinuteRate();

    String getRateUnit();

    String getEventType();
}
