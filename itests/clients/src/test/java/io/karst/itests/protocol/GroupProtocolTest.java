package io.karst.itests.protocol;

import io.karst.itests.Clients;
import io.karst.itests.KarstExtension;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroup;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupRequestData.MemberIdentity;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupResponseData.MemberResponse;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopic;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData.SyncGroupRequestAssignment;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.DescribeGroupsResponse;
import org.apache.kafka.common.requests.FindCoordinatorResponse;
import org.apache.kafka.common.requests.HeartbeatResponse;
import org.apache.kafka.common.requests.JoinGroupResponse;
import org.apache.kafka.common.requests.LeaveGroupResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.OffsetCommitResponse;
import org.apache.kafka.common.requests.OffsetFetchResponse;
import org.apache.kafka.common.requests.SyncGroupResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The group coordinator at the protocol level, with requests a well-behaved client would not send:
 * each bad request gets Kafka's error code, and the group goes on working afterwards.
 */
@Timeout(60)
class GroupProtocolTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withConfig(Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "group.min.session.timeout.ms", "1000",
            "group.max.session.timeout.ms", "60000",
            "offsets.topic.num.partitions", "3"));

    private static final short JOIN_V5 = 5;
    private static final short SYNC_V3 = 3;
    private static final short HEARTBEAT_V3 = 3;
    private static final short LEAVE_V1 = 1;
    private static final short LEAVE_V3 = 3;
    private static final short COMMIT_V7 = 7;
    private static final short FETCH_V7 = 7;
    private static final short DESCRIBE_V4 = 4;
    private static final byte[] ASSIGNMENT = "the leader's plan".getBytes(StandardCharsets.UTF_8);

    @Test
    void findCoordinatorNamesThisBrokerAndCreatesTheInternalTopic() throws IOException {
        try (RawConnection connection = RawConnection.open(karst.port())) {
            FindCoordinatorResponseData found = connection.request(ApiKeys.FIND_COORDINATOR, (short) 2,
                    new FindCoordinatorRequestData().setKey("any-group").setKeyType((byte) 0),
                    FindCoordinatorResponse.class).data();
            assertThat(found.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(found.nodeId()).isEqualTo(1);
            assertThat(found.host()).isEqualTo("127.0.0.1");
            assertThat(found.port()).isEqualTo(karst.port());

            MetadataResponseData metadata = connection.request(ApiKeys.METADATA, (short) 4,
                    new MetadataRequestData().setTopics(null), MetadataResponse.class).data();
            MetadataResponseData.MetadataResponseTopic offsets = metadata.topics().find("__consumer_offsets");
            assertThat(offsets.isInternal()).isTrue();
            assertThat(offsets.partitions()).hasSize(3);
        }
    }

    @Test
    void aJoinWithAnOutOfRangeSessionTimeoutIsRefusedAndTheGroupStaysUsable() throws IOException {
        try (RawConnection connection = RawConnection.open(karst.port())) {
            assertThat(join(connection, "bounds", "", null, 999).errorCode())
                    .isEqualTo(Errors.INVALID_SESSION_TIMEOUT.code());
            assertThat(join(connection, "bounds", "", null, 60_001).errorCode())
                    .isEqualTo(Errors.INVALID_SESSION_TIMEOUT.code());

            Member member = joinAndSync(connection, "bounds");
            assertThat(member.generation).isEqualTo(1);
        }
    }

    @Test
    void aSyncFromAnUnknownMemberIsRefusedAndTheLeadersSyncStillWorks() throws IOException {
        try (RawConnection connection = RawConnection.open(karst.port())) {
            JoinGroupResponseData joined = joinAsNewMember(connection, "syncers");

            SyncGroupResponseData stranger = sync(connection, "syncers", joined.generationId(), "stranger-42");
            assertThat(stranger.errorCode()).isEqualTo(Errors.UNKNOWN_MEMBER_ID.code());

            SyncGroupResponseData leader = sync(connection, "syncers", joined.generationId(), joined.memberId());
            assertThat(leader.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(leader.assignment()).isEqualTo(ASSIGNMENT);
            assertThat(heartbeat(connection, "syncers", joined.generationId(), joined.memberId()))
                    .isEqualTo(Errors.NONE.code());
        }
    }

    @Test
    void aCommitWithAStaleGenerationIsRefusedAndTheCurrentOneIsStored() throws Exception {
        String topic = "group-protocol-commits";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (RawConnection connection = RawConnection.open(karst.port())) {
            Member member = joinAndSync(connection, "committers");

            assertThat(commit(connection, "committers", member.generation - 1, member.id, topic, 7))
                    .isEqualTo(Errors.ILLEGAL_GENERATION.code());
            assertThat(commit(connection, "committers", member.generation, "not-a-member", topic, 7))
                    .isEqualTo(Errors.UNKNOWN_MEMBER_ID.code());
            assertThat(heartbeat(connection, "committers", member.generation + 1, member.id))
                    .isEqualTo(Errors.ILLEGAL_GENERATION.code());
            assertThat(fetchOffset(connection, "committers", topic)).isEqualTo(-1L);

            assertThat(commit(connection, "committers", member.generation, member.id, topic, 9))
                    .isEqualTo(Errors.NONE.code());
            assertThat(fetchOffset(connection, "committers", topic)).isEqualTo(9L);
            assertThat(commit(connection, "committers", member.generation, member.id, "no-such-topic", 1))
                    .isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
        }
    }

    @Test
    void aCommitWithoutGenerationWorksForAGroupWithoutMembersOnly() throws Exception {
        String topic = "group-protocol-assign";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (RawConnection connection = RawConnection.open(karst.port())) {
            assertThat(commit(connection, "assigners", -1, "", topic, 3)).isEqualTo(Errors.NONE.code());
            assertThat(fetchOffset(connection, "assigners", topic)).isEqualTo(3L);

            joinAndSync(connection, "assigners");
            assertThat(commit(connection, "assigners", -1, "", topic, 4)).isEqualTo(Errors.UNKNOWN_MEMBER_ID.code());
            assertThat(fetchOffset(connection, "assigners", topic)).isEqualTo(3L);
        }
    }

    @Test
    void anUnknownGroupIsDescribedAsDeadWithoutMembers() throws IOException {
        try (RawConnection connection = RawConnection.open(karst.port())) {
            Member member = joinAndSync(connection, "described");

            List<DescribedGroup> groups = connection.request(ApiKeys.DESCRIBE_GROUPS, DESCRIBE_V4,
                    new DescribeGroupsRequestData().setGroups(List.of("no-such-group", "described")),
                    DescribeGroupsResponse.class).data().groups();

            assertThat(groups.get(0).errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(groups.get(0).groupState()).isEqualTo("Dead");
            assertThat(groups.get(0).members()).isEmpty();
            assertThat(groups.get(1).groupState()).isEqualTo("Stable");
            assertThat(groups.get(1).protocolType()).isEqualTo("consumer");
            assertThat(groups.get(1).protocolData()).isEqualTo("range");
            assertThat(groups.get(1).members()).singleElement().satisfies(m -> {
                assertThat(m.memberId()).isEqualTo(member.id);
                assertThat(m.clientId()).isEqualTo(RawConnection.CLIENT_ID);
                assertThat(m.clientHost()).isEqualTo("/127.0.0.1");
                assertThat(m.memberAssignment()).isEqualTo(ASSIGNMENT);
            });
        }
    }

    @Test
    void aStaticMemberRejoiningWithoutItsMemberIdKeepsTheGenerationAndItsOldIdIsFenced() throws Exception {
        String topic = "group-protocol-static";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (RawConnection connection = RawConnection.open(karst.port())) {
            JoinGroupResponseData joined = join(connection, "statics", "", "static-1", 10_000);
            assertThat(joined.errorCode()).as("a static member needs no second join").isEqualTo(Errors.NONE.code());
            assertThat(joined.memberId()).startsWith("static-1-");
            assertThat(sync(connection, "statics", joined.generationId(), joined.memberId(), "static-1").errorCode())
                    .isEqualTo(Errors.NONE.code());

            JoinGroupResponseData rejoined = join(connection, "statics", "", "static-1", 10_000);

            assertThat(rejoined.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(rejoined.memberId()).isNotEqualTo(joined.memberId());
            assertThat(rejoined.generationId()).isEqualTo(joined.generationId());
            assertThat(rejoined.leader()).as("the leader as it was").isEqualTo(joined.memberId());
            assertThat(rejoined.members()).isEmpty();
            SyncGroupResponseData synced = sync(connection, "statics", rejoined.generationId(), rejoined.memberId(),
                    "static-1");
            assertThat(synced.assignment()).isEqualTo(ASSIGNMENT);

            String old = joined.memberId();
            int generation = joined.generationId();
            assertThat(heartbeat(connection, "statics", generation, old, "static-1"))
                    .isEqualTo(Errors.FENCED_INSTANCE_ID.code());
            assertThat(sync(connection, "statics", generation, old, "static-1").errorCode())
                    .isEqualTo(Errors.FENCED_INSTANCE_ID.code());
            assertThat(commit(connection, "statics", generation, old, "static-1", topic, 5))
                    .isEqualTo(Errors.FENCED_INSTANCE_ID.code());
            assertThat(join(connection, "statics", old, "static-1", 10_000).errorCode())
                    .isEqualTo(Errors.FENCED_INSTANCE_ID.code());
            assertThat(heartbeat(connection, "statics", generation, rejoined.memberId(), "static-1"))
                    .isEqualTo(Errors.NONE.code());
            assertThat(describe(connection, "statics").members()).singleElement()
                    .satisfies(m -> assertThat(m.groupInstanceId()).isEqualTo("static-1"));
        }
    }

    @Test
    void leaveGroupV3RemovesAStaticMemberByInstanceIdWithAnErrorPerMember() throws IOException {
        try (RawConnection connection = RawConnection.open(karst.port())) {
            JoinGroupResponseData joined = join(connection, "removed", "", "removable-1", 10_000);
            assertThat(sync(connection, "removed", joined.generationId(), joined.memberId(), "removable-1").errorCode())
                    .isEqualTo(Errors.NONE.code());

            LeaveGroupResponseData left = connection.request(ApiKeys.LEAVE_GROUP, LEAVE_V3,
                    new LeaveGroupRequestData().setGroupId("removed").setMembers(List.of(
                            new MemberIdentity().setMemberId("stale").setGroupInstanceId("removable-1"),
                            new MemberIdentity().setMemberId("").setGroupInstanceId("nobody"),
                            new MemberIdentity().setMemberId("").setGroupInstanceId("removable-1"))),
                    LeaveGroupResponse.class).data();

            assertThat(left.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(left.members()).extracting(MemberResponse::groupInstanceId, MemberResponse::errorCode)
                    .containsExactly(
                            tuple("removable-1", Errors.FENCED_INSTANCE_ID.code()),
                            tuple("nobody", Errors.UNKNOWN_MEMBER_ID.code()),
                            tuple("removable-1", Errors.NONE.code()));
            assertThat(describe(connection, "removed").groupState()).isEqualTo("Empty");
        }
    }

    @Test
    void leaveGroupV1ByMemberIdStillWorks() throws IOException {
        try (RawConnection connection = RawConnection.open(karst.port())) {
            Member member = joinAndSync(connection, "leavers-v1");

            assertThat(leaveV1(connection, "leavers-v1", "stranger")).isEqualTo(Errors.UNKNOWN_MEMBER_ID.code());
            assertThat(leaveV1(connection, "leavers-v1", member.id)).isEqualTo(Errors.NONE.code());
            assertThat(describe(connection, "leavers-v1").groupState()).isEqualTo("Empty");
        }
    }

    private static short leaveV1(RawConnection connection, String group, String memberId) throws IOException {
        return connection.request(ApiKeys.LEAVE_GROUP, LEAVE_V1,
                new LeaveGroupRequestData().setGroupId(group).setMemberId(memberId), LeaveGroupResponse.class)
                .data().errorCode();
    }

    private static DescribedGroup describe(RawConnection connection, String group) throws IOException {
        return connection.request(ApiKeys.DESCRIBE_GROUPS, DESCRIBE_V4,
                new DescribeGroupsRequestData().setGroups(List.of(group)), DescribeGroupsResponse.class)
                .data().groups().get(0);
    }

    /** A member that joined and synced: its id and generation. */
    private record Member(String id, int generation) {
    }

    private static Member joinAndSync(RawConnection connection, String group) throws IOException {
        JoinGroupResponseData joined = joinAsNewMember(connection, group);
        assertThat(sync(connection, group, joined.generationId(), joined.memberId()).errorCode())
                .isEqualTo(Errors.NONE.code());
        return new Member(joined.memberId(), joined.generationId());
    }

    /** The v4+ first join: MEMBER_ID_REQUIRED with an id, then the join with it. */
    private static JoinGroupResponseData joinAsNewMember(RawConnection connection, String group) throws IOException {
        JoinGroupResponseData first = join(connection, group, "", null, 10_000);
        assertThat(first.errorCode()).isEqualTo(Errors.MEMBER_ID_REQUIRED.code());
        assertThat(first.memberId()).startsWith(RawConnection.CLIENT_ID + "-");
        JoinGroupResponseData joined = join(connection, group, first.memberId(), null, 10_000);
        assertThat(joined.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(joined.leader()).isEqualTo(first.memberId());
        assertThat(joined.protocolName()).isEqualTo("range");
        return joined;
    }

    private static JoinGroupResponseData join(RawConnection connection, String group, String memberId,
                                              String instanceId, int sessionTimeoutMs) throws IOException {
        JoinGroupRequestProtocolCollection protocols = new JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestProtocol().setName("range").setMetadata(new byte[]{0, 1}));
        JoinGroupRequestData request = new JoinGroupRequestData().setGroupId(group).setMemberId(memberId)
                .setGroupInstanceId(instanceId)
                .setSessionTimeoutMs(sessionTimeoutMs).setRebalanceTimeoutMs(10_000)
                .setProtocolType("consumer").setProtocols(protocols);
        return connection.request(ApiKeys.JOIN_GROUP, JOIN_V5, request, JoinGroupResponse.class).data();
    }

    private static SyncGroupResponseData sync(RawConnection connection, String group, int generation, String memberId)
            throws IOException {
        return sync(connection, group, generation, memberId, null);
    }

    private static SyncGroupResponseData sync(RawConnection connection, String group, int generation, String memberId,
                                              String instanceId) throws IOException {
        SyncGroupRequestData request = new SyncGroupRequestData().setGroupId(group).setGenerationId(generation)
                .setMemberId(memberId).setGroupInstanceId(instanceId)
                .setAssignments(List.of(new SyncGroupRequestAssignment().setMemberId(memberId).setAssignment(ASSIGNMENT)));
        return connection.request(ApiKeys.SYNC_GROUP, SYNC_V3, request, SyncGroupResponse.class).data();
    }

    private static short heartbeat(RawConnection connection, String group, int generation, String memberId)
            throws IOException {
        return heartbeat(connection, group, generation, memberId, null);
    }

    private static short heartbeat(RawConnection connection, String group, int generation, String memberId,
                                   String instanceId) throws IOException {
        return connection.request(ApiKeys.HEARTBEAT, HEARTBEAT_V3, new HeartbeatRequestData().setGroupId(group)
                .setGenerationId(generation).setMemberId(memberId).setGroupInstanceId(instanceId),
                HeartbeatResponse.class).data().errorCode();
    }

    private static short commit(RawConnection connection, String group, int generation, String memberId,
                                String topic, long offset) throws IOException {
        return commit(connection, group, generation, memberId, null, topic, offset);
    }

    private static short commit(RawConnection connection, String group, int generation, String memberId,
                                String instanceId, String topic, long offset) throws IOException {
        OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId(group)
                .setGenerationIdOrMemberEpoch(generation).setMemberId(memberId).setGroupInstanceId(instanceId)
                .setTopics(List.of(new OffsetCommitRequestTopic().setName(topic).setPartitions(List.of(
                        new OffsetCommitRequestPartition().setPartitionIndex(0).setCommittedOffset(offset)))));
        return connection.request(ApiKeys.OFFSET_COMMIT, COMMIT_V7, request, OffsetCommitResponse.class).data()
                .topics().get(0).partitions().get(0).errorCode();
    }

    private static long fetchOffset(RawConnection connection, String group, String topic) throws IOException {
        OffsetFetchRequestData request = new OffsetFetchRequestData().setGroupId(group)
                .setTopics(List.of(new OffsetFetchRequestTopic().setName(topic).setPartitionIndexes(List.of(0))));
        OffsetFetchResponseData response = connection.request(ApiKeys.OFFSET_FETCH, FETCH_V7, request,
                OffsetFetchResponse.class).data();
        assertThat(response.errorCode()).isEqualTo(Errors.NONE.code());
        OffsetFetchResponseData.OffsetFetchResponsePartition partition = response.topics().get(0).partitions().get(0);
        assertThat(partition.errorCode()).isEqualTo(Errors.NONE.code());
        return partition.committedOffset();
    }
}
