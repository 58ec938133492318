package io.karst.codec.zstd.internal;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import io.karst.api.codec.BufferPool;
import io.karst.api.codec.ContextPool;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** Writes one zstd frame through a pooled compression context and a pooled output buffer. */
final class ZstdOutput extends OutputStream {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final OutputStream out;
    private final ContextPool<ZstdCompressCtx> contexts;
    private final BufferPool buffers;
    private ZstdCompressCtx context;
    private ByteBuffer buffer;

    ZstdOutput(OutputStream out, ContextPool<ZstdCompressCtx> contexts, BufferPool buffers) {
        this.out = out;
        this.contexts = contexts;
        this.buffers = buffers;
        this.context = contexts.take();
        this.buffer = ByteBuffer.wrap(buffers.take(BUFFER_SIZE));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (context == null) {
            throw new IOException("zstd stream is closed");
        }
        ByteBuffer input = ByteBuffer.wrap(b, off, len);
        while (input.hasRemaining()) {
            compress(input, EndDirective.CONTINUE);
        }
    }

    @Override
    public void close() throws IOException {
        if (context == null) {
            return;
        }
        try {
            while (!compress(NOTHING.duplicate(), EndDirective.END)) {
                // the frame's end is still being flushed
            }
        } finally {
            contexts.give(context);
            buffers.give(buffer.array());
            context = null;
            buffer = null;
        }
    }

    /** One compression step; writes what it produced and returns whether everything is flushed. */
    private boolean compress(ByteBuffer input, EndDirective directive) throws IOException {
        boolean flushed;
        try {
            flushed = context.compressByteBufferStream(buffer, input, directive);
        } catch (ZstdException e) {
            throw new IOException("zstd compression failed: " + e.getMessage(), e);
        }
        if (buffer.position() > 0) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return flushed;
    }
}
