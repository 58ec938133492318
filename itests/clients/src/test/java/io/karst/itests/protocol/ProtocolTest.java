package io.karst.itests.protocol;

import io.karst.itests.Await;
import io.karst.itests.Clients;
import io.karst.itests.KarstExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseBroker;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.BatchIndexAndErrorMessage;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.InitProducerIdResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The broker at the protocol level: requests built with kafka-clients' own message classes and
 * written to a plain socket, including what a well-behaved client never sends. After every case
 * the broker must still answer a fresh connection.
 */
@Timeout(60)
class ProtocolTest {

    private static final int MAX_REQUEST_BYTES = 1 << 20;

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withConfig(Map.of(
            "socket.request.max.bytes", Integer.toString(MAX_REQUEST_BYTES),
            "auto.create.topics.enable", "true"));

    /** What the broker advertised in ApiVersions. */
    private static ApiVersionsResponseData advertised;

    /** An idempotent producer's identity, as InitProducerId hands it out. */
    private record ProducerId(long id, short epoch) {
    }

    @BeforeAll
    static void readApiVersions() throws IOException {
        try (RawConnection connection = open()) {
            ApiVersionsRequestData request = new ApiVersionsRequestData()
                    .setClientSoftwareName(RawConnection.CLIENT_ID)
                    .setClientSoftwareVersion("1.0");
            advertised = connection.request(ApiKeys.API_VERSIONS, (short) 3, request, ApiVersionsResponse.class).data();
        }
        assertThat(advertised.errorCode()).isEqualTo(Errors.NONE.code());
    }

    @AfterEach
    void theBrokerStillServesAFreshConnection() throws IOException {
        try (RawConnection connection = open()) {
            assertAnswersMetadata(connection);
        }
    }

    @Test
    void aResentBatchIsAcknowledgedWithItsOriginalOffsetAndStoredOnce() throws Exception {
        String topic = "protocol-idempotent";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (RawConnection connection = open()) {
            ProducerId producer = initProducerId(connection);

            assertAppendedAt(produce(connection, topic, batch(producer, 0, "a0", "a1", "a2")), 0);
            assertAppendedAt(produce(connection, topic, batch(producer, 3, "b0", "b1")), 3);
            assertAppendedAt(produce(connection, topic, batch(producer, 0, "a0", "a1", "a2")), 0);
            assertAppendedAt(produce(connection, topic, batch(producer, 3, "b0", "b1")), 3);
        }

        assertThat(values(topic)).containsExactly("a0", "a1", "a2", "b0", "b1");
        assertThat(endOffset(topic)).isEqualTo(5);
    }

    @Test
    void aBatchResentAfterABrokerRestartIsStillRecognisedAsADuplicate() throws Exception {
        String topic = "protocol-idempotent-restart";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        ProducerId producer;
        try (RawConnection connection = open()) {
            producer = initProducerId(connection);
            assertAppendedAt(produce(connection, topic, batch(producer, 0, "c0", "c1", "c2")), 0);
        }

        karst.restart();

        try (RawConnection connection = open()) {
            assertAppendedAt(produce(connection, topic, batch(producer, 0, "c0", "c1", "c2")), 0);
            assertAppendedAt(produce(connection, topic, batch(producer, 3, "d0")), 3);
        }
        assertThat(values(topic)).containsExactly("c0", "c1", "c2", "d0");
    }

    @Test
    void aFrameLargerThanSocketRequestMaxBytesClosesItsConnectionOnly() throws IOException {
        try (RawConnection bystander = open(); RawConnection connection = open()) {
            connection.writeRaw(ByteBuffer.allocate(4 + 1024).putInt(MAX_REQUEST_BYTES + 1).array());

            assertThat(connection.readFrameOrClose()).as("answer to a frame of %d bytes", MAX_REQUEST_BYTES + 1)
                    .isEmpty();
            assertAnswersMetadata(bystander);
        }
    }

    @Test
    void aFrameOfRandomBytesIsAnsweredOrClosedAndOthersAreStillServed() throws IOException {
        byte[] garbage = new byte[256];
        new Random(20240611L).nextBytes(garbage);
        try (RawConnection bystander = open(); RawConnection connection = open()) {
            connection.writeFrame(ByteBuffer.wrap(garbage));

            connection.readFrameOrClose(); // either is fine; neither (a read timeout) fails the test
            assertAnswersMetadata(bystander);
        }
    }

    @Test
    void aRequestWithAnUnreadableBodyIsAnsweredOrClosed() throws IOException {
        try (RawConnection bystander = open(); RawConnection connection = open()) {
            short version = version(ApiKeys.METADATA);
            RequestHeader header = new RequestHeader(ApiKeys.METADATA, version, RawConnection.CLIENT_ID,
                    connection.nextCorrelationId());
            // a topic array that claims two billion entries, followed by four bytes
            ByteBuffer body = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE - 1).putInt(0).flip();
            connection.writeFrame(RawConnection.serialize(header.data(), header.headerVersion()), body);

            connection.readFrameOrClose().ifPresent(answer -> assertThat(answer.getInt(0))
                    .as("correlation id of the answer").isEqualTo(header.correlationId()));
            assertAnswersMetadata(bystander);
        }
    }

    @Test
    void anUnknownApiKeyClosesTheConnection() throws IOException {
        try (RawConnection connection = open()) {
            RequestHeaderData header = connection.header((short) 9999, (short) 0);
            connection.writeFrame(RawConnection.serialize(header, (short) 1));

            assertThat(connection.readFrameOrClose()).as("answer to api key 9999").isEmpty();
        }
    }

    @Test
    void aBatchWithABadCrcIsRejectedAsCorruptAndNothingIsAppended() throws Exception {
        String topic = "protocol-crc";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        ByteBuffer corrupted = MemoryRecords.withRecords(Compression.NONE, records("e0", "e1")).buffer();
        // the last byte of the last value: the batch still parses, but its CRC no longer matches
        corrupted.put(corrupted.limit() - 2, (byte) 'X');

        try (RawConnection connection = open()) {
            PartitionProduceResponse response = produce(connection, topic, MemoryRecords.readableRecords(corrupted));

            assertThat(response.errorCode()).as("error code").isEqualTo(Errors.CORRUPT_MESSAGE.code());
        }
        assertThat(endOffset(topic)).isZero();
    }

    @Test
    void aRefusedBatchsAnswerNamesTheRecordsToBlameAndWhy() throws Exception {
        String topic = "protocol-record-errors";
        try (Admin admin = Clients.admin(karst.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE, keyed("k0", "a"), keyed(null, "b"),
                keyed("k2", "c"), keyed(null, "d"));

        try (RawConnection connection = open()) {
            assertThat(version(ApiKeys.PRODUCE)).as("Produce version that carries record errors").isEqualTo((short) 8);
            PartitionProduceResponse response = produce(connection, topic, records);

            String reason = "Compacted topic cannot accept message without key in topic partition " + topic + "-0.";
            assertThat(response.errorCode()).isEqualTo(Errors.INVALID_RECORD.code());
            assertThat(response.recordErrors()).extracting(BatchIndexAndErrorMessage::batchIndex,
                    BatchIndexAndErrorMessage::batchIndexErrorMessage).containsExactly(tuple(1, reason), tuple(3, reason));
            assertThat(response.errorMessage()).startsWith("One or more records have been rejected due to 2 record errors");
        }
        assertThat(endOffset(topic)).isZero();
    }

    @Test
    void produceVersion2IsAnsweredWithUnsupportedVersion() throws Exception {
        String topic = "protocol-produce-v2";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        short v2 = 2;
        try (RawConnection connection = open()) {
            RequestHeaderData header = connection.header(ApiKeys.PRODUCE.id, v2);
            ProduceRequestData request = produceRequest(topic, (short) -1, MemoryRecords.withRecords(Compression.NONE,
                    records("f0")));
            // kafka-clients 4 no longer writes v2: it is v3 without v3's leading transactional id (null: int16 -1)
            ByteBuffer bodyV2 = RawConnection.serialize(request, (short) 3).position(2);
            connection.writeFrame(RawConnection.serialize(header, ApiKeys.PRODUCE.requestHeaderVersion(v2)), bodyV2);

            // Produce responses v2 and v3 have the same layout; kafka-clients 4 only reads v3 and up
            ByteBufferAccessor body = connection.readBody(header.correlationId(), ApiKeys.PRODUCE.responseHeaderVersion(v2));
            ProduceResponseData response = new ProduceResponseData(body, (short) 3);
            assertThat(partitionResponses(response)).extracting(PartitionProduceResponse::errorCode)
                    .containsExactly(Errors.UNSUPPORTED_VERSION.code());
        }
        assertThat(endOffset(topic)).isZero();
    }

    @Test
    void aFetchBeyondTheLogEndIsOffsetOutOfRange() throws Exception {
        String topic = "protocol-fetch";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, 0, "k0", "g0")).get();
            producer.send(new ProducerRecord<>(topic, 0, "k1", "g1")).get();
        }

        try (RawConnection connection = open()) {
            FetchResponseData.PartitionData fromStart = fetch(connection, topic, 0);
            FetchResponseData.PartitionData beyondEnd = fetch(connection, topic, 100);

            assertThat(fromStart.errorCode()).as("error fetching at offset 0").isEqualTo(Errors.NONE.code());
            assertThat(fromStart.highWatermark()).isEqualTo(2);
            assertThat(StreamSupport.stream(FetchResponse.recordsOrFail(fromStart).records().spliterator(), false)
                    .map(r -> StandardCharsets.UTF_8.decode(r.value()).toString()))
                    .containsExactly("g0", "g1");
            assertThat(beyondEnd.errorCode()).as("error fetching at offset 100")
                    .isEqualTo(Errors.OFFSET_OUT_OF_RANGE.code());
        }
    }

    @Test
    void produceToAnInvalidTopicNameIsInvalidTopic() throws IOException {
        try (RawConnection connection = open()) {
            PartitionProduceResponse response = produce(connection, "bad name!",
                    MemoryRecords.withRecords(Compression.NONE, records("h0")));

            assertThat(response.errorCode()).isEqualTo(Errors.INVALID_TOPIC_EXCEPTION.code());
        }
    }

    @Test
    void anUnknownApiVersionsVersionIsAnsweredWithAVersion0BodyListingApiVersionsOwnRange() throws IOException {
        short v99 = 99;
        try (RawConnection connection = open()) {
            RequestHeaderData header = connection.header(ApiKeys.API_VERSIONS.id, v99);
            ApiVersionsRequestData request = new ApiVersionsRequestData()
                    .setClientSoftwareName(RawConnection.CLIENT_ID)
                    .setClientSoftwareVersion("1.0");
            connection.writeFrame(RawConnection.serialize(header, ApiKeys.API_VERSIONS.requestHeaderVersion(v99)),
                    RawConnection.serialize(request, v99));

            // KIP-511: header v0 and body v0, whatever version was asked
            ApiVersionsResponseData response = new ApiVersionsResponseData(
                    connection.readBody(header.correlationId(), (short) 0), (short) 0);
            ApiVersionsResponseData.ApiVersion ownRange = advertised.apiKeys().find(ApiKeys.API_VERSIONS.id);
            assertThat(response.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
            assertThat(response.apiKeys()).extracting(ApiVersionsResponseData.ApiVersion::apiKey,
                            ApiVersionsResponseData.ApiVersion::minVersion, ApiVersionsResponseData.ApiVersion::maxVersion)
                    .contains(tuple(ApiKeys.API_VERSIONS.id, ownRange.minVersion(), ownRange.maxVersion()));
        }
    }

    @Test
    void anAcks0ProduceGetsNoResponseAndTheNextRequestIsAnsweredInItsPlace() throws Exception {
        String topic = "protocol-acks0";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (RawConnection connection = open()) {
            connection.send(ApiKeys.PRODUCE, version(ApiKeys.PRODUCE),
                    produceRequest(topic, (short) 0, MemoryRecords.withRecords(Compression.NONE, records("j0"))));

            assertAnswersMetadata(connection); // a produce response first would fail its correlation id check
        }
        Await.until("the acks=0 record is stored", Duration.ofSeconds(10), () -> endOffset(topic) == 1);
        assertThat(values(topic)).containsExactly("j0");
    }

    // ---- requests

    private static RawConnection open() throws IOException {
        return RawConnection.open(karst.port());
    }

    /** The version to send: the highest both sides know, and at most 12 where 13 names topics by id. */
    private static short version(ApiKeys api) {
        ApiVersionsResponseData.ApiVersion range = advertised.apiKeys().find(api.id);
        assertThat(range).as("%s in the broker's ApiVersions", api).isNotNull();
        short highest = (short) Math.min(range.maxVersion(), api.latestVersion());
        boolean topicIdsFrom13 = api == ApiKeys.PRODUCE || api == ApiKeys.FETCH;
        return topicIdsFrom13 ? (short) Math.min(highest, 12) : highest;
    }

    private static void assertAnswersMetadata(RawConnection connection) throws IOException {
        MetadataResponse response = connection.request(ApiKeys.METADATA, version(ApiKeys.METADATA),
                new MetadataRequestData().setTopics(List.of()), MetadataResponse.class);
        assertThat(response.data().brokers())
                .extracting(MetadataResponseBroker::nodeId, MetadataResponseBroker::host, MetadataResponseBroker::port)
                .containsExactly(tuple(1, "127.0.0.1", karst.port()));
    }

    private static ProducerId initProducerId(RawConnection connection) throws IOException {
        InitProducerIdRequestData request = new InitProducerIdRequestData()
                .setTransactionalId(null)
                .setTransactionTimeoutMs(60_000)
                .setProducerId(-1L)
                .setProducerEpoch((short) -1);
        InitProducerIdResponseData response = connection.request(ApiKeys.INIT_PRODUCER_ID,
                version(ApiKeys.INIT_PRODUCER_ID), request, InitProducerIdResponse.class).data();
        assertThat(response.errorCode()).as("InitProducerId error").isEqualTo(Errors.NONE.code());
        assertThat(response.producerId()).as("producer id").isNotNegative();
        return new ProducerId(response.producerId(), response.producerEpoch());
    }

    private static PartitionProduceResponse produce(RawConnection connection, String topic, MemoryRecords records)
            throws IOException {
        ProduceResponse response = connection.request(ApiKeys.PRODUCE, version(ApiKeys.PRODUCE),
                produceRequest(topic, (short) -1, records), ProduceResponse.class);
        List<PartitionProduceResponse> partitions = partitionResponses(response.data());
        assertThat(partitions).as("partitions answered").hasSize(1);
        return partitions.get(0);
    }

    private static ProduceRequestData produceRequest(String topic, short acks, MemoryRecords records) {
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData()
                .setName(topic)
                .setPartitionData(List.of(new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records))));
        return new ProduceRequestData()
                .setTransactionalId(null)
                .setAcks(acks)
                .setTimeoutMs(10_000)
                .setTopicData(topics);
    }

    private static List<PartitionProduceResponse> partitionResponses(ProduceResponseData response) {
        return response.responses().stream().flatMap(t -> t.partitionResponses().stream()).toList();
    }

    private static void assertAppendedAt(PartitionProduceResponse response, long baseOffset) {
        assertThat(response.errorCode()).as("error code").isEqualTo(Errors.NONE.code());
        assertThat(response.baseOffset()).as("base offset").isEqualTo(baseOffset);
    }

    private static FetchResponseData.PartitionData fetch(RawConnection connection, String topic, long offset)
            throws IOException {
        FetchRequestData request = new FetchRequestData()
                .setReplicaId(-1)
                .setMaxWaitMs(0)
                .setMinBytes(1)
                .setMaxBytes(MAX_REQUEST_BYTES)
                .setIsolationLevel((byte) 0)
                .setSessionId(0)
                .setSessionEpoch(-1)
                .setTopics(List.of(new FetchRequestData.FetchTopic()
                        .setTopic(topic)
                        .setPartitions(List.of(new FetchRequestData.FetchPartition()
                                .setPartition(0)
                                .setCurrentLeaderEpoch(-1)
                                .setFetchOffset(offset)
                                .setLogStartOffset(-1)
                                .setPartitionMaxBytes(MAX_REQUEST_BYTES)))))
                .setForgottenTopicsData(List.of())
                .setRackId("");
        FetchResponse response = connection.request(ApiKeys.FETCH, version(ApiKeys.FETCH), request, FetchResponse.class);
        assertThat(response.error()).as("top-level fetch error").isEqualTo(Errors.NONE);
        List<FetchResponseData.PartitionData> partitions = response.data().responses().stream()
                .flatMap(t -> t.partitions().stream())
                .toList();
        assertThat(partitions).as("partitions answered").hasSize(1);
        return partitions.get(0);
    }

    private static MemoryRecords batch(ProducerId producer, int baseSequence, String... values) {
        return MemoryRecords.withIdempotentRecords(Compression.NONE, producer.id(), producer.epoch(), baseSequence,
                records(values));
    }

    private static SimpleRecord keyed(String key, String value) {
        return new SimpleRecord(System.currentTimeMillis(), key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    private static SimpleRecord[] records(String... values) {
        return Stream.of(values)
                .map(v -> new SimpleRecord(System.currentTimeMillis(), null, v.getBytes(StandardCharsets.UTF_8)))
                .toArray(SimpleRecord[]::new);
    }

    // ---- what a consumer sees

    private static long endOffset(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static List<String> values(String topic) {
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            return Clients.readAll(consumer, List.of(new TopicPartition(topic, 0)), Duration.ofSeconds(20)).stream()
                    .map(ConsumerRecord::value)
                    .toList();
        }
    }
}
