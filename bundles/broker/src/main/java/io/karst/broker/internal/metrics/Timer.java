package io.karst.broker.internal.metrics;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Records durations (request total time) lock-free: count, sum, min and max in nanoseconds, shown in ms. */
public final class Timer implements TimerMBean {
    private static final double NANOS_PER_MS = 1e6;

    private final LongAdder count = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();
    private final LongAccumulator minNanos = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

    public void record(long nanos) {
        count.increment();
        sumNanos.add(nanos);
        minNanos.accumulate(nanos);
        maxNanos.accumulate(nanos);
    }

    @Override
    public long getCount() {
        return count.sum();
    }

    @Override
    public double getMin() {
        return count.sum() == 0 ? 0 : minNanos.get() / NANOS_PER_MS;
    }

    @Override
    public double getMax() {
        return maxNanos.get() / NANOS_PER_MS;
    }

    @Override
    public double getMean() {
        long n = count.sum();
        return n == 0 ? 0 : sumNanos.sum() / NANOS_PER_MS / n;
    }
}
