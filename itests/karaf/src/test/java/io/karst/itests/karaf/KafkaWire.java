package io.karst.itests.karaf;

import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

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
                .set("timeout_ms", TIMEOUT_MS).set("validate_only", false);
        request.addElement("topics").set("name", topic).set("num_partitions", 1).set("replication_factor", (short) 1)
                .set("assignments", List.of()).set("configs", List.of());
        return exchange(ApiKeys.CREATE_TOPICS, CREATE_TOPICS_VERSION, request)
                .getStructs("topics").get(0).getShort("error_code");
    }

    /** Produces one record batch to partition 0 of {@code topic} with acks=all. */
    Acknowledgement produce(String topic, ByteBuffer batch) throws IOException {
        Struct request = Protocol.newRequest(ApiKeys.PRODUCE, PRODUCE_VERSION)
                .set("transactional_id", null).set("acks", (short) -1).set("timeout_ms", TIMEOUT_MS);
        request.addElement("topic_data").set("name", topic)
                .addElement("partition_data").set("index", 0).set("records", batch.duplicate());
        Struct partition = exchange(ApiKeys.PRODUCE, PRODUCE_VERSION, request)
                .getStructs("responses").get(0).getStructs("partition_responses").get(0);
        return new Acknowledgement(partition.getShort("error_code"), partition.getLong("base_offset"));
    }

    /** The record batches of partition 0 of {@code topic} from {@code offset}, as the broker sends them. */
    ByteBuffer fetch(String topic, long offset) throws IOException {
        Struct request = Protocol.newRequest(ApiKeys.FETCH, FETCH_VERSION)
                .set("replica_id", -1).set("max_wait_ms", 0).set("min_bytes", 0).set("max_bytes", MAX_BYTES)
                .set("isolation_level", (byte) 0).set("session_id", 0).set("session_epoch", -1)
                .set("forgotten_topics_data", List.of()).set("rack_id", "");
        request.addElement("topics").set("topic", topic).addElement("partitions")
                .set("partition", 0).set("current_leader_epoch", -1).set("fetch_offset", offset)
                .set("log_start_offset", -1L).set("partition_max_bytes", MAX_BYTES);
        Struct partition = exchange(ApiKeys.FETCH, FETCH_VERSION, request)
                .getStructs("responses").get(0).getStructs("partitions").get(0);
        if (partition.getShort("error_code") != 0) {
            throw new IOException("fetch of " + topic + " from " + offset + " failed with error "
                    + partition.getShort("error_code"));
        }
        ByteBuffer records = partition.getBytes("records");
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
