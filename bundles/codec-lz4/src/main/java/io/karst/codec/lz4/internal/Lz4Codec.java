package io.karst.codec.lz4.internal;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.codec.CompressionType;
import io.karst.api.codec.LibraryVersion;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * lz4 as Kafka clients use it: an LZ4 frame of independent 64 KiB blocks without checksums, the
 * frame Kafka's Java client writes, and on reading any standard LZ4F frame of independent blocks
 * (librdkafka's). lz4-java does the block work, natively where it can load its library.
 */
@Component(service = Codec.class, property = {Codec.NAME_PROPERTY + "=lz4", Codec.ID_PROPERTY + ":Integer=3"})
public final class Lz4Codec implements Codec, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lz4Codec.class);
    private static final int KEPT = 16;

    private final BufferPool buffers = new BufferPool(KEPT);
    private final LZ4Compressor compressor;
    private final LZ4SafeDecompressor decompressor;
    private final XXHash32 hash;
    private final XXHashFactory hashes;
    private final String library;

    /** Picks lz4-java's native implementation, loading its library now, or its pure Java one where that fails. */
    public Lz4Codec() {
        LZ4Factory lz4 = nativeOrJava();
        this.compressor = lz4.fastCompressor();
        this.decompressor = lz4.safeDecompressor();
        this.hashes = XXHashFactory.fastestInstance();
        this.hash = hashes.hash32();
        this.library = "lz4-java " + LibraryVersion.of(LZ4Factory.class) + " (" + lz4 + ")";
    }

    /**
     * lz4-java's own choice ({@code fastestInstance}) never loads the native library from a class loader other than
     * the system one, which inside an OSGi framework means never: ask for it explicitly. Each bundle revision unpacks
     * its own copy of the library, so this survives the bundle being updated or reinstalled.
     */
    private static LZ4Factory nativeOrJava() {
        try {
            return LZ4Factory.nativeInstance();
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("lz4-java's native library does not load here ({}); using its pure Java implementation", e.toString());
            return LZ4Factory.fastestJavaInstance();
        }
    }

    @Override
    public String name() {
        return CompressionType.LZ4.kafkaName();
    }

    @Override
    public int id() {
        return CompressionType.LZ4.id();
    }

    @Override
    public String library() {
        return library;
    }

    @Override
    public OutputStream compress(OutputStream out) {
        return new Lz4FrameOutput(out, compressor, hash, buffers);
    }

    @Override
    public InputStream decompress(InputStream in) {
        return new Lz4FrameInput(in, decompressor, hash, hashes, buffers);
    }

    @Deactivate
    @Override
    public void close() {
        buffers.clear();
    }
}
