package io.karst.api.record;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * A view of one Kafka RecordBatch (magic 2) held in a {@link ByteBuffer}, starting at the buffer's
 * position when the view was made. Reads the header fields, verifies the CRC-32C and rewrites the
 * fields the broker owns (base offset, partition leader epoch, LogAppendTime) in place. Nothing is
 * copied: the view shares the buffer's bytes.
 *
 * <pre>
 * offset field                 type
 *  0     baseOffset            int64
 *  8     batchLength           int32   bytes after this field
 * 12     partitionLeaderEpoch  int32
 * 16     magic                 int8    = 2
 * 17     crc                   uint32  CRC-32C of bytes 21..end
 * 21     attributes            int16   bits 0-2 codec, 3 timestamp type, 4 transactional, 5 control
 * 23     lastOffsetDelta       int32
 * 27     baseTimestamp         int64
 * 35     maxTimestamp          int64
 * 43     producerId            int64
 * 51     producerEpoch         int16
 * 53     baseSequence          int32
 * 57     recordsCount          int32
 * 61     records
 * </pre>
 */
public final class RecordBatch {
    public static final int BASE_OFFSET = 0;
    public static final int BATCH_LENGTH = 8;
    public static final int PARTITION_LEADER_EPOCH = 12;
    public static final int MAGIC = 16;
    public static final int CRC = 17;
    public static final int ATTRIBUTES = 21;
    public static final int LAST_OFFSET_DELTA = 23;
    public static final int BASE_TIMESTAMP = 27;
    public static final int MAX_TIMESTAMP = 35;
    public static final int PRODUCER_ID = 43;
    public static final int PRODUCER_EPOCH = 51;
    public static final int BASE_SEQUENCE = 53;
    public static final int RECORDS_COUNT = 57;
    /** Size of the header, which is also the smallest possible batch. */
    public static final int HEADER_SIZE = 61;
    /** Bytes before and including batchLength: a batch is {@code LOG_OVERHEAD + batchLength} long. */
    public static final int LOG_OVERHEAD = 12;
    public static final byte CURRENT_MAGIC = 2;
    public static final long NO_PRODUCER_ID = -1L;
    public static final int NO_SEQUENCE = -1;

    private static final int COMPRESSION_MASK = 0x07;
    private static final int TIMESTAMP_TYPE_MASK = 0x08;
    private static final int TRANSACTIONAL_MASK = 0x10;
    private static final int CONTROL_MASK = 0x20;

    private final ByteBuffer buf;

    private RecordBatch(ByteBuffer buf) {
        this.buf = buf;
    }

    /**
     * A view of the batch starting at {@code buffer.position()}. Only the header's presence is
     * checked; call {@link #sizeInBytes()} against the bytes available before trusting the rest.
     *
     * @throws IllegalArgumentException when fewer than {@link #HEADER_SIZE} bytes remain
     */
    public static RecordBatch wrap(ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_SIZE) {
            throw new IllegalArgumentException("a record batch needs at least " + HEADER_SIZE
                    + " bytes, got " + buffer.remaining());
        }
        return new RecordBatch(buffer.slice().order(ByteOrder.BIG_ENDIAN));
    }

    /** The batch's bytes: a view from its first byte to its last, sharing content. */
    public ByteBuffer buffer() {
        return buf.duplicate().position(0).limit(sizeInBytes());
    }

    public long baseOffset() {
        return buf.getLong(BASE_OFFSET);
    }

    public int batchLength() {
        return buf.getInt(BATCH_LENGTH);
    }

    /** The whole batch's size on disk and on the wire. */
    public int sizeInBytes() {
        return LOG_OVERHEAD + batchLength();
    }

    public int partitionLeaderEpoch() {
        return buf.getInt(PARTITION_LEADER_EPOCH);
    }

    public byte magic() {
        return buf.get(MAGIC);
    }

    public long checksum() {
        return Integer.toUnsignedLong(buf.getInt(CRC));
    }

    public short attributes() {
        return buf.getShort(ATTRIBUTES);
    }

    /** Kafka's codec id: 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd. */
    public int compressionId() {
        return attributes() & COMPRESSION_MASK;
    }

    public boolean isLogAppendTime() {
        return (attributes() & TIMESTAMP_TYPE_MASK) != 0;
    }

    public boolean isTransactional() {
        return (attributes() & TRANSACTIONAL_MASK) != 0;
    }

    public boolean isControl() {
        return (attributes() & CONTROL_MASK) != 0;
    }

    public int lastOffsetDelta() {
        return buf.getInt(LAST_OFFSET_DELTA);
    }

    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    /** The offset after this batch. */
    public long nextOffset() {
        return lastOffset() + 1;
    }

    public long baseTimestamp() {
        return buf.getLong(BASE_TIMESTAMP);
    }

    public long maxTimestamp() {
        return buf.getLong(MAX_TIMESTAMP);
    }

    public long producerId() {
        return buf.getLong(PRODUCER_ID);
    }

    public short producerEpoch() {
        return buf.getShort(PRODUCER_EPOCH);
    }

    public int baseSequence() {
        return buf.getInt(BASE_SEQUENCE);
    }

    /** The sequence of the last record, wrapping at {@code Integer.MAX_VALUE} as Kafka does. */
    public int lastSequence() {
        int base = baseSequence();
        if (base == NO_SEQUENCE) {
            return NO_SEQUENCE;
        }
        long last = (long) base + lastOffsetDelta();
        return (int) (last > Integer.MAX_VALUE ? last - Integer.MAX_VALUE - 1 : last);
    }

    public int recordsCount() {
        return buf.getInt(RECORDS_COUNT);
    }

    /** CRC-32C of attributes..end, as it should be stored in the crc field. */
    public long computeChecksum() {
        CRC32C crc = new CRC32C();
        ByteBuffer covered = buf.duplicate().position(ATTRIBUTES).limit(sizeInBytes());
        crc.update(covered);
        return crc.getValue();
    }

    /** Whether the stored CRC matches the bytes it covers. */
    public boolean isChecksumValid() {
        return checksum() == computeChecksum();
    }

    /** Sets the base offset; it lies outside the CRC, so no checksum work is needed. */
    public void setBaseOffset(long offset) {
        buf.putLong(BASE_OFFSET, offset);
    }

    /** Sets the partition leader epoch; it lies outside the CRC. */
    public void setPartitionLeaderEpoch(int epoch) {
        buf.putInt(PARTITION_LEADER_EPOCH, epoch);
    }

    /** Marks the batch LogAppendTime with the broker's time as maxTimestamp and re-signs it. */
    public void setLogAppendTime(long timestamp) {
        buf.putShort(ATTRIBUTES, (short) (attributes() | TIMESTAMP_TYPE_MASK));
        buf.putLong(MAX_TIMESTAMP, timestamp);
        buf.putInt(CRC, (int) computeChecksum());
    }

    @Override
    public String toString() {
        return "RecordBatch(baseOffset=" + baseOffset() + ", lastOffset=" + lastOffset()
                + ", size=" + sizeInBytes() + ", codec=" + compressionId() + ", producerId=" + producerId()
                + ", producerEpoch=" + producerEpoch() + ", baseSequence=" + baseSequence() + ")";
    }
}
