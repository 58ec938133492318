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
        String groupId = body.getString("group_id");
        List<Struct> asked = body.getStructs("topics");
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
                Struct t = response.addElement("topics").set("name", topic);
                partitions.forEach((index, offset) -> addPartition(t, index, offset));
            });
        } else {
            List<TopicPartition> wanted = new ArrayList<>();
            for (Struct topic : asked) {
                for (Integer index : topic.<Integer>getList("partition_indexes")) {
                    if (index >= 0) {
                        wanted.add(new TopicPartition(topic.getString("name"), index));
                    }
                }
            }
            Map<TopicPartition, CommittedOffset> committed = offsets.fetch(groupId, wanted);
            for (Struct topic : asked) {
                String name = topic.getString("name");
                Struct t = response.addElement("topics").set("name", name);
                for (Integer index : topic.<Integer>getList("partition_indexes")) {
                    if (index < 0) {
                        addPartition(t, index, null).set("error_code", Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                    } else {
                        addPartition(t, index, committed.get(new TopicPartition(name, index)));
                    }
                }
            }
        }
    }

    /** The coordinator cannot answer: the error at the top (v2+) and on every asked partition (v0-1 read it there). */
    private static void refuse(List<Struct> asked, Struct response, Errors error) {
        response.set("error_code", error.code());
        for (Struct topic : asked == null ? List.<Struct>of() : asked) {
            Struct t = response.addElement("topics").set("name", topic.getString("name"));
            for (Integer index : topic.<Integer>getList("partition_indexes")) {
                addPartition(t, index, null).set("error_code", error.code());
            }
        }
    }

    private static Struct addPartition(Struct topic, int index, CommittedOffset offset) {
        return topic.addElement("partitions").set("partition_index", index)
                .set("committed_offset", offset == null ? NO_OFFSET : offset.offset())
                .set("committed_leader_epoch", offset == null ? -1 : offset.leaderEpoch())
                .set("metadata", offset == null ? "" : offset.metadata());
    }
}
