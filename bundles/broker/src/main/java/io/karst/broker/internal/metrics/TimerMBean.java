package io.karst.broker.internal.metrics;

/** Durations of an operation in ms, with the attributes Kafka's histograms show over JMX (no percentiles). */
public interface TimerMBean {
    long getCount();

    double getMin();

    double getMax();

    double getMean();
}
