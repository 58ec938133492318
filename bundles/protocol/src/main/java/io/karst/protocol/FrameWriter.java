package io.karst.protocol;

import io.karst.api.request.ResponsePart;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects an encoded frame: bytes go into one heap buffer sized in advance, and file regions
 * (record data sent with sendfile) are spliced between its slices without being copied.
 */
public final class FrameWriter {
    private final ByteBuffer buf;
    private final List<ResponsePart> parts = new ArrayList<>();
    private int sliceStart;

    /** A writer for a frame holding {@code heapBytes} bytes outside file regions. */
    public FrameWriter(int heapBytes) {
        this.buf = ByteBuffer.allocate(heapBytes);
    }

    public ByteBuffer buffer() {
        return buf;
    }

    /** Appends a file region at the current point of the frame. */
    public void fileRegion(ResponsePart.FileRegion region) {
        cutSlice();
        parts.add(region);
    }

    /** The frame's parts, in order. */
    public List<ResponsePart> parts() {
        if (buf.position() != buf.capacity()) {
            throw new IllegalStateException("frame sized " + buf.capacity() + " bytes but " + buf.position() + " written");
        }
        cutSlice();
        return parts;
    }

    private void cutSlice() {
        if (buf.position() > sliceStart) {
            parts.add(new ResponsePart.Bytes(buf.duplicate().position(sliceStart).limit(buf.position()).slice()));
            sliceStart = buf.position();
        }
    }
}
