package io.karst.broker.internal;

/** Who writes a batch to a partition; the checks it passes and what it counts for differ. */
public enum AppendOrigin {
    /** A producer over the wire: every check, the topic's compression, the produce meters. */
    CLIENT(true),
    /** The console producer: as a client. */
    CONSOLE(true),
    /** The broker's own coordinators: their batches are built by the broker and stored as built. */
    COORDINATOR(false),
    /** A follower copying its leader's batches (later): stored as the leader wrote them. */
    REPLICATION(false);

    private final boolean fromProducer;

    AppendOrigin(boolean fromProducer) {
        this.fromProducer = fromProducer;
    }

    /**
     * Whether its batches come from a producer: then they are validated, converted to the topic's
     * compression and counted in the produce meters ({@code MessagesInPerSec}, ...).
     */
    public boolean fromProducer() {
        return fromProducer;
    }
}
