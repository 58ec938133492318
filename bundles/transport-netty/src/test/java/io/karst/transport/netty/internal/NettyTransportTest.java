package io.karst.transport.netty.internal;

import io.karst.api.coordination.Endpoint;
import io.karst.api.request.RequestContext;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The transport over real loopback sockets, on each I/O implementation. */
class NettyTransportTest {

    private final ScriptedHandler handler = new ScriptedHandler();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void framesSplitAcrossManyWritesAreReassembled(NetworkIo io) throws Exception {
        TestClient client = connect(start(io, Map.of()));
        byte[] small = bytes("Ehello");
        byte[] large = echoed(300_000);
        byte[] larger = echoed(3 * FrameDecoder.MAX_ROOM_AHEAD);

        client.writeFully(TestClient.frame(small), 1);
        client.writeFully(TestClient.frame(large), 997);
        assertThat(client.readFrame()).isEqualTo(small);
        assertThat(client.readFrame()).isEqualTo(large);
        client.writeFully(TestClient.frame(larger), 65_536);

        assertThat(client.readFrame()).isEqualTo(larger);
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void pipelinedResponsesLeaveInRequestOrder(NetworkIo io) throws Exception {
        TestClient client = connect(start(io, Map.of()));
        client.writeRaw(concat(TestClient.frame(bytes("D1")), TestClient.frame(bytes("D2")), TestClient.frame(bytes("D3"))));
        var first = handler.nextDelayed();
        var second = handler.nextDelayed();
        var third = handler.nextDelayed();

        third.complete(ScriptedHandler.send(bytes("three")));
        second.complete(ScriptedHandler.send(bytes("two")));
        first.complete(ScriptedHandler.send(bytes("one")));

        assertThat(client.readFrame()).asString(StandardCharsets.US_ASCII).isEqualTo("one");
        assertThat(client.readFrame()).asString(StandardCharsets.US_ASCII).isEqualTo("two");
        assertThat(client.readFrame()).asString(StandardCharsets.US_ASCII).isEqualTo("three");
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void oversizedFrameClosesOnlyThatConnection(NetworkIo io) throws Exception {
        Endpoint endpoint = start(io, Map.of(TransportConfig.SOCKET_REQUEST_MAX_BYTES, "1024"));
        TestClient offender = connect(endpoint);
        TestClient bystander = connect(endpoint);
        byte[] atLimit = new byte[1024];
        atLimit[0] = 'E';

        offender.writeRaw(ByteBuffer.allocate(4).putInt(1025).array());

        assertThat(offender.closedByServer()).isTrue();
        bystander.send(atLimit);
        assertThat(bystander.readFrame()).isEqualTo(atLimit);
        assertThat(handler.requests).hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void negativeSizeCloses(NetworkIo io) throws Exception {
        TestClient client = connect(start(io, Map.of()));

        client.writeRaw(ByteBuffer.allocate(4).putInt(-1).array());

        assertThat(client.closedByServer()).isTrue();
        assertThat(handler.requests).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void noResponseWritesNothingAndTheNextResponseStillArrives(NetworkIo io) throws Exception {
        TestClient client = connect(start(io, Map.of()));

        client.send(bytes("N"));
        client.send(bytes("Eafter"));

        assertThat(client.readFrame()).isEqualTo(bytes("Eafter"));
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void fileRegionSendsTheExactFileBytes(NetworkIo io) throws Exception {
        byte[] content = new byte[200_000];
        new Random(2).nextBytes(content);
        handler.file = Files.write(dir.resolve("segment.log"), content);
        try (FileChannel channel = FileChannel.open(handler.file)) {
            handler.channel = channel;
            TestClient client = connect(start(io, Map.of()));

            client.send(ByteBuffer.allocate(17).put((byte) 'F').putLong(1_000).putLong(150_000).array());
            byte[] expected = concat(bytes("F"), Arrays.copyOfRange(content, 1_000, 151_000));
            assertThat(client.readFrame()).isEqualTo(expected);

            // the channel is the store's: sending from it must leave it open for the next fetch
            client.send(ByteBuffer.allocate(17).put((byte) 'F').putLong(0).putLong(10).array());
            assertThat(client.readFrame()).isEqualTo(concat(bytes("F"), Arrays.copyOfRange(content, 0, 10)));
            assertThat(channel.isOpen()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void closeResponseClosesAfterEarlierResponses(NetworkIo io) throws Exception {
        TestClient client = connect(start(io, Map.of()));

        client.writeRaw(concat(TestClient.frame(bytes("Efirst")), TestClient.frame(bytes("C")), TestClient.frame(bytes("Elost"))));

        assertThat(client.readFrame()).isEqualTo(bytes("Efirst"));
        assertThat(client.closedByServer()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void failedRequestClosesTheConnection(NetworkIo io) throws Exception {
        TestClient client = connect(start(io, Map.of()));

        client.send(bytes("X"));

        assertThat(client.closedByServer()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void handlerThatThrowsClosesTheConnection(NetworkIo io) throws Exception {
        TestClient client = connect(start(io, Map.of()));

        client.send(bytes("?"));

        assertThat(client.closedByServer()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void idleConnectionsAreClosed(NetworkIo io) throws Exception {
        TestClient client = connect(start(io, Map.of(TransportConfig.CONNECTIONS_MAX_IDLE_MS, 200L)));

        assertThat(client.closedByServer()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void handlerSeesTheConnectionAndHearsOfItsClose(NetworkIo io) throws Exception {
        Endpoint endpoint = start(io, Map.of());
        TestClient client = connect(endpoint);
        client.send(bytes("Ehi"));
        client.readFrame();
        RequestContext context = handler.contexts.poll(5, TimeUnit.SECONDS);

        client.close();

        assertThat(context).isNotNull();
        assertThat(context.listenerName()).isEqualTo("PLAINTEXT");
        assertThat(context.remoteAddress().getPort()).isEqualTo(client.localPort());
        assertThat(context.localAddress().getPort()).isEqualTo(endpoint.port());
        assertThat(context.connectionId())
                .isEqualTo("127.0.0.1:" + endpoint.port() + "-127.0.0.1:" + client.localPort() + "-0");
        assertThat(handler.closedConnections.poll(5, TimeUnit.SECONDS)).isEqualTo(context.connectionId());
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void closeReleasesThePortAndTheConnections(NetworkIo io) throws Exception {
        NettyTransport first = transport(io, Map.of());
        first.start();
        Endpoint endpoint = first.endpoints().get(0);
        TestClient client = connect(endpoint);
        client.send(bytes("Ehi"));
        client.readFrame();

        first.close();

        assertThat(client.closedByServer()).isTrue();
        assertThat(first.endpoints()).isEmpty();
        NettyTransport second = transport(io, Map.of(TransportConfig.LISTENERS, endpoint.toString()));
        second.start();
        TestClient again = connect(second.endpoints().get(0));
        again.send(bytes("Eagain"));
        assertThat(again.readFrame()).isEqualTo(bytes("Eagain"));
    }

    @ParameterizedTest
    @EnumSource(NetworkIo.class)
    void bindFailureNamesTheListener(NetworkIo io) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String listener = "PLAINTEXT://127.0.0.1:" + taken.getLocalPort();
            NettyTransport transport = transport(io, Map.of(TransportConfig.LISTENERS, listener));

            assertThatThrownBy(transport::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(listener);
        }
    }

    private Endpoint start(NetworkIo io, Map<String, ?> settings) {
        NettyTransport transport = transport(io, settings);
        transport.start();
        assertThat(transport.endpoints()).hasSize(1);
        Endpoint endpoint = transport.endpoints().get(0);
        assertThat(endpoint.port()).isPositive();
        return endpoint;
    }

    private NettyTransport transport(NetworkIo io, Map<String, ?> settings) {
        assumeTrue(io != NetworkIo.EPOLL || Epoll.isAvailable(), () -> "no native epoll: " + Epoll.unavailabilityCause());
        Map<String, Object> all = new HashMap<>(Map.of(TransportConfig.LISTENERS, "PLAINTEXT://127.0.0.1:0",
                TransportConfig.NUM_NETWORK_THREADS, 2));
        all.putAll(settings);
        NettyTransport transport = new NettyTransport(TransportConfig.fromMap(all), handler, io);
        resources.add(transport);
        return transport;
    }

    private TestClient connect(Endpoint endpoint) throws IOException {
        TestClient client = new TestClient(endpoint);
        resources.add(0, client);
        return client;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    /** Random bytes the scripted handler sends back: an 'E' first. */
    private static byte[] echoed(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        bytes[0] = 'E';
        return bytes;
    }
}
