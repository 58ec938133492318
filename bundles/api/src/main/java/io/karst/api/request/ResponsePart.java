package io.karst.api.request;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/** A piece of a response frame: bytes in memory, or a region of a file sent with sendfile. */
public sealed interface ResponsePart {

    long size();

    /** Bytes from memory, sent from the buffer's position to its limit. */
    record Bytes(ByteBuffer buffer) implements ResponsePart {
        @Override
        public long size() {
            return buffer.remaining();
        }
    }

    /** {@code count} bytes of {@code file} from {@code position}, sent without passing through the heap. */
    record FileRegion(Path file, long position, long count) implements ResponsePart {
        @Override
        public long size() {
            return count;
        }
    }
}
