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

import static io.karst.protocol.messages.OffsetCommitMessage.COMMITTED_LEADER_EPOCH;
import static io.karst.protocol.messages.OffsetCommitMessage.COMMITTED_METADATA;
import static io.karst.protocol.messages.OffsetCommitMessage.COMMITTED_OFFSET;
import static io.karst.protocol.messages.OffsetCommitMessage.ERROR_CODE;
import static io.karst.protocol.messages.OffsetCommitMessage.GENERATION_ID_OR_MEMBER_EPOCH;
import static io.karst.protocol.messages.OffsetCommitMessage.GROUP_ID;
import static io.karst.protocol.messages.OffsetCommitMessage.GROUP_INSTANCE_ID;
import static io.karst.protocol.messages.OffsetCommitMessage.MEMBER_ID;
import static io.karst.protocol.messages.OffsetCommitMessage.NAME;
import static io.karst.protocol.messages.OffsetCommitMessage.PARTITION_INDEX;
import static io.karst.protocol.messages.OffsetCommitMessage.REQUEST_TOPICS;
import static io.karst.protocol.messages.OffsetCommitMessage.RESPONSE_TOPICS;
import static io.karst.protocol.messages.OffsetCommitMessage.TOPIC_PARTITIONS;
import static io.karst.protocol.messages.OffsetCommitMessage.TOPIC_RESPONSE_PARTITIONS;

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
        for (Struct topic : body.get(REQUEST_TOPICS)) {
            String name = topic.get(NAME);
            Optional<TopicDescription> described = topics.describe(name);
            for (Struct p : topic.get(TOPIC_PARTITIONS)) {
                int index = p.getInt(PARTITION_INDEX);
                if (described.isPresent() && described.get().partitions().containsKey(index)) {
                    commits.put(new TopicPartition(name, index), new OffsetCommit(
                            p.getLong(COMMITTED_OFFSET), p.getInt(COMMITTED_LEADER_EPOCH),
                            p.get(COMMITTED_METADATA)));
                }
            }
        }
        Map<TopicPartition, Errors> results = commits.isEmpty() ? Map.of() : offsets.commit(body.get(GROUP_ID),
                body.getInt(GENERATION_ID_OR_MEMBER_EPOCH), body.get(MEMBER_ID),
                body.get(GROUP_INSTANCE_ID), commits);
        Struct response = Protocol.newResponse(ApiKeys.OFFSET_COMMIT, request.version());
        for (Struct topic : body.get(REQUEST_TOPICS)) {
            String name = topic.get(NAME);
            Struct t = response.addElement(RESPONSE_TOPICS).set(NAME, name);
            for (Struct p : topic.get(TOPIC_PARTITIONS)) {
                int index = p.getInt(PARTITION_INDEX);
                Errors error = index < 0 ? null : results.get(new TopicPartition(name, index));
                t.addElement(TOPIC_RESPONSE_PARTITIONS).set(PARTITION_INDEX, index)
                        .set(ERROR_CODE, (error == null ? Errors.UNKNOWN_TOPIC_OR_PARTITION : error).code());
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
