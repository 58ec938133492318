package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.TopicPartition;
import io.karst.api.coordination.TopicDescription;
import io.karst.broker.internal.TopicManager;
import io.karst.api.group.GroupService;
import io.karst.api.group.OffsetCommit;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * OffsetCommit: stores a group's offsets for partitions that exist (others, negative indexes among
 * them, get UNKNOWN_TOPIC_OR_PARTITION); generation -1 with an empty
 * member id commits for a group without members ({@code assign()} users).
 */
public final class OffsetCommitHandler implements ApiHandler {
    private final GroupService offsets;
    private final TopicManager topics;

    public OffsetCommitHandler(GroupService offsets, TopicManager topics) {
        this.offsets = offsets;
        this.topics = topics;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.OFFSET_COMMIT;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        Map<TopicPartition, OffsetCommit> commits = new LinkedHashMap<>();
        for (Struct topic : body.getStructs("topics")) {
            String name = topic.getString("name");
            Optional<TopicDescription> described = topics.describe(name);
            for (Struct p : topic.getStructs("partitions")) {
                int index = p.getInt("partition_index");
                if (described.isPresent() && described.get().partitions().containsKey(index)) {
                    commits.put(new TopicPartition(name, index), new OffsetCommit(
                            p.getLong("committed_offset"), p.getInt("committed_leader_epoch"),
                            p.getString("committed_metadata")));
                }
            }
        }
        Map<TopicPartition, Errors> results = commits.isEmpty() ? Map.of() : offsets.commit(body.getString("group_id"),
                body.getInt("generation_id_or_member_epoch"), body.getString("member_id"),
                body.getString("group_instance_id"), commits);
        Struct response = Protocol.newResponse(ApiKeys.OFFSET_COMMIT, request.version());
        for (Struct topic : body.getStructs("topics")) {
            String name = topic.getString("name");
            Struct t = response.addElement("topics").set("name", name);
            for (Struct p : topic.getStructs("partitions")) {
                int index = p.getInt("partition_index");
                Errors error = index < 0 ? null : results.get(new TopicPartition(name, index));
                t.addElement("partitions").set("partition_index", index)
                        .set("error_code", (error == null ? Errors.UNKNOWN_TOPIC_OR_PARTITION : error).code());
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
