package io.karst.broker.internal.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts events (messages, bytes, requests) and their rate per second: the mean since creation and
 * exponentially weighted 1, 5 and 15 minute averages, updated by {@link #tick()} every
 * {@value #TICK_SECONDS} seconds from a timer. Marking is a {@link LongAdder} increment: no lock.
 */
public final class Meter implements MeterMBean {
    static final int TICK_SECONDS = 5;

    private final String eventType;
    private final LongAdder count = new LongAdder();
    private final long startNanos = System.nanoTime();
    private final MovingAverage oneMinute = new MovingAverage(1);
    private final MovingAverage fiveMinutes = new MovingAverage(5);
    private final MovingAverage fifteenMinutes = new MovingAverage(15);
    private long countAtLastTick;

    Meter(String eventType) {
        this.eventType = eventType;
    }

    public void mark(long events) {
        count.add(events);
    }

    /** Folds the events since the last tick into the moving averages; called by one timer thread. */
    synchronized void tick() {
        long now = count.sum();
        double perSecond = (double) (now - countAtLastTick) / TICK_SECONDS;
        countAtLastTick = now;
        oneMinute.update(perSecond);
        fiveMinutes.update(perSecond);
        fifteenMinutes.update(perSecond);
    }

    @Override
    public long getCount() {
        return count.sum();
    }

    @Override
    public double getMeanRate() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : count.sum() / seconds;
    }

    @Override
    public double getOneMinuteRate() {
        return oneMinute.rate();
    }

    @Override
    public double getFiveMinuteRate() {
        return fiveMinutes.rate();
    }

    @Override
    public double getFifteenMinuteRate() {
        return fifteenMinutes.rate();
    }

    @Override
    public String getRateUnit() {
        return "SECONDS";
    }

    @Override
    public String getEventType() {
        return eventType;
    }

    /** An exponentially weighted moving average of a per-second rate sampled every tick. */
    private static final class MovingAverage {
        private final double alpha;
        private volatile double rate;
        private boolean started;

        MovingAverage(int minutes) {
            this.alpha = 1 - Math.exp(-(double) TICK_SECONDS / (60.0 * minutes));
        }

        void update(double sample) {
            rate = started ? rate + alpha * (sample - rate) : sample;
            started = true;
        }

        double rate() {
            return rate;
        }
    }
}
