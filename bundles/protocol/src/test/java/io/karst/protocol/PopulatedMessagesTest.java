package io.karst.protocol;

import io.karst.api.request.ResponsePart;
import io.karst.protocol.messages.FetchMessage;
import io.karst.protocol.messages.MetadataMessage;
import io.karst.protocol.messages.ProduceMessage;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages with content: what the Kafka client writes we read, and what we write it reads. */
class PopulatedMessagesTest {

    private static MemoryRecords records(String... values) {
        List<SimpleRecord> list = new ArrayList<>();
        for (String v : values) {
            list.add(new SimpleRecord(1000L, "k".getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)));
        }
        return MemoryRecords.withRecords(Compression.NONE, list.toArray(new SimpleRecord[0]));
    }

    @Test
    void produceRequestRecordsAreAViewOfTheFrame() {
        MemoryRecords sent = records("a", "b", "c");
        ProduceRequestData data = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(30000);
        ProduceRequestData.TopicProduceData topic = new ProduceRequestData.TopicProduceData().setName("orders");
        topic.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(2).setRecords(sent));
        data.topicData().add(topic);
        ByteBuffer body = KafkaClientsOracle.serialize(data, 7);

        RequestHeader header = new RequestHeader((short) 0, (short) 7, 1, "c", ApiKeys.PRODUCE);
        Struct request = Protocol.readRequest(header, body);

        assertThat(request.getShort(ProduceMessage.ACKS)).isEqualTo((short) -1);
        Struct t = request.get(ProduceMessage.TOPIC_DATA).get(0);
        assertThat(t.get(ProduceMessage.NAME)).isEqualTo("orders");
        Struct p = t.get(ProduceMessage.PARTITION_DATA).get(0);
        assertThat(p.getInt(ProduceMessage.INDEX)).isEqualTo(2);
        assertThat(p.get(ProduceMessage.RECORDS)).isEqualTo(sent.buffer());
    }

    @Test
    void fetchResponseSendsRecordsFromTheFile(@TempDir Path dir) throws Exception {
        MemoryRecords stored = records("x", "y");
        Path segment = dir.resolve("00000000000000000000.log");
        byte[] prefix = new byte[100];
        ByteBuffer file = ByteBuffer.allocate(100 + stored.sizeInBytes()).put(prefix).put(stored.buffer().duplicate());
        Files.write(segment, file.array());

        Struct response = Protocol.newResponse(ApiKeys.FETCH, 11);
        Struct topic = response.addElement(FetchMessage.RESPONSES).set(FetchMessage.TOPIC, "orders");
        ByteBuffer frame;
        try (FileChannel channel = FileChannel.open(segment)) {
            topic.addElement(FetchMessage.TOPIC_RESPONSE_PARTITIONS).set(FetchMessage.PARTITION_INDEX, 0)
                    .set(FetchMessage.HIGH_WATERMARK, 2L)
                    .set(FetchMessage.LAST_STABLE_OFFSET, 2L).set(FetchMessage.LOG_START_OFFSET, 0L)
                    .set(FetchMessage.RECORDS, new ResponsePart.FileRegion(segment, channel, 100, stored.sizeInBytes()));
            List<ResponsePart> parts = Protocol.writeResponse(ApiKeys.FETCH, 11, 5, response);
            assertThat(parts).hasSize(2).last().isInstanceOf(ResponsePart.FileRegion.class);
            frame = KafkaClientsOracle.join(parts);
        }
        assertThat(frame.getInt()).isEqualTo(5);
        FetchResponseData theirs = (FetchResponseData) KafkaClientsOracle.parseResponse(1, 11, frame.slice());

        FetchResponseData.PartitionData partition = theirs.responses().get(0).partitions().get(0);
        assertThat(partition.highWatermark()).isEqualTo(2L);
        assertThat(partition.preferredReadReplica()).isEqualTo(-1);
        List<String> values = new ArrayList<>();
        for (Record r : ((MemoryRecords) partition.records()).records()) {
            values.add(StandardCharsets.UTF_8.decode(r.value()).toString());
        }
        assertThat(values).containsExactly("x", "y");
    }

    @Test
    void metadataResponseCarriesBrokersAndTopics() throws Exception {
        Struct response = Protocol.newResponse(ApiKeys.METADATA, 4);
        response.addElement(MetadataMessage.BROKERS).set(MetadataMessage.NODE_ID, 1)
                .set(MetadataMessage.HOST, "127.0.0.1").set(MetadataMessage.PORT, 9092);
        response.set(MetadataMessage.CLUSTER_ID, "abc").set(MetadataMessage.CONTROLLER_ID, 1);
        Struct topic = response.addElement(MetadataMessage.RESPONSE_TOPICS).set(MetadataMessage.NAME, "t");
        topic.addElement(MetadataMessage.PARTITIONS).set(MetadataMessage.PARTITION_INDEX, 0)
                .set(MetadataMessage.LEADER_ID, 1)
                .set(MetadataMessage.REPLICA_NODES, List.of(1)).set(MetadataMessage.ISR_NODES, List.of(1));

        ByteBuffer frame = KafkaClientsOracle.join(Protocol.writeResponse(ApiKeys.METADATA, 4, 3, response));
        frame.getInt();
        MetadataResponseData theirs = (MetadataResponseData) KafkaClientsOracle.parseResponse(3, 4, frame.slice());

        assertThat(theirs.clusterId()).isEqualTo("abc");
        assertThat(theirs.brokers().find(1).host()).isEqualTo("127.0.0.1");
        assertThat(theirs.brokers().find(1).rack()).isNull();
        assertThat(theirs.topics().find("t").partitions().get(0).isrNodes()).containsExactly(1);
    }

    @Test
    void truncatedOrPaddedBodiesAreRejected() {
        ByteBuffer frame = Protocol.writeRequest(ApiKeys.METADATA, 4, 1, "c", Protocol.newRequest(ApiKeys.METADATA, 4));
        RequestHeader header = RequestHeader.read(frame);
        ByteBuffer cut = frame.slice(frame.position(), frame.remaining() - 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Protocol.readRequest(header, cut))
                .isInstanceOf(ProtocolException.class);
        ByteBuffer padded = ByteBuffer.allocate(frame.remaining() + 3).put(frame.duplicate()).position(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Protocol.readRequest(header, padded))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("after its body");
    }

    @Test
    void anArrayCountBeyondTheFrameIsRejectedWithoutAllocating() {
        ByteBuffer body = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).flip();
        RequestHeader header = new RequestHeader((short) 20, (short) 1, 1, "c", ApiKeys.DELETE_TOPICS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Protocol.readRequest(header, body))
                .isInstanceOf(ProtocolException.class);
    }
}
