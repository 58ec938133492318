package io.karst.codec.snappy.internal;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.codec.CompressionType;
import io.karst.api.codec.LibraryVersion;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.xerial.snappy.Snappy;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * snappy as Kafka clients use it: the Java client writes and reads xerial's framing (a header, then
 * length-prefixed raw snappy chunks of 32 KiB input); librdkafka 2.0.2 writes one raw snappy block.
 * This codec writes the framing and reads both. snappy-java's native library does the work.
 */
@Component(service = Codec.class, property = {Codec.NAME_PROPERTY + "=snappy", Codec.ID_PROPERTY + ":Integer=2"})
public final class SnappyCodec implements Codec, AutoCloseable {
    private static final int KEPT = 16;

    private final BufferPool buffers = new BufferPool(KEPT);
    private final String library;

    /** Loads the native library now, so that a platform without it fails here and not on the first batch. */
    public SnappyCodec() {
        Snappy.maxCompressedLength(1);
        this.library = "snappy-java " + LibraryVersion.of(Snappy.class);
    }

    @Override
    public String name() {
        return CompressionType.SNAPPY.kafkaName();
    }

    @Override
    public int id() {
        return CompressionType.SNAPPY.id();
    }

    @Override
    public String library() {
        return library;
    }

    @Override
    public OutputStream compress(OutputStream out) {
        return new SnappyFramedOutput(out, buffers);
    }

    @Override
    public InputStream decompress(InputStream in) {
        return new SnappyInput(in, buffers);
    }

    @Deactivate
    @Override
    public void close() {
        buffers.clear();
    }
}
