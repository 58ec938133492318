package io.karst.itests.protocol;

import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One TCP connection to the broker that writes Kafka frames itself (the 4-byte size, then header and
 * body encoded by kafka-clients' message classes), so that a test can send what no client would.
 * Every read waits at most {@value #READ_TIMEOUT_MS} ms.
 */
final class RawConnection implements AutoCloseable {

    static final String CLIENT_ID = "karst-itest";
    private static final int READ_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private int nextCorrelationId = 1;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    static RawConnection open(int port) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        return new RawConnection(socket);
    }

    int nextCorrelationId() {
        return nextCorrelationId++;
    }

    /** Sends a request and returns the response to it; fails if it answers another correlation id. */
    <R extends AbstractResponse> R request(ApiKeys api, short version, Message body, Class<R> type) throws IOException {
        RequestHeader header = send(api, version, body);
        return type.cast(AbstractResponse.parseResponse(readFrame(), header));
    }

    /** Produces {@code records} to partition 0 of {@code topic} with acks=all and returns the partition's answer. */
    PartitionProduceResponse produce(short version, String topic, MemoryRecords records) throws IOException {
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData().setName(topic).setPartitionData(
                List.of(new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records))));
        ProduceResponse response = request(ApiKeys.PRODUCE, version, new ProduceRequestData()
                .setAcks((short) -1).setTimeoutMs(10_000).setTopicData(topics), ProduceResponse.class);
        return response.data().responses().iterator().next().partitionResponses().get(0);
    }

    /** Sends a request without reading anything. */
    RequestHeader send(ApiKeys api, short version, Message body) throws IOException {
        RequestHeader header = new RequestHeader(api, version, CLIENT_ID, nextCorrelationId());
        writeFrame(serialize(header.data(), header.headerVersion()), serialize(body, version));
        return header;
    }

    /** A request header for any key and version, even ones kafka-clients does not know. */
    RequestHeaderData header(short apiKey, short apiVersion) {
        return new RequestHeaderData()
                .setRequestApiKey(apiKey)
                .setRequestApiVersion(apiVersion)
                .setCorrelationId(nextCorrelationId())
                .setClientId(CLIENT_ID);
    }

    static ByteBuffer serialize(Message message, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buffer = ByteBuffer.allocate(message.size(cache, version));
        message.write(new ByteBufferAccessor(buffer), cache, version);
        return buffer.flip();
    }

    /** Writes the size of {@code parts} together, then the parts. */
    void writeFrame(ByteBuffer... parts) throws IOException {
        int size = 0;
        for (ByteBuffer part : parts) {
            size += part.remaining();
        }
        out.writeInt(size);
        for (ByteBuffer part : parts) {
            out.write(part.array(), part.arrayOffset() + part.position(), part.remaining());
        }
        out.flush();
    }

    /** Writes bytes as they are, with no size of their own. */
    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next response frame without its size prefix. */
    ByteBuffer readFrame() throws IOException {
        int size = in.readInt();
        byte[] frame = new byte[size];
        in.readFully(frame);
        return ByteBuffer.wrap(frame);
    }

    /**
     * Reads the next frame, checks it answers {@code correlationId} and returns its body, for
     * answers that {@link AbstractResponse#parseResponse} cannot read (versions kafka-clients dropped).
     */
    ByteBufferAccessor readBody(int correlationId, short responseHeaderVersion) throws IOException {
        ByteBufferAccessor frame = new ByteBufferAccessor(readFrame());
        ResponseHeaderData header = new ResponseHeaderData(frame, responseHeaderVersion);
        assertThat(header.correlationId()).as("correlation id of the response").isEqualTo(correlationId);
        return frame;
    }

    /**
     * The next frame, or empty when the broker closed the connection instead of answering.
     * A read timeout (neither) is thrown.
     */
    Optional<ByteBuffer> readFrameOrClose() throws IOException {
        try {
            return Optional.of(readFrame());
        } catch (EOFException | SocketException closed) {
            // EOF: closed in order; SocketException: reset, when the broker closed with unread input
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
