package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import io.karst.api.request.RequestContext;
import io.karst.broker.internal.handler.FetchHandler;
import io.karst.broker.internal.handler.ProduceHandler;
import io.karst.broker.internal.handler.Request;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.RequestHeader;
import io.karst.protocol.Struct;
import io.karst.protocol.messages.FetchMessage;
import io.karst.protocol.messages.ProduceMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which produce and fetch requests the data-path handlers take on the network thread: only those whose
 * partitions are open already, and for produce only where an append never forces the log to disk.
 */
class NetworkThreadServingTest {
    private static final RequestContext CONNECTION = new RequestContext("c1", "PLAINTEXT",
            new InetSocketAddress("127.0.0.1", 9092), new InetSocketAddress("127.0.0.1", 40000));

    @TempDir
    Path dir;
    private LocalTopics local;
    private TopicManager topics;
    private ProduceHandler produce;
    private FetchHandler fetch;

    @BeforeEach
    void setUp() throws Exception {
        local = new LocalTopics(dir);
        topics = local.topics();
        produce = new ProduceHandler(topics, local.appender());
        fetch = new FetchHandler(topics, new Purgatory("fetch"));
    }

    @AfterEach
    void tearDown() throws Exception {
        local.close();
    }

    @Test
    void aPartitionThatIsNotOpenYetIsServedOnARequestThread() {
        local.coordinator().createTopic("orders", 1, (short) 1, Map.of());

        assertFalse(produce.servesOnNetworkThread(produceTo("orders")));
        assertFalse(fetch.servesOnNetworkThread(fetchFrom("orders")));

        assertNotNull(topics.partition(new TopicPartition("orders", 0)));
        assertTrue(produce.servesOnNetworkThread(produceTo("orders")));
        assertTrue(fetch.servesOnNetworkThread(fetchFrom("orders")));
    }

    @Test
    void aProduceThatMayForceTheLogToDiskIsServedOnARequestThread() {
        topics.create("durable", 1, (short) 1, Map.of("flush.messages", "1"), false);
        topics.create("relaxed", 1, (short) 1, Map.of(), false);

        assertFalse(produce.servesOnNetworkThread(produceTo("durable")));
        assertTrue(fetch.servesOnNetworkThread(fetchFrom("durable")));
        assertTrue(produce.servesOnNetworkThread(produceTo("relaxed")));
        assertFalse(produce.servesOnNetworkThread(produceTo("relaxed", "durable")));
    }

    @Test
    void anUnknownTopicIsServedOnARequestThread() {
        assertFalse(produce.servesOnNetworkThread(produceTo("missing")));
        assertFalse(fetch.servesOnNetworkThread(fetchFrom("missing")));
    }

    private static Request produceTo(String... topicNames) {
        Struct body = Protocol.newRequest(ApiKeys.PRODUCE, 7).set(ProduceMessage.ACKS, (short) 1)
                .set(ProduceMessage.TIMEOUT_MS, 30_000);
        for (String topic : topicNames) {
            body.addElement(ProduceMessage.TOPIC_DATA).set(ProduceMessage.NAME, topic)
                    .addElement(ProduceMessage.PARTITION_DATA).set(ProduceMessage.INDEX, 0);
        }
        return request(ApiKeys.PRODUCE, 7, body);
    }

    private static Request fetchFrom(String topic) {
        Struct body = Protocol.newRequest(ApiKeys.FETCH, 11).set(FetchMessage.MAX_WAIT_MS, 0)
                .set(FetchMessage.MIN_BYTES, 1);
        body.addElement(FetchMessage.TOPICS).set(FetchMessage.TOPIC, topic)
                .addElement(FetchMessage.FETCH_TOPIC_PARTITIONS)
                .set(FetchMessage.PARTITION, 0);
        return request(ApiKeys.FETCH, 11, body);
    }

    private static Request request(ApiKeys api, int version, Struct body) {
        ByteBuffer frame = Protocol.writeRequest(api, version, 1, "test", body);
        return new Request(CONNECTION, RequestHeader.read(frame), body);
    }
}
