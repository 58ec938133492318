package io.karst.codec.snappy.internal;

import io.karst.api.codec.BlockOutputStream;
import io.karst.api.codec.BufferPool;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.io.OutputStream;

/** Writes xerial-framed snappy: the header, then one chunk per 32 KiB of input, from pooled buffers. */
final class SnappyFramedOutput extends BlockOutputStream {

    SnappyFramedOutput(OutputStream out, BufferPool buffers) {
        super(out, buffers, XerialFraming.CHUNK_INPUT, Snappy.maxCompressedLength(XerialFraming.CHUNK_INPUT),
                "snappy");
    }

    @Override
    protected void writeHeader() throws IOException {
        out.write(XerialFraming.MAGIC);
        writeInt(XerialFraming.VERSION);
        writeInt(XerialFraming.COMPATIBLE_VERSION);
    }

    /** A chunk: its compressed length (big-endian int32), then the raw snappy block. */
    @Override
    protected void writeBlock(byte[] input, int length, byte[] compressed) throws IOException {
        int size = Snappy.rawCompress(input, 0, length, compressed, 0);
        writeInt(size);
        out.write(compressed, 0, size);
    }

    /** The framing has no end marker: the stream simply ends after the last chunk. */
    @Override
    protected void writeEnd() {
    }

    private void writeInt(int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
