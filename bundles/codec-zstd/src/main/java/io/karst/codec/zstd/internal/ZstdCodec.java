package io.karst.codec.zstd.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.util.Native;
import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.codec.CompressionType;
import io.karst.api.codec.ContextPool;
import io.karst.api.codec.LibraryVersion;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * zstd as Kafka clients use it: standard zstd frames, written at Kafka's default level 3 without a
 * content size (the size is not known while streaming), read with or without one, several frames
 * in a row included. zstd-jni's native library does the work; its compression and decompression
 * contexts hold megabytes of native memory, so they are pooled and reset, not made per batch.
 */
@Component(service = Codec.class, property = {Codec.NAME_PROPERTY + "=zstd", Codec.ID_PROPERTY + ":Integer=4"})
public final class ZstdCodec implements Codec, AutoCloseable {
    /** Kafka's default {@code compression.zstd.level}. */
    static final int LEVEL = 3;
    private static final int KEPT = 16;

    private final BufferPool buffers = new BufferPool(KEPT);
    private final ContextPool<ZstdCompressCtx> compressors = new ContextPool<>(KEPT,
            () -> new ZstdCompressCtx().setLevel(LEVEL), ctx -> {
                ctx.reset();
                ctx.setLevel(LEVEL);
            }, ZstdCompressCtx::close);
    private final ContextPool<ZstdDecompressCtx> decompressors = new ContextPool<>(KEPT,
            ZstdDecompressCtx::new, ZstdDecompressCtx::reset, ZstdDecompressCtx::close);
    private final String library;

    /** Loads zstd-jni's native library now, so that a platform without it fails here. */
    public ZstdCodec() {
        Native.load();
        this.library = "zstd-jni " + LibraryVersion.of(Zstd.class);
    }

    @Override
    public String name() {
        return CompressionType.ZSTD.kafkaName();
    }

    @Override
    public int id() {
        return CompressionType.ZSTD.id();
    }

    @Override
    public String library() {
        return library;
    }

    @Override
    public OutputStream compress(OutputStream out) {
        return new ZstdOutput(out, compressors, buffers);
    }

    @Override
    public InputStream decompress(InputStream in) {
        return new ZstdInput(in, decompressors, buffers);
    }

    @Deactivate
    @Override
    public void close() {
        compressors.close();
        decompressors.close();
        buffers.clear();
    }
}
