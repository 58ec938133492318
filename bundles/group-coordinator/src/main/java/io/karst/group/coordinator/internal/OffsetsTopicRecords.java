package io.karst.group.coordinator.internal;

import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.protocol.Field;
import io.karst.protocol.FrameWriter;
import io.karst.protocol.Schema;
import io.karst.protocol.Sizer;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.bytes;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int64;
import static io.karst.protocol.Field.string;

/**
 * Keys and values of {@code __consumer_offsets} records in Kafka's own formats, so that Kafka's
 * tools can read them: every key and value is an int16 version followed by a classic (non-flexible)
 * struct of that version.
 * <ul>
 *   <li>key v0/v1: group, topic, partition, with an OffsetCommitValue v3 (offset, leader epoch,
 *       metadata, commit timestamp);</li>
 *   <li>key v2: group, with a GroupMetadataValue v3 (protocol type, generation, protocol, leader,
 *       state timestamp, members).</li>
 * </ul>
 * A null value is a tombstone: the offset or the group is gone.
 */
final class OffsetsTopicRecords {
    static final short OFFSET_KEY_VERSION = 1;
    static final short GROUP_KEY_VERSION = 2;
    static final short OFFSET_VALUE_VERSION = 3;
    static final short GROUP_VALUE_VERSION = 3;

    private static final Field<String> GROUP = string("group");
    private static final Field<String> TOPIC = string("topic");
    private static final Field<Integer> PARTITION = int32("partition");
    private static final Schema OFFSET_KEY = new Schema(GROUP, TOPIC, PARTITION);

    private static final Schema GROUP_KEY = new Schema(GROUP);

    private static final Field<Long> OFFSET = int64("offset");
    private static final Field<Integer> LEADER_EPOCH = int32("leader_epoch").since(3).withDefault(-1);
    private static final Field<String> METADATA = string("metadata");
    private static final Field<Long> COMMIT_TIMESTAMP = int64("commit_timestamp");
    private static final Field<Long> EXPIRE_TIMESTAMP = int64("expire_timestamp").since(1).until(1).withDefault(-1L);
    private static final Schema OFFSET_VALUE = new Schema(
            OFFSET,
            LEADER_EPOCH,
            METADATA,
            COMMIT_TIMESTAMP,
            EXPIRE_TIMESTAMP);

    private static final Field<String> MEMBER_ID = string("member_id");
    private static final Field<String> GROUP_INSTANCE_ID =
            string("group_instance_id").since(3).nullableSince(3).withDefault(null);
    private static final Field<String> CLIENT_ID = string("client_id");
    private static final Field<String> CLIENT_HOST = string("client_host");
    private static final Field<Integer> REBALANCE_TIMEOUT = int32("rebalance_timeout").since(1).withDefault(-1);
    private static final Field<Integer> SESSION_TIMEOUT = int32("session_timeout");
    private static final Field<ByteBuffer> SUBSCRIPTION = bytes("subscription");
    private static final Field<ByteBuffer> ASSIGNMENT = bytes("assignment");
    private static final Schema MEMBER = new Schema(
            MEMBER_ID,
            GROUP_INSTANCE_ID,
            CLIENT_ID,
            CLIENT_HOST,
            REBALANCE_TIMEOUT,
            SESSION_TIMEOUT,
            SUBSCRIPTION,
            ASSIGNMENT);

    private static final Field<String> PROTOCOL_TYPE = string("protocol_type");
    private static final Field<Integer> GENERATION = int32("generation");
    private static final Field<String> PROTOCOL = string("protocol").nullableSince(0);
    private static final Field<String> LEADER = string("leader").nullableSince(0);
    private static final Field<Long> CURRENT_STATE_TIMESTAMP =
            int64("current_state_timestamp").since(2).withDefault(-1L);
    private static final Field<List<Struct>> MEMBERS = array("members", MEMBER);
    private static final Schema GROUP_VALUE = new Schema(
            PROTOCOL_TYPE,
            GENERATION,
            PROTOCOL,
            LEADER,
            CURRENT_STATE_TIMESTAMP,
            MEMBERS);

    private OffsetsTopicRecords() {
    }

    /** What a record key names. */
    sealed interface Key permits OffsetKey, GroupKey {
        String group();
    }

    record OffsetKey(String group, TopicPartition topicPartition) implements Key {
    }

    record GroupKey(String group) implements Key {
    }

    /** A member as stored in the group's metadata record. */
    record StoredMember(String memberId, String groupInstanceId, String clientId, String clientHost,
                        int rebalanceTimeoutMs, int sessionTimeoutMs, byte[] subscription, byte[] assignment) {
    }

    /** A group's metadata record value. */
    record StoredGroup(String protocolType, int generation, String protocol, String leader, long stateTimestamp,
                       List<StoredMember> members) {
    }

    static byte[] offsetKey(String group, TopicPartition tp) {
        Struct key = OFFSET_KEY.newStruct(OFFSET_KEY_VERSION).set(GROUP, group).set(TOPIC, tp.topic())
                .set(PARTITION, tp.partition());
        return encode(OFFSET_KEY_VERSION, OFFSET_KEY, key);
    }

    static byte[] groupKey(String group) {
        return encode(GROUP_KEY_VERSION, GROUP_KEY, GROUP_KEY.newStruct(GROUP_KEY_VERSION).set(GROUP, group));
    }

    static byte[] offsetValue(CommittedOffset offset) {
        Struct value = OFFSET_VALUE.newStruct(OFFSET_VALUE_VERSION).set(OFFSET, offset.offset())
                .set(LEADER_EPOCH, offset.leaderEpoch()).set(METADATA, offset.metadata())
                .set(COMMIT_TIMESTAMP, offset.commitTimestamp());
        return encode(OFFSET_VALUE_VERSION, OFFSET_VALUE, value);
    }

    static byte[] groupValue(StoredGroup group) {
        Struct value = GROUP_VALUE.newStruct(GROUP_VALUE_VERSION)
                .set(PROTOCOL_TYPE, group.protocolType() == null ? "" : group.protocolType())
                .set(GENERATION, group.generation())
                .set(PROTOCOL, group.protocol())
                .set(LEADER, group.leader())
                .set(CURRENT_STATE_TIMESTAMP, group.stateTimestamp())
                .set(MEMBERS, new ArrayList<>());
        for (StoredMember m : group.members()) {
            value.addElement(MEMBERS).set(MEMBER_ID, m.memberId()).set(GROUP_INSTANCE_ID, m.groupInstanceId())
                    .set(CLIENT_ID, m.clientId()).set(CLIENT_HOST, m.clientHost())
                    .set(REBALANCE_TIMEOUT, m.rebalanceTimeoutMs()).set(SESSION_TIMEOUT, m.sessionTimeoutMs())
                    .set(SUBSCRIPTION, ByteBuffer.wrap(m.subscription()))
                    .set(ASSIGNMENT, ByteBuffer.wrap(m.assignment()));
        }
        return encode(GROUP_VALUE_VERSION, GROUP_VALUE, value);
    }

    /**
     * The key of a record.
     *
     * @throws IllegalArgumentException for a version Kafka does not define
     */
    static Key readKey(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        short version = buf.getShort();
        if (version == 0 || version == 1) {
            Struct key = OFFSET_KEY.read(buf, version, false);
            return new OffsetKey(key.get(GROUP),
                    new TopicPartition(key.get(TOPIC), key.getInt(PARTITION)));
        }
        if (version == 2) {
            return new GroupKey(GROUP_KEY.read(buf, version, false).get(GROUP));
        }
        throw new IllegalArgumentException("unknown __consumer_offsets key version " + version);
    }

    static CommittedOffset readOffsetValue(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        short version = checkVersion(buf.getShort(), OFFSET_VALUE_VERSION, "offset commit value");
        Struct value = OFFSET_VALUE.read(buf, version, false);
        return new CommittedOffset(value.getLong(OFFSET), value.getInt(LEADER_EPOCH),
                value.get(METADATA), value.getLong(COMMIT_TIMESTAMP));
    }

    static StoredGroup readGroupValue(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        short version = checkVersion(buf.getShort(), GROUP_VALUE_VERSION, "group metadata value");
        Struct value = GROUP_VALUE.read(buf, version, false);
        List<StoredMember> members = new ArrayList<>();
        for (Struct m : value.get(MEMBERS)) {
            int session = m.getInt(SESSION_TIMEOUT);
            int rebalance = m.getInt(REBALANCE_TIMEOUT);
            members.add(new StoredMember(m.get(MEMBER_ID), m.get(GROUP_INSTANCE_ID),
                    m.get(CLIENT_ID), m.get(CLIENT_HOST), rebalance < 0 ? session : rebalance,
                    session, copy(m.get(SUBSCRIPTION)), copy(m.get(ASSIGNMENT))));
        }
        return new StoredGroup(value.get(PROTOCOL_TYPE), value.getInt(GENERATION),
                value.get(PROTOCOL), value.get(LEADER), value.getLong(CURRENT_STATE_TIMESTAMP),
                members);
    }

    private static short checkVersion(short version, short max, String what) {
        if (version < 0 || version > max) {
            throw new IllegalArgumentException("unknown " + what + " version " + version);
        }
        return version;
    }

    private static byte[] encode(short version, Schema schema, Struct struct) {
        Sizer sizer = new Sizer();
        sizer.add(2);
        schema.size(sizer, struct, version, false);
        FrameWriter out = new FrameWriter(sizer.heapBytes());
        out.buffer().putShort(version);
        schema.write(out, struct, version, false);
        return out.buffer().array();
    }

    private static byte[] copy(ByteBuffer buf) {
        byte[] bytes = new byte[buf.remaining()];
        buf.duplicate().get(bytes);
        return bytes;
    }
}
