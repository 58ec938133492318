package io.karst.api.record;

/**
 * Why one record of a batch was refused: Kafka's per-record produce error (KIP-467).
 *
 * @param batchIndex the record's position in its batch, from 0
 * @param message    what is wrong with it
 */
public record RecordError(int batchIndex, String message) {

    /** As Kafka prints one in the summary of a refused batch. */
    @Override
    public String toString() {
        return "RecordError(batchIndex=" + batchIndex + ", message=" + (message == null ? "null" : "'" + message + "'")
                + ")";
    }
}
