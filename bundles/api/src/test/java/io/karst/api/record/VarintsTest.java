package io.karst.api.record;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VarintsTest {

    @Test
    void valuesOfEverySizeReadBackAsWrittenAndTakeTheirSize() {
        long[] values = {0, 1, -1, 63, -64, 64, -65, 8191, 8192, Integer.MAX_VALUE, Integer.MIN_VALUE,
                Long.MAX_VALUE, Long.MIN_VALUE};
        for (long value : values) {
            ByteBuffer buf = ByteBuffer.allocate(10);
            Varints.writeVarlong(buf, value);
            assertThat(buf.position()).as("size of %d", value).isEqualTo(Varints.sizeOfVarlong(value));
            buf.flip();
            assertThat(Varints.readVarlong(buf)).isEqualTo(value);
            assertThat(buf.hasRemaining()).isFalse();
            if (value == (int) value) {
                buf.rewind();
                assertThat(Varints.readVarint(buf)).isEqualTo((int) value);
            }
        }
    }

    @Test
    void oneByteValuesAreTheLowSixtyFourEitherSide() {
        assertThat(Varints.sizeOfVarint(-64)).isEqualTo(1);
        assertThat(Varints.sizeOfVarint(63)).isEqualTo(1);
        assertThat(Varints.sizeOfVarint(64)).isEqualTo(2);
        assertThat(Varints.readVarint(ByteBuffer.wrap(new byte[] {0x7f}))).isEqualTo(-64);
    }

    @Test
    void aVarintCutShortIsInvalid() {
        assertThatThrownBy(() -> Varints.readVarint(ByteBuffer.allocate(0)))
                .isInstanceOf(InvalidRecordBatchException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> Varints.readVarint(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 0x80})))
                .isInstanceOf(InvalidRecordBatchException.class).hasMessageContaining("cut short");
    }

    @Test
    void aVarintLongerThanItsTypeIsInvalid() {
        byte[] sixBytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThatThrownBy(() -> Varints.readVarint(ByteBuffer.wrap(sixBytes)))
                .isInstanceOf(InvalidRecordBatchException.class).hasMessageContaining("longer than 5 bytes");
        byte[] elevenBytes = new byte[11];
        Arrays.fill(elevenBytes, 0, 10, (byte) 0x80);
        assertThatThrownBy(() -> Varints.readVarlong(ByteBuffer.wrap(elevenBytes)))
                .isInstanceOf(InvalidRecordBatchException.class).hasMessageContaining("longer than 10 bytes");
    }
}
