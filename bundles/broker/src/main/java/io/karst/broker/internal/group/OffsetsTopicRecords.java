package io.karst.broker.internal.group;

import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.protocol.FrameWriter;
import io.karst.protocol.Schema;
import io.karst.protocol.Sizer;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.BYTES;
import static io.karst.protocol.FieldType.INT32;
import static io.karst.protocol.FieldType.INT64;
import static io.karst.protocol.FieldType.STRING;

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

    private static final Schema OFFSET_KEY = new Schema(
            of("group", STRING),
            of("topic", STRING),
            of("partition", INT32));

    private static final Schema GROUP_KEY = new Schema(
            of("group", STRING));

    private static final Schema OFFSET_VALUE = new Schema(
            of("offset", INT64),
            of("leader_epoch", INT32).since(3).withDefault(-1),
            of("metadata", STRING),
            of("commit_timestamp", INT64),
            of("expire_timestamp", INT64).since(1).until(1).withDefault(-1L));

    private static final Schema MEMBER = new Schema(
            of("member_id", STRING),
            of("group_instance_id", STRING).since(3).nullableSince(3).withDefault(null),
            of("client_id", STRING),
            of("client_host", STRING),
            of("rebalance_timeout", INT32).since(1).withDefault(-1),
            of("session_timeout", INT32),
            of("subscription", BYTES),
            of("assignment", BYTES));

    private static final Schema GROUP_VALUE = new Schema(
            of("protocol_type", STRING),
            of("generation", INT32),
            of("protocol", STRING).nullableSince(0),
            of("leader", STRING).nullableSince(0),
            of("current_state_timestamp", INT64).since(2).withDefault(-1L),
            array("members", MEMBER));

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
        Struct key = OFFSET_KEY.newStruct(OFFSET_KEY_VERSION).set("group", group).set("topic", tp.topic())
                .set("partition", tp.partition());
        return encode(OFFSET_KEY_VERSION, OFFSET_KEY, key);
    }

    static byte[] groupKey(String group) {
        return encode(GROUP_KEY_VERSION, GROUP_KEY, GROUP_KEY.newStruct(GROUP_KEY_VERSION).set("group", group));
    }

    static byte[] offsetValue(CommittedOffset offset) {
        Struct value = OFFSET_VALUE.newStruct(OFFSET_VALUE_VERSION).set("offset", offset.offset())
                .set("leader_epoch", offset.leaderEpoch()).set("metadata", offset.metadata())
                .set("commit_timestamp", offset.commitTimestamp());
        return encode(OFFSET_VALUE_VERSION, OFFSET_VALUE, value);
    }

    static byte[] groupValue(StoredGroup group) {
        Struct value = GROUP_VALUE.newStruct(GROUP_VALUE_VERSION)
                .set("protocol_type", group.protocolType() == null ? "" : group.protocolType())
                .set("generation", group.generation())
                .set("protocol", group.protocol())
                .set("leader", group.leader())
                .set("current_state_timestamp", group.stateTimestamp())
                .set("members", new ArrayList<>());
        for (StoredMember m : group.members()) {
            value.addElement("members").set("member_id", m.memberId()).set("group_instance_id", m.groupInstanceId())
                    .set("client_id", m.clientId()).set("client_host", m.clientHost())
                    .set("rebalance_timeout", m.rebalanceTimeoutMs()).set("session_timeout", m.sessionTimeoutMs())
                    .set("subscription", ByteBuffer.wrap(m.subscription()))
                    .set("assignment", ByteBuffer.wrap(m.assignment()));
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
            return new OffsetKey(key.getString("group"),
                    new TopicPartition(key.getString("topic"), key.getInt("partition")));
        }
        if (version == 2) {
            return new GroupKey(GROUP_KEY.read(buf, version, false).getString("group"));
        }
        throw new IllegalArgumentException("unknown __consumer_offsets key version " + version);
    }

    static CommittedOffset readOffsetValue(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        short version = checkVersion(buf.getShort(), OFFSET_VALUE_VERSION, "offset commit value");
        Struct value = OFFSET_VALUE.read(buf, version, false);
        return new CommittedOffset(value.getLong("offset"), value.getInt("leader_epoch"),
                value.getString("metadata"), value.getLong("commit_timestamp"));
    }

    static StoredGroup readGroupValue(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        short version = checkVersion(buf.getShort(), GROUP_VALUE_VERSION, "group metadata value");
        Struct value = GROUP_VALUE.read(buf, version, false);
        List<StoredMember> members = new ArrayList<>();
        for (Struct m : value.getStructs("members")) {
            int session = m.getInt("session_timeout");
            int rebalance = m.getInt("rebalance_timeout");
            members.add(new StoredMember(m.getString("member_id"), m.getString("group_instance_id"),
                    m.getString("client_id"), m.getString("client_host"), rebalance < 0 ? session : rebalance,
                    session, copy(m.getBytes("subscription")), copy(m.getBytes("assignment"))));
        }
        return new StoredGroup(value.getString("protocol_type"), value.getInt("generation"),
                value.getString("protocol"), value.getString("leader"), value.getLong("current_state_timestamp"),
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
