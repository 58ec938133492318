package io.karst.codec.zstd.internal;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import io.karst.api.codec.BufferPool;
import io.karst.api.codec.ContextPool;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads zstd frames (one or more in a row) through a pooled decompression context and a pooled input
 * buffer. An empty input, a frame cut short or bytes that are not a frame fail the read.
 */
final class ZstdInput extends InputStream {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final ContextPool<ZstdDecompressCtx> contexts;
    private final BufferPool buffers;
    private ZstdDecompressCtx context;
    private ByteBuffer input;
    private boolean inputEnded;
    private boolean started;
    /** Whether the last step ended a frame with nothing left to flush. */
    private boolean frameComplete;

    ZstdInput(InputStream in, ContextPool<ZstdDecompressCtx> contexts, BufferPool buffers) {
        this.in = in;
        this.contexts = contexts;
        this.buffers = buffers;
        this.context = contexts.take();
        this.input = ByteBuffer.wrap(buffers.take(BUFFER_SIZE)).limit(0);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (context == null) {
            throw new IOException("zstd stream is closed");
        }
        if (len == 0) {
            return 0;
        }
        ByteBuffer output = ByteBuffer.wrap(b, off, len);
        while (true) {
            if (!input.hasRemaining() && !inputEnded) {
                fill();
            }
            if (!input.hasRemaining() && inputEnded) {
                if (!started) {
                    throw new EOFException("empty zstd stream");
                }
                if (frameComplete) {
                    return -1;
                }
                // the end of the input: flush what the context still holds, if anything
                decompress(output);
                int n = output.position() - off;
                if (n > 0) {
                    return n;
                }
                if (!frameComplete) {
                    throw new EOFException("zstd stream cut short inside a frame");
                }
                return -1;
            }
            started = true;
            int before = input.position();
            decompress(output);
            int n = output.position() - off;
            if (n > 0) {
                return n;
            }
            if (input.position() == before && input.hasRemaining()) {
                throw new IOException("zstd decompression made no progress");
            }
        }
    }

    private void decompress(ByteBuffer output) throws IOException {
        try {
            frameComplete = context.decompressByteBufferStream(output, input);
        } catch (ZstdException e) {
            throw new IOException("corrupt zstd stream: " + e.getMessage(), e);
        }
    }

    private void fill() throws IOException {
        int n = in.read(input.array(), 0, input.capacity());
        if (n < 0) {
            inputEnded = true;
        } else {
            input.position(0).limit(n);
        }
    }

    @Override
    public void close() {
        if (context == null) {
            return;
        }
        contexts.give(context);
        buffers.give(input.array());
        context = null;
        input = null;
    }
}
