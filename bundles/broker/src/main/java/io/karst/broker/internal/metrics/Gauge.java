package io.karst.broker.internal.metrics;

import java.util.function.Supplier;

/** A value computed when JMX reads it (log size, group count): nothing to update on the hot path. */
public final class Gauge implements GaugeMBean {
    private final Supplier<?> value;

    Gauge(Supplier<?> value) {
        this.value = value;
    }

    @Override
    public Object getValue() {
        return value.get();
    }
}
