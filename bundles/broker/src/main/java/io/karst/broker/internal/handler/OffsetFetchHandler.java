package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.api.group.GroupService;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.OffsetFetchMessage.COMMITTED_LEADER_EPOCH;
import static io.karst.protocol.messages.OffsetFetchMessage.COMMITTED_OFFSET;
import static io.karst.protocol.messages.OffsetFetchMessage.GROUP_ID;
import static io.karst.protocol.messages.OffsetFetchMessage.METADATA;
import static io.karst.protocol.messages.OffsetFetchMessage.NAME;
import static io.karst.protocol.messages.OffsetFetchMessage.PARTITIONS;
import static io.karst.protocol.messages.OffsetFetchMessage.PARTITION_INDEX;
import static io.karst.protocol.messages.OffsetFetchMessage.PARTITION_INDEXES;
import static io.karst.protocol.messages.OffsetFetchMessage.PARTITION_RESPONSE_ERROR_CODE;
import static io.karst.protocol.messages.OffsetFetchMessage.REQUEST_TOPICS;
import static io.karst.protocol.messages.OffsetFetchMessage.RESPONSE_ERROR_CODE;
import static io.karst.protocol.messages.OffsetFetchMessage.RESPONSE_TOPICS;

/**
 * OffsetFetch: a group's committed offsets for the asked partitions (-1 and empty metadata where
 * nothing is committed; UNKNOWN_TOPIC_OR_PARTITION for a negative index, which no topic has), or
 * every committed offset when the topics are null (v2+).
 */
public final class OffsetFetchHandler implements ApiHandler {
    private static final long NO_OFFSET = -1L;

    private final GroupService offsets;

    public OffsetFetchHandler(GroupService offsets) {
        this.offsets = offsets;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.OFFSET_FETCH;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        String groupId = body.get(GROUP_ID);
        List<Struct> asked = body.get(REQUEST_TOPICS);
        Struct response = Protocol.newResponse(ApiKeys.OFFSET_FETCH, request.version());
        try {
            fetch(groupId, asked, response);
        } catch (KarstException e) {
            refuse(asked, response, e.error());
        }
        return CompletableFuture.completedFuture(response);
    }

    private void fetch(String groupId, List<Struct> asked, Struct response) {
        if (asked == null) {
            Map<String, Map<Integer, CommittedOffset>> byTopic = new TreeMap<>();
            offsets.fetch(groupId, null).forEach((tp, offset) ->
                    byTopic.computeIfAbsent(tp.topic(), t -> new TreeMap<>()).put(tp.partition(), offset));
            byTopic.forEach((topic, partitions) -> {
                Struct t = response.addElement(RESPONSE_TOPICS).set(NAME, topic);
                partitions.forEach((index, offset) -> addPartition(t, index, offset));
            });
        } else {
            List<TopicPartition> wanted = new ArrayList<>();
            for (Struct topic : asked) {
                for (Integer index : topic.get(PARTITION_INDEXES)) {
                    if (index >= 0) {
                        wanted.add(new TopicPartition(topic.get(NAME), index));
                    }
                }
            }
            Map<TopicPartition, CommittedOffset> committed = offsets.fetch(groupId, wanted);
            for (Struct topic : asked) {
                String name = topic.get(NAME);
                Struct t = response.addElement(RESPONSE_TOPICS).set(NAME, name);
                for (Integer index : topic.get(PARTITION_INDEXES)) {
                    if (index < 0) {
                        addPartition(t, index, null)
                                .set(PARTITION_RESPONSE_ERROR_CODE, Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                    } else {
                        addPartition(t, index, committed.get(new TopicPartition(name, index)));
                    }
                }
            }
        }
    }

    /** The coordinator cannot answer: the error at the top (v2+) and on every asked partition (v0-1 read it there). */
    private static void refuse(List<Struct> asked, Struct response, Errors error) {
        response.set(RESPONSE_ERROR_CODE, error.code());
        for (Struct topic : asked == null ? List.<Struct>of() : asked) {
            Struct t = response.addElement(RESPONSE_TOPICS).set(NAME, topic.get(NAME));
            for (Integer index : topic.get(PARTITION_INDEXES)) {
                addPartition(t, index, null).set(PARTITION_RESPONSE_ERROR_CODE, error.code());
            }
        }
    }

    private static Struct addPartition(Struct topic, int index, CommittedOffset offset) {
        return topic.addElement(PARTITIONS).set(PARTITION_INDEX, index)
                .set(COMMITTED_OFFSET, offset == null ? NO_OFFSET : offset.offset())
                .set(COMMITTED_LEADER_EPOCH, offset == null ? -1 : offset.leaderEpoch())
                .set(METADATA, offset == null ? "" : offset.metadata());
    }
}
