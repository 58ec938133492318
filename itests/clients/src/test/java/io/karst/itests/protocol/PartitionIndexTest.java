package io.karst.itests.protocol;

import io.karst.itests.Clients;
import io.karst.itests.KarstExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsPartitionResult;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponsePartition;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartition;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.CreateTopicsResponse;
import org.apache.kafka.common.requests.DeleteRecordsResponse;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.ListOffsetsResponse;
import org.apache.kafka.common.requests.OffsetCommitResponse;
import org.apache.kafka.common.requests.OffsetFetchResponse;
import org.apache.kafka.common.requests.ProduceResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every API that names partitions answers a negative or unknown partition index as Kafka does,
 * UNKNOWN_TOPIC_OR_PARTITION (CreateTopics: INVALID_PARTITIONS for a negative count other than -1), and
 * never serves another partition in its place. The Java client cannot send a negative index: raw requests.
 */
@Timeout(60)
class PartitionIndexTest {
    private static final String TOPIC = "indexed";
    /** A negative index, and one past the topic's single partition. */
    private static final List<Integer> NO_SUCH = List.of(-1, 7);
    private static final short UNKNOWN = Errors.UNKNOWN_TOPIC_OR_PARTITION.code();

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withConfig(Map.of("group.initial.rebalance.delay.ms", "0"));

    @BeforeAll
    static void aTopicWithOneRecordInPartition0() throws Exception {
        Clients.createTopic(karst.bootstrapServers(), TOPIC, 1);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            producer.send(new ProducerRecord<>(TOPIC, 0, "k", "in partition 0")).get();
        }
    }

    @Test
    void produce() throws IOException {
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData().setName(TOPIC).setPartitionData(NO_SUCH.stream()
                .map(p -> new ProduceRequestData.PartitionProduceData().setIndex(p).setRecords(MemoryRecords
                        .withRecords(Compression.NONE, new SimpleRecord("v".getBytes(StandardCharsets.UTF_8)))))
                .toList()));
        try (RawConnection connection = open()) {
            ProduceResponse response = connection.request(ApiKeys.PRODUCE, (short) 8, new ProduceRequestData()
                    .setAcks((short) -1).setTimeoutMs(10_000).setTopicData(topics), ProduceResponse.class);

            assertThat(response.data().responses().iterator().next().partitionResponses())
                    .extracting(PartitionProduceResponse::index, PartitionProduceResponse::errorCode)
                    .containsExactly(tuple(-1, UNKNOWN), tuple(7, UNKNOWN));
        }
    }

    @Test
    void fetchReadsNoOtherPartitionInPlaceOfANegativeOne() throws IOException {
        FetchRequestData request = new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(1)
                .setMaxBytes(1 << 20).setSessionEpoch(-1).setRackId("")
                .setTopics(List.of(new FetchRequestData.FetchTopic().setTopic(TOPIC).setPartitions(NO_SUCH.stream()
                        .map(p -> new FetchRequestData.FetchPartition().setPartition(p).setCurrentLeaderEpoch(-1)
                                .setFetchOffset(0).setLogStartOffset(-1).setPartitionMaxBytes(1 << 20))
                        .toList())));
        try (RawConnection connection = open()) {
            FetchResponse response = connection.request(ApiKeys.FETCH, (short) 11, request, FetchResponse.class);

            List<FetchResponseData.PartitionData> partitions = response.data().responses().get(0).partitions();
            assertThat(partitions).extracting(FetchResponseData.PartitionData::partitionIndex,
                    FetchResponseData.PartitionData::errorCode).containsExactly(tuple(-1, UNKNOWN), tuple(7, UNKNOWN));
            assertThat(partitions).allSatisfy(p -> assertThat(FetchResponse.recordsSize(p)).isZero());
        }
    }

    @Test
    void listOffsets() throws IOException {
        ListOffsetsRequestData request = new ListOffsetsRequestData().setReplicaId(-1).setTopics(List.of(
                new ListOffsetsRequestData.ListOffsetsTopic().setName(TOPIC).setPartitions(NO_SUCH.stream()
                        .map(p -> new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(p)
                                .setTimestamp(-1))
                        .toList())));
        try (RawConnection connection = open()) {
            ListOffsetsResponse response = connection.request(ApiKeys.LIST_OFFSETS, (short) 2, request,
                    ListOffsetsResponse.class);

            assertThat(response.data().topics().get(0).partitions())
                    .extracting(ListOffsetsPartitionResponse::partitionIndex, ListOffsetsPartitionResponse::errorCode)
                    .containsExactly(tuple(-1, UNKNOWN), tuple(7, UNKNOWN));
        }
    }

    @Test
    void offsetCommit() throws IOException {
        OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId("indexed-commit")
                .setGenerationIdOrMemberEpoch(-1).setMemberId("").setTopics(List.of(
                        new OffsetCommitRequestData.OffsetCommitRequestTopic().setName(TOPIC).setPartitions(
                                List.of(-1, 0, 7).stream().map(p -> new OffsetCommitRequestData
                                        .OffsetCommitRequestPartition().setPartitionIndex(p).setCommittedOffset(1))
                                        .toList())));
        try (RawConnection connection = open()) {
            OffsetCommitResponse response = connection.request(ApiKeys.OFFSET_COMMIT, (short) 7, request,
                    OffsetCommitResponse.class);

            assertThat(response.data().topics().get(0).partitions())
                    .extracting(OffsetCommitResponsePartition::partitionIndex, OffsetCommitResponsePartition::errorCode)
                    .containsExactly(tuple(-1, UNKNOWN), tuple(0, Errors.NONE.code()), tuple(7, UNKNOWN));
        }
    }

    @Test
    void offsetFetchOfANegativePartition() throws IOException {
        OffsetFetchRequestData request = new OffsetFetchRequestData().setGroupId("indexed-fetch").setTopics(List.of(
                new OffsetFetchRequestData.OffsetFetchRequestTopic().setName(TOPIC).setPartitionIndexes(List.of(-1, 0))));
        try (RawConnection connection = open()) {
            OffsetFetchResponse response = connection.request(ApiKeys.OFFSET_FETCH, (short) 7, request,
                    OffsetFetchResponse.class);

            assertThat(response.data().topics().get(0).partitions())
                    .extracting(OffsetFetchResponsePartition::partitionIndex, OffsetFetchResponsePartition::errorCode,
                            OffsetFetchResponsePartition::committedOffset)
                    .containsExactly(tuple(-1, UNKNOWN, -1L), tuple(0, Errors.NONE.code(), -1L));
        }
    }

    @Test
    void deleteRecords() throws IOException {
        DeleteRecordsRequestData request = new DeleteRecordsRequestData().setTimeoutMs(10_000).setTopics(List.of(
                new DeleteRecordsRequestData.DeleteRecordsTopic().setName(TOPIC).setPartitions(NO_SUCH.stream()
                        .map(p -> new DeleteRecordsRequestData.DeleteRecordsPartition().setPartitionIndex(p)
                                .setOffset(0))
                        .toList())));
        try (RawConnection connection = open()) {
            DeleteRecordsResponse response = connection.request(ApiKeys.DELETE_RECORDS, (short) 1, request,
                    DeleteRecordsResponse.class);

            assertThat(response.data().topics().iterator().next().partitions())
                    .extracting(DeleteRecordsPartitionResult::partitionIndex, DeleteRecordsPartitionResult::errorCode)
                    .containsExactlyInAnyOrder(tuple(-1, UNKNOWN), tuple(7, UNKNOWN));
        }
    }

    @Test
    void createTopicsWithANegativeCountOtherThanTheDefault() throws IOException {
        CreateTopicsRequestData.CreatableTopicCollection topics = new CreateTopicsRequestData.CreatableTopicCollection();
        topics.add(new CreateTopicsRequestData.CreatableTopic().setName("indexed-negative").setNumPartitions(-3)
                .setReplicationFactor((short) -1));
        topics.add(new CreateTopicsRequestData.CreatableTopic().setName("indexed-default").setNumPartitions(-1)
                .setReplicationFactor((short) -1));
        try (RawConnection connection = open()) {
            CreateTopicsResponse response = connection.request(ApiKeys.CREATE_TOPICS, (short) 4,
                    new CreateTopicsRequestData().setTimeoutMs(10_000).setTopics(topics), CreateTopicsResponse.class);

            assertThat(response.data().topics())
                    .extracting(CreatableTopicResult::name, CreatableTopicResult::errorCode)
                    .containsExactlyInAnyOrder(tuple("indexed-negative", Errors.INVALID_PARTITIONS.code()),
                            tuple("indexed-default", Errors.NONE.code()));
        }
    }

    private static RawConnection open() throws IOException {
        return RawConnection.open(karst.port());
    }
}
