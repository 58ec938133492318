package io.karst.storage.internal;

/**
 * An offset index entry: the batch whose last offset is {@code offset} starts at {@code position} in the
 * segment's {@code .log}.
 */
record OffsetPosition(long offset, int position) {
}
