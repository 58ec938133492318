package io.karst.itests.karaf;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A consumer group member made of a bare socket inside the container (no Kafka client there): it
 * sends a JoinGroup v0 written by hand and reads the answer, and never syncs, so the group stays in
 * CompletingRebalance until the member's session times out or the socket closes.
 */
final class RawGroupMember implements AutoCloseable {
    static final String CLIENT_ID = "raw-member";
    private static final short JOIN_GROUP = 11;
    private static final int SESSION_TIMEOUT_MS = 30_000;

    private final Socket socket;
    private final short error;
    private final int generation;

    private RawGroupMember(Socket socket, short error, int generation) {
        this.socket = socket;
        this.error = error;
        this.generation = generation;
    }

    /** Joins {@code group} as a consumer subscribed to {@code topic}, waiting (10 s at most) for the join's answer. */
    static RawGroupMember join(int port, String group, String topic) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(frame);
        out.writeShort(JOIN_GROUP);
        out.writeShort(0);
        out.writeInt(1); // correlation id
        writeString(out, CLIENT_ID);
        writeString(out, group);
        out.writeInt(SESSION_TIMEOUT_MS);
        writeString(out, ""); // no member id yet
        writeString(out, "consumer");
        out.writeInt(1); // one protocol
        writeString(out, "range");
        byte[] subscription = subscription(topic);
        out.writeInt(subscription.length);
        out.write(subscription);
        DataOutputStream wire = new DataOutputStream(socket.getOutputStream());
        wire.writeInt(frame.size());
        frame.writeTo(wire);
        wire.flush();

        DataInputStream in = new DataInputStream(socket.getInputStream());
        in.readInt(); // size
        in.readInt(); // correlation id
        short error = in.readShort();
        int generation = in.readInt();
        return new RawGroupMember(socket, error, generation);
    }

    /** Kafka's consumer protocol subscription v0: the topics and no user data. */
    private static byte[] subscription(String topic) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeInt(1);
        writeString(out, topic);
        out.writeInt(-1);
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    short error() {
        return error;
    }

    int generation() {
        return generation;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
