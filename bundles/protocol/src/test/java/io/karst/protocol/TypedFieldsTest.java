package io.karst.protocol;

import io.karst.protocol.messages.FetchMessage;
import io.karst.protocol.messages.ProduceMessage;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and writing a struct through the field constants of its message. */
class TypedFieldsTest {

    /** Writes {@code struct} as {@code api}'s request of {@code version} and reads it back. */
    private static Struct roundTrip(ApiKeys api, Struct struct, int version) {
        Schema schema = api.requestSchema();
        boolean flexible = api.isFlexible(version);
        Sizer sizer = new Sizer();
        schema.size(sizer, struct, version, flexible);
        FrameWriter out = new FrameWriter(sizer.heapBytes());
        schema.write(out, struct, version, flexible);
        ByteBuffer buf = out.buffer().flip();
        Struct read = schema.read(buf, version, flexible);
        assertThat(buf.hasRemaining()).as("bytes left after reading v%d", version).isFalse();
        return read;
    }

    @Test
    void fieldsRoundTripAtEveryVersionThatCarriesThemAndReadTheirDefaultElsewhere() {
        for (int version = ApiKeys.FETCH.minVersion(); version <= ApiKeys.FETCH.maxVersion(); version++) {
            Struct request = Protocol.newRequest(ApiKeys.FETCH, version)
                    .set(FetchMessage.MAX_WAIT_MS, 250)
                    .set(FetchMessage.ISOLATION_LEVEL, (byte) 1)
                    .set(FetchMessage.SESSION_EPOCH, 3)
                    .set(FetchMessage.RACK_ID, "rack-a");
            request.addElement(FetchMessage.TOPICS).set(FetchMessage.TOPIC, "orders")
                    .addElement(FetchMessage.FETCH_TOPIC_PARTITIONS).set(FetchMessage.PARTITION, 2)
                    .set(FetchMessage.FETCH_OFFSET, 17L).set(FetchMessage.CURRENT_LEADER_EPOCH, 5);

            Struct read = roundTrip(ApiKeys.FETCH, request, version);

            assertThat(read.getInt(FetchMessage.MAX_WAIT_MS)).isEqualTo(250);
            assertThat(read.getByte(FetchMessage.ISOLATION_LEVEL)).isEqualTo((byte) 1);
            assertThat(read.getInt(FetchMessage.SESSION_EPOCH)).isEqualTo(version >= 7 ? 3 : -1);
            assertThat(read.get(FetchMessage.RACK_ID)).isEqualTo(version >= 11 ? "rack-a" : "");
            Struct topic = read.get(FetchMessage.TOPICS).get(0);
            assertThat(topic.get(FetchMessage.TOPIC)).isEqualTo("orders");
            Struct partition = topic.get(FetchMessage.FETCH_TOPIC_PARTITIONS).get(0);
            assertThat(partition.getInt(FetchMessage.PARTITION)).isEqualTo(2);
            assertThat(partition.getLong(FetchMessage.FETCH_OFFSET)).isEqualTo(17L);
            assertThat(partition.getInt(FetchMessage.CURRENT_LEADER_EPOCH)).isEqualTo(version >= 9 ? 5 : -1);
        }
    }

    @Test
    void oneConstantServesEveryStructOfItsMessageThatHasTheField() {
        Struct response = Protocol.newResponse(ApiKeys.FETCH, 11);
        Struct topic = response.addElement(FetchMessage.RESPONSES).set(FetchMessage.TOPIC, "orders");
        Struct request = Protocol.newRequest(ApiKeys.FETCH, 11);
        Struct forgotten = FetchMessage.FORGOTTEN_TOPIC.newStruct(11).set(FetchMessage.TOPIC, "gone")
                .set(FetchMessage.FORGOTTEN_TOPIC_PARTITIONS, List.of(0, 1));
        request.set(FetchMessage.FORGOTTEN_TOPICS_DATA, List.of(forgotten));

        assertThat(topic.get(FetchMessage.TOPIC)).isEqualTo("orders");
        assertThat(roundTrip(ApiKeys.FETCH, request, 11).get(FetchMessage.FORGOTTEN_TOPICS_DATA))
                .singleElement().hasToString("{topic=gone, partitions=[0, 1]}");
    }

    @Test
    void aConstantOfAnotherStructIsRefusedNamingItAndTheStructsFields() {
        Struct request = Protocol.newRequest(ApiKeys.FETCH, 11);
        Struct topic = Protocol.newResponse(ApiKeys.FETCH, 11).addElement(FetchMessage.RESPONSES);

        assertThatThrownBy(() -> request.get(ProduceMessage.TIMEOUT_MS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'timeout_ms'").hasMessageContaining("max_wait_ms").hasMessageContaining("rack_id");
        // Same name, other struct: the request's "partitions" is not the response's.
        assertThatThrownBy(() -> topic.addElement(FetchMessage.FETCH_TOPIC_PARTITIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no field 'partitions' in [topic, partitions]");
    }

    @Test
    void aNullableFieldSetToNullRoundTrips() {
        Struct request = Protocol.newRequest(ApiKeys.PRODUCE, 3).set(ProduceMessage.TRANSACTIONAL_ID, "tx")
                .set(ProduceMessage.TRANSACTIONAL_ID, null).set(ProduceMessage.ACKS, (short) -1);
        request.addElement(ProduceMessage.TOPIC_DATA).set(ProduceMessage.NAME, "orders")
                .addElement(ProduceMessage.PARTITION_DATA).set(ProduceMessage.INDEX, 0)
                .set(ProduceMessage.RECORDS, null);

        Struct read = roundTrip(ApiKeys.PRODUCE, request, 3);

        assertThat(read.get(ProduceMessage.TRANSACTIONAL_ID)).isNull();
        assertThat(read.getShort(ProduceMessage.ACKS)).isEqualTo((short) -1);
        Struct partition = read.get(ProduceMessage.TOPIC_DATA).get(0).get(ProduceMessage.PARTITION_DATA).get(0);
        assertThat(partition.get(ProduceMessage.RECORDS)).isNull();
    }
}
