package io.karst.protocol;

import io.karst.protocol.messages.FetchMessage;
import io.karst.protocol.messages.ProduceMessage;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedFieldsTest {

    private static Struct roundTrip(Schema schema, Struct struct, int version) {
        Sizer sizer = new Sizer();
        schema.size(sizer, struct, version, false);
        FrameWriter out = new FrameWriter(sizer.heapBytes());
        schema.write(out, struct, version, false);
        ByteBuffer buf = out.buffer().flip();
        Struct read = schema.read(buf, version, false);
        assertThat(buf.hasRemaining()).isFalse();
        return read;
    }

    @Test
    void aFieldRoundTripsAtEveryVersionThatCarriesIt() {
        for (int version = 7; version <= 11; version++) {
            Struct request = FetchMessage.REQUEST.newStruct(version)
                    .set(FetchMessage.MAX_WAIT_MS, 250).set(FetchMessage.SESSION_EPOCH, 3);
            Struct read = roundTrip(FetchMessage.REQUEST, request, version);
            assertThat(read.getInt(FetchMessage.MAX_WAIT_MS)).isEqualTo(250);
            assertThat(read.getInt(FetchMessage.SESSION_EPOCH)).isEqualTo(3);
        }
    }

    @Test
    void aFieldAbsentFromAVersionReadsItsDefault() {
        Struct request = FetchMessage.REQUEST.newStruct(6).set(FetchMessage.SESSION_EPOCH, 3);
        Struct read = roundTrip(FetchMessage.REQUEST, request, 6);
        assertThat(read.getInt(FetchMessage.SESSION_EPOCH)).isEqualTo(-1);
        assertThat(read.get(FetchMessage.RACK_ID)).isEqualTo("");
    }

    @Test
    void aConstantOfAnotherSchemaIsRefusedByName() {
        Struct request = FetchMessage.REQUEST.newStruct(11);
        assertThatThrownBy(() -> request.get(ProduceMessage.TIMEOUT_MS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout_ms").hasMessageContaining("max_wait_ms");
    }

    @Test
    void aNullableFieldSetToNullRoundTrips() {
        Struct request = ProduceMessage.REQUEST.newStruct(3).set(ProduceMessage.TRANSACTIONAL_ID, "tx")
                .set(ProduceMessage.TRANSACTIONAL_ID, null).set(ProduceMessage.ACKS, (short) 1);
        Struct read = roundTrip(ProduceMessage.REQUEST, request, 3);
        assertThat(read.get(ProduceMessage.TRANSACTIONAL_ID)).isNull();
        assertThat(read.getShort(ProduceMessage.ACKS)).isEqualTo((short) 1);
    }
}
