package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.record.RecordBatch;
import io.karst.api.request.ResponsePart;
import io.karst.broker.internal.handler.Request;
import io.karst.broker.internal.metrics.BrokerMetrics;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Feeds the metrics from every answered request: its API's rate and total time and, for Produce and
 * Fetch, the messages and bytes appended to and sent from each topic. It reads only batch headers
 * and the answer's record sizes, after the handler is done.
 */
final class RequestMetricsRecorder {
    private final BrokerMetrics metrics;

    RequestMetricsRecorder(BrokerMetrics metrics) {
        this.metrics = metrics;
    }

    /** {@code request} was answered with {@code response} (null: no answer, acks=0) {@code nanos} after it arrived. */
    void completed(Request request, Struct response, long nanos) {
        metrics.requests().completed(request.header().api(), nanos);
        if (request.header().api() == ApiKeys.PRODUCE) {
            produced(request.body(), response);
        } else if (request.header().api() == ApiKeys.FETCH && response != null
                && request.body().getInt("replica_id") < 0) {
            fetched(response);
        }
    }

    /** Counts the batches the answer says were appended (all of them for acks=0, which gets no answer). */
    private void produced(Struct body, Struct response) {
        List<Struct> topics = body.getStructs("topic_data");
        List<Struct> answers = response == null ? null : response.getStructs("responses");
        for (int t = 0; t < topics.size(); t++) {
            Struct topic = topics.get(t);
            List<Struct> partitions = topic.getStructs("partition_data");
            for (int p = 0; p < partitions.size(); p++) {
                boolean appended = answers == null || answers.get(t).getStructs("partition_responses").get(p)
                        .getShort("error_code") == Errors.NONE.code();
                ByteBuffer records = partitions.get(p).getBytes("records");
                if (appended && records != null && records.remaining() >= RecordBatch.HEADER_SIZE) {
                    RecordBatch batch = RecordBatch.wrap(records);
                    metrics.topics().appended(topic.getString("name"), batch.recordsCount(), batch.sizeInBytes());
                }
            }
        }
    }

    private void fetched(Struct response) {
        for (Struct topic : response.getStructs("responses")) {
            long bytes = 0;
            for (Struct partition : topic.getStructs("partitions")) {
                Object records = partition.get("records");
                if (records instanceof ResponsePart.FileRegion region) {
                    bytes += region.count();
                } else if (records instanceof ByteBuffer buffer) {
                    bytes += buffer.remaining();
                }
            }
            if (bytes > 0) {
                metrics.topics().fetched(topic.getString("topic"), bytes);
            }
        }
    }
}
