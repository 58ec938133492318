package io.karst.itests.karaf;

import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import io.karst.protocol.messages.CreateTopicsMessage;
import io.karst.protocol.messages.FetchMessage;
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
 * v4, Produce v7 and Fetch v11 requests written and read with Karst's own protocol schemas, one at a time.
 * Every read waits 10 s at most.
 */
final class KafkaWire implements AutoCloseable {
    private static final String CLIENT_ID = "karst-itest";
    private static final int PRODUCE_VERSION = 7;
    private static final int FETCH_VERSION = 11;
    private static final int CREATE_TOPICS_VERSION = 4;
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
