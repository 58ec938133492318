package io.karst.api.request;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

    /**
     * {@code count} bytes of an open file from {@code position}, sent without passing through the
     * heap. The channel belongs to whoever made the region (the log store): the transport reads it
     * and never closes it.
     *
     * @param file    the file's name, for messages
     * @param channel the open file
     */
    record FileRegion(Path file, FileChannel channel, long position, long count) implements ResponsePart {
        @Override
        public long size() {
            return count;
        }
    }
}
