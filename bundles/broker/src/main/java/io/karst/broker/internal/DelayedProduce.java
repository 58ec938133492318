package io.karst.broker.internal;

import io.karst.api.Errors;

import java.util.concurrent.CompletableFuture;

/**
 * An {@code acks=all} append waiting until its partition's high watermark passes the batch's last
 * offset; at its timeout it completes with REQUEST_TIMED_OUT (the batch stays in the log, as in Kafka).
 */
final class DelayedProduce extends DelayedOperation {
    private final Partition partition;
    private final AppendOutcome appended;
    private final long timeoutMs;
    private final CompletableFuture<AppendOutcome> result = new CompletableFuture<>();

    DelayedProduce(Partition partition, AppendOutcome appended, long timeoutMs) {
        this.partition = partition;
        this.appended = appended;
        this.timeoutMs = timeoutMs;
    }

    CompletableFuture<AppendOutcome> result() {
        return result;
    }

    @Override
    protected boolean isSatisfied() {
        return partition.highWatermark() > appended.lastOffset();
    }

    @Override
    protected void onComplete() {
        result.complete(isSatisfied() ? appended : AppendOutcome.failed(Errors.REQUEST_TIMED_OUT, "the batch at offset "
                + appended.baseOffset() + " of " + partition.topicPartition() + " was not replicated within "
                + timeoutMs + " ms"));
    }
}
