package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.codec.CompressionType;
import io.karst.api.codec.PooledOutputStream.OutputLimitExceededException;
import io.karst.api.codec.PooledOutputStream;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchCompression;
import io.karst.api.record.RecordsValidator;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Readies a produced batch, whose header {@link BatchValidator} has checked, for the log. It checks
 * every record as Kafka's broker does ({@link RecordsValidator}), decompressing the records of a
 * compressed batch to do so, and converts the batch to the topic's {@code compression.type} when
 * that differs from the producer's codec. A batch already in the topic's codec is stored exactly
 * as sent.
 *
 * <p>Errors: a codec that is not installed, UNSUPPORTED_COMPRESSION_TYPE; records that are not a
 * valid stream of their codec, CORRUPT_MESSAGE; records that decompress to more than
 * {@code max.message.bytes} (the decompression-bomb guard) or break the record format,
 * INVALID_RECORD (naming the records to blame, among them those without a key for a compacted topic);
 * a converted batch over {@code max.message.bytes}, MESSAGE_TOO_LARGE. Nothing is
 * written before all of this has passed. Working buffers come from a pool; thread-safe.
 */
public final class BatchConverter {
    private final CodecRegistry codecs;
    private final BufferPool buffers;

    BatchConverter(CodecRegistry codecs, BufferPool buffers) {
        this.codecs = codecs;
        this.buffers = buffers;
    }

    /** A batch ready to append; closing it returns its buffers to the pool (after the append). */
    public static final class Prepared implements AutoCloseable {
        private final RecordBatch batch;
        private final PooledOutputStream plain;
        private final PooledOutputStream converted;

        private Prepared(RecordBatch batch, PooledOutputStream plain, PooledOutputStream converted) {
            this.batch = batch;
            this.plain = plain;
            this.converted = converted;
        }

        public RecordBatch batch() {
            return batch;
        }

        @Override
        public void close() {
            if (plain != null) {
                plain.close();
            }
            if (converted != null) {
                converted.close();
            }
        }
    }

    /**
     * The batch to store for {@code sent} in {@code tp}: {@code sent} itself when it is already in the
     * topic's codec, else a new batch with the same records and header fields in the topic's codec.
     *
     * @throws KarstException with the Kafka error to answer
     */
    public Prepared prepare(RecordBatch sent, TopicSettings settings, TopicPartition tp) {
        CompressionType sentCodec = CompressionType.forId(sent.compressionId());
        CompressionType target = TopicCompression.of(settings.compressionType()).target(sentCodec);
        PooledOutputStream plain = null;
        PooledOutputStream converted = null;
        try {
            ByteBuffer records;
            if (sentCodec == CompressionType.NONE) {
                records = RecordBatchCompression.recordsSection(sent);
            } else {
                plain = new PooledOutputStream(buffers, settings.maxMessageBytes());
                records = decompress(sent, require(sentCodec), plain, settings);
            }
            RecordsValidator.validate(sent, records, settings.logConfig().cleanupPolicy().compacts() ? tp : null);
            if (target == sentCodec) {
                return new Prepared(sent, plain, null);
            }
            converted = new PooledOutputStream(buffers, settings.maxMessageBytes());
            RecordBatch batch = convert(sent, records, target, converted, settings);
            return new Prepared(batch, plain, converted);
        } catch (RuntimeException e) {
            closeAll(plain, converted);
            throw e;
        }
    }

    private ByteBuffer decompress(RecordBatch sent, Codec codec, PooledOutputStream plain, TopicSettings settings) {
        try {
            return RecordBatchCompression.decompressRecords(sent, codec, plain);
        } catch (OutputLimitExceededException e) {
            throw new KarstException(Errors.INVALID_RECORD, "the records of a " + codec.name() + " batch of "
                    + sent.sizeInBytes() + " bytes decompress to more than max.message.bytes ("
                    + settings.maxMessageBytes() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new KarstException(Errors.CORRUPT_MESSAGE, "the records of a batch are not a valid "
                    + codec.name() + " stream: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw codecGone(codec, e);
        }
    }

    private RecordBatch convert(RecordBatch sent, ByteBuffer records, CompressionType target,
                                PooledOutputStream converted, TopicSettings settings) {
        Codec codec = target == CompressionType.NONE ? null : require(target);
        try {
            return RecordBatchCompression.withRecords(sent, records, codec, converted);
        } catch (OutputLimitExceededException e) {
            throw new KarstException(Errors.MESSAGE_TOO_LARGE, "the batch converted to " + target
                    + " exceeds max.message.bytes (" + settings.maxMessageBytes() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new KarstException(Errors.UNKNOWN_SERVER_ERROR, "cannot compress a batch with " + target
                    + ": " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw codecGone(codec, e);
        }
    }

    private Codec require(CompressionType type) {
        return codecs.find(type).orElseThrow(() -> new KarstException(Errors.UNSUPPORTED_COMPRESSION_TYPE,
                "no " + type + " codec is installed (feature karst-codec-" + type + ")"));
    }

    /** A codec bundle uninstalled while a batch was in its hands: as if it had not been there. */
    private static KarstException codecGone(Codec codec, LinkageError e) {
        return new KarstException(Errors.UNSUPPORTED_COMPRESSION_TYPE, "the " + codec.name()
                + " codec went away while in use", e);
    }

    private static void closeAll(PooledOutputStream... streams) {
        for (PooledOutputStream s : streams) {
            if (s != null) {
                s.close();
            }
        }
    }
}
