package io.karst.broker.internal;

import io.karst.api.request.ResponsePart;
import io.karst.broker.internal.handler.Request;
import io.karst.broker.internal.metrics.BrokerMetrics;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;

import static io.karst.protocol.messages.FetchMessage.RECORDS;
import static io.karst.protocol.messages.FetchMessage.REPLICA_ID;
import static io.karst.protocol.messages.FetchMessage.RESPONSES;
import static io.karst.protocol.messages.FetchMessage.TOPIC;
import static io.karst.protocol.messages.FetchMessage.TOPIC_RESPONSE_PARTITIONS;

/**
 * Feeds the metrics from every answered request: its API's rate and total time and, for Fetch, the
 * bytes sent from each topic, read from the answer's record sizes after the handler is done. (What is
 * appended is counted where it is appended, by the {@link PartitionAppender}.)
 */
final class RequestMetricsRecorder {
    private final BrokerMetrics metrics;

    RequestMetricsRecorder(BrokerMetrics metrics) {
        this.metrics = metrics;
    }

    /** {@code request} was answered with {@code response} (null: no answer, acks=0) {@code nanos} after it arrived. */
    void completed(Request request, Struct response, long nanos) {
        metrics.requests().completed(request.header().api(), nanos);
        if (request.header().api() == ApiKeys.FETCH && response != null
                && request.body().getInt(REPLICA_ID) < 0) {
            fetched(response);
        }
    }

    private void fetched(Struct response) {
        for (Struct topic : response.get(RESPONSES)) {
            long bytes = 0;
            for (Struct partition : topic.get(TOPIC_RESPONSE_PARTITIONS)) {
                Object records = partition.get(RECORDS);
                if (records instanceof ResponsePart.FileRegion region) {
                    bytes += region.count();
                } else if (records instanceof ByteBuffer buffer) {
                    bytes += buffer.remaining();
                }
            }
            if (bytes > 0) {
                metrics.topics().fetched(topic.get(TOPIC), bytes);
            }
        }
    }
}
