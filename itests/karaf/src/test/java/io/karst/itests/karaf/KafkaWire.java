package io.karst.itests.karaf;

import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import io.karst.protocol.messages.CreateTopicsMessage;
import io.karst.protocol.messages.FetchMessage;
import io.karst.protocol.messages.FindCoordinatorMessage;
import io.karst.protocol.messages.OffsetCommitMessage;
import io.karst.protocol.messages.OffsetFetchMessage;
import io.karst.protocol.messages.ProduceMessage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A Kafka client connection made of a bare socket inside the container (no Kafka client there): CreateTopics
 * v4, Produce v7, Fetch v11, FindCoordinator v2, OffsetCommit v7 and OffsetFetch v7 requests written and read
 * with Karst's own protocol schemas, one at a time.
 * Every read waits 10 s at most.
 */
final class KafkaWire implements AutoCloseable {
    private static final String CLIENT_ID = "karst-itest";
    private static final int PRODUCE_VERSION = 7;
    private static final int FETCH_VERSION = 11;
    private static final int CREATE_TOPICS_VERSION = 4;
    private static final int FIND_COORDINATOR_VERSION = 2;
    private static final int OFFSET_COMMIT_VERSION = 7;
    private static final int OFFSET_FETCH_VERSION = 7;
    private static final byte GROUP_KEY = 0;
    private static final int TIMEOUT_MS = 10_000;
    private static final int MAX_BYTES = 8 << 20;

    /** A partition's answer to a produce. */
    record Acknowledgement(short errorCode, long baseOffset) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private int correlationId;

    private KafkaWire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    static KafkaWire connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(TIMEOUT_MS);
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        return new KafkaWire(socket);
    }

    /** Creates {@code topic} with one partition; an error code of 0 when it was created. */
    short createTopic(String topic) throws IOException {
        Struct request = Protocol.newRequest(ApiKeys.CREATE_TOPICS, CREATE_TOPICS_VERSION)
                .set(CreateTopicsMessage.TIMEOUT_MS, TIMEOUT_MS).set(CreateTopicsMessage.VALIDATE_ONLY, false);
        request.addElement(CreateTopicsMessage.REQUEST_TOPICS).set(CreateTopicsMessage.NAME, topic)
                .set(CreateTopicsMessage.NUM_PARTITIONS, 1).set(CreateTopicsMessage.REPLICATION_FACTOR, (short) 1)
                .set(CreateTopicsMessage.ASSIGNMENTS, List.of()).set(CreateTopicsMessage.CONFIGS, List.of());
        return exchange(ApiKeys.CREATE_TOPICS, CREATE_TOPICS_VERSION, request)
                .get(CreateTopicsMessage.RESPONSE_TOPICS).get(0).getShort(CreateTopicsMessage.ERROR_CODE);
    }

    /** Produces one record batch to partition 0 of {@code topic} with acks=all. */
    Acknowledgement produce(String topic, ByteBuffer batch) throws IOException {
        Struct request = Protocol.newRequest(ApiKeys.PRODUCE, PRODUCE_VERSION)
                .set(ProduceMessage.TRANSACTIONAL_ID, null).set(ProduceMessage.ACKS, (short) -1)
                .set(ProduceMessage.TIMEOUT_MS, TIMEOUT_MS);
        request.addElement(ProduceMessage.TOPIC_DATA).set(ProduceMessage.NAME, topic)
                .addElement(ProduceMessage.PARTITION_DATA).set(ProduceMessage.INDEX, 0)
                .set(ProduceMessage.RECORDS, batch.duplicate());
        Struct partition = exchange(ApiKeys.PRODUCE, PRODUCE_VERSION, request)
                .get(ProduceMessage.RESPONSES).get(0).get(ProduceMessage.PARTITION_RESPONSES).get(0);
        return new Acknowledgement(partition.getShort(ProduceMessage.ERROR_CODE), partition.getLong(ProduceMessage.BASE_OFFSET));
    }

    /** The record batches of partition 0 of {@code topic} from {@code offset}, as the broker sends them. */
    ByteBuffer fetch(String topic, long offset) throws IOException {
        Struct request = Protocol.newRequest(ApiKeys.FETCH, FETCH_VERSION)
                .set(FetchMessage.REPLICA_ID, -1).set(FetchMessage.MAX_WAIT_MS, 0).set(FetchMessage.MIN_BYTES, 0)
                .set(FetchMessage.MAX_BYTES, MAX_BYTES)
                .set(FetchMessage.ISOLATION_LEVEL, (byte) 0).set(FetchMessage.SESSION_ID, 0)
                .set(FetchMessage.SESSION_EPOCH, -1)
                .set(FetchMessage.FORGOTTEN_TOPICS_DATA, List.of()).set(FetchMessage.RACK_ID, "");
        request.addElement(FetchMessage.TOPICS).set(FetchMessage.TOPIC, topic)
                .addElement(FetchMessage.FETCH_TOPIC_PARTITIONS)
                .set(FetchMessage.PARTITION, 0).set(FetchMessage.CURRENT_LEADER_EPOCH, -1)
                .set(FetchMessage.FETCH_OFFSET, offset)
                .set(FetchMessage.LOG_START_OFFSET, -1L).set(FetchMessage.PARTITION_MAX_BYTES, MAX_BYTES);
        Struct partition = exchange(ApiKeys.FETCH, FETCH_VERSION, request)
                .get(FetchMessage.RESPONSES).get(0).get(FetchMessage.TOPIC_RESPONSE_PARTITIONS).get(0);
        if (partition.getShort(FetchMessage.PARTITION_DATA_ERROR_CODE) != 0) {
            throw new IOException("fetch of " + topic + " from " + offset + " failed with error "
                    + partition.getShort(FetchMessage.PARTITION_DATA_ERROR_CODE));
        }
        ByteBuffer records = (ByteBuffer) partition.get(FetchMessage.RECORDS);
        return records == null ? ByteBuffer.allocate(0) : records;
    }

    /** FindCoordinator for {@code group}: the error code, 0 when a coordinator was named. */
    short findCoordinator(String group) throws IOException {
        Struct request = Protocol.newRequest(ApiKeys.FIND_COORDINATOR, FIND_COORDINATOR_VERSION)
                .set(FindCoordinatorMessage.KEY, group).set(FindCoordinatorMessage.KEY_TYPE, GROUP_KEY);
        return exchange(ApiKeys.FIND_COORDINATOR, FIND_COORDINATOR_VERSION, request)
                .getShort(FindCoordinatorMessage.ERROR_CODE);
    }

    /** Commits {@code offset} for partition 0 of {@code topic} as {@code group} with no members (generation -1). */
    short commitOffset(String group, String topic, long offset) throws IOException {
        Struct request = Protocol.newRequest(ApiKeys.OFFSET_COMMIT, OFFSET_COMMIT_VERSION)
                .set(OffsetCommitMessage.GROUP_ID, group).set(OffsetCommitMessage.GENERATION_ID_OR_MEMBER_EPOCH, -1)
                .set(OffsetCommitMessage.MEMBER_ID, "").set(OffsetCommitMessage.GROUP_INSTANCE_ID, null);
        request.addElement(OffsetCommitMessage.REQUEST_TOPICS).set(OffsetCommitMessage.NAME, topic)
                .addElement(OffsetCommitMessage.TOPIC_PARTITIONS).set(OffsetCommitMessage.PARTITION_INDEX, 0)
                .set(OffsetCommitMessage.COMMITTED_OFFSET, offset).set(OffsetCommitMessage.COMMITTED_METADATA, "");
        return exchange(ApiKeys.OFFSET_COMMIT, OFFSET_COMMIT_VERSION, request)
                .get(OffsetCommitMessage.RESPONSE_TOPICS).get(0).get(OffsetCommitMessage.TOPIC_RESPONSE_PARTITIONS)
                .get(0).getShort(OffsetCommitMessage.ERROR_CODE);
    }

    /**
     * The offset {@code group} committed for partition 0 of {@code topic} (-1 when none).
     *
     * @throws IOException naming the error code when the broker answers with one
     */
    long committedOffset(String group, String topic) throws IOException {
        Struct request = Protocol.newRequest(ApiKeys.OFFSET_FETCH, OFFSET_FETCH_VERSION)
                .set(OffsetFetchMessage.GROUP_ID, group);
        request.addElement(OffsetFetchMessage.REQUEST_TOPICS).set(OffsetFetchMessage.NAME, topic)
                .set(OffsetFetchMessage.PARTITION_INDEXES, List.of(0));
        Struct response = exchange(ApiKeys.OFFSET_FETCH, OFFSET_FETCH_VERSION, request);
        short error = response.getShort(OffsetFetchMessage.RESPONSE_ERROR_CODE);
        if (error != 0) {
            throw new IOException("OffsetFetch of " + group + " failed with error " + error);
        }
        return response.get(OffsetFetchMessage.RESPONSE_TOPICS).get(0).get(OffsetFetchMessage.PARTITIONS).get(0)
                .getLong(OffsetFetchMessage.COMMITTED_OFFSET);
    }

    private Struct exchange(ApiKeys api, int version, Struct request) throws IOException {
        ByteBuffer frame = Protocol.writeRequest(api, version, ++correlationId, CLIENT_ID, request);
        out.writeInt(frame.remaining());
        out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
        out.flush();
        byte[] response = new byte[in.readInt()];
        in.readFully(response);
        return Protocol.readResponse(api, version, ByteBuffer.wrap(response));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
