package io.karst.codec.gzip.internal;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.codec.CompressionType;
import io.karst.api.codec.ContextPool;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * gzip (RFC 1952) as Kafka clients write it: one gzip member around a raw deflate stream at zlib's
 * default level. The JDK's zlib does the work; its deflate and inflate streams, which hold native
 * memory, are pooled and reset between batches rather than made per batch.
 */
@Component(service = Codec.class, property = {Codec.NAME_PROPERTY + "=gzip", Codec.ID_PROPERTY + ":Integer=1"})
public final class GzipCodec implements Codec, AutoCloseable {
    /** Idle contexts and buffers kept per pool: about one per request thread. */
    private static final int KEPT = 16;

    private final BufferPool buffers = new BufferPool(KEPT);
    private final ContextPool<Deflater> deflaters = new ContextPool<>(KEPT,
            () -> new Deflater(Deflater.DEFAULT_COMPRESSION, true), Deflater::reset, Deflater::end);
    private final ContextPool<Inflater> inflaters = new ContextPool<>(KEPT,
            () -> new Inflater(true), Inflater::reset, Inflater::end);

    @Override
    public String name() {
        return CompressionType.GZIP.kafkaName();
    }

    @Override
    public int id() {
        return CompressionType.GZIP.id();
    }

    @Override
    public String library() {
        return "java.util.zip " + Runtime.version();
    }

    @Override
    public OutputStream compress(OutputStream out) {
        return new GzipOutput(out, deflaters, buffers);
    }

    @Override
    public InputStream decompress(InputStream in) {
        return new GzipInput(in, inflaters, buffers);
    }

    /** Frees the pooled zlib streams. */
    @Deactivate
    @Override
    public void close() {
        deflaters.close();
        inflaters.close();
        buffers.clear();
    }
}
