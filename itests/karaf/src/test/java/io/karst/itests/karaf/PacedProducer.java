package io.karst.itests.karaf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client that keeps producing: it sends prepared record batches one after another, one every few
 * milliseconds, on one connection, and keeps every answer. A batch is never sent twice, so each
 * acknowledgement names one batch.
 */
final class PacedProducer implements AutoCloseable {
    /** The error code recorded when the connection itself fails: no Kafka error code is negative like this. */
    static final short CONNECTION_FAILED = Short.MIN_VALUE;

    /** The answer to the {@code index}-th batch. */
    record Outcome(int index, short errorCode, long baseOffset) {
    }

    private final KafkaWire wire;
    private final String topic;
    private final List<ByteBuffer> batches;
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private int next;

    private PacedProducer(KafkaWire wire, String topic, List<ByteBuffer> batches) {
        this.wire = wire;
        this.topic = topic;
        this.batches = batches;
    }

    /** Starts sending {@code batches} to {@code topic}, one every {@code paceMs} milliseconds. */
    static PacedProducer start(int port, String topic, List<ByteBuffer> batches, long paceMs) throws IOException {
        PacedProducer producer = new PacedProducer(KafkaWire.connect(port), topic, batches);
        producer.thread.scheduleWithFixedDelay(producer::sendNext, 0, paceMs, TimeUnit.MILLISECONDS);
        return producer;
    }

    private void sendNext() {
        if (next >= batches.size()) {
            thread.shutdown();
            return;
        }
        int index = next++;
        try {
            KafkaWire.Acknowledgement ack = wire.produce(topic, batches.get(index));
            outcomes.add(new Outcome(index, ack.errorCode(), ack.baseOffset()));
        } catch (IOException e) {
            outcomes.add(new Outcome(index, CONNECTION_FAILED, -1));
            thread.shutdown();
        }
    }

    /** Every answer so far, in sending order. */
    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Whether batches are left to send. */
    boolean hasMore() {
        return !thread.isShutdown();
    }

    /**
     * Stops sending. A batch already on its way is answered first: interrupting it could leave a
     * batch stored whose acknowledgement nobody read.
     */
    @Override
    public void close() throws Exception {
        thread.shutdown();
        if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
        wire.close();
    }
}
