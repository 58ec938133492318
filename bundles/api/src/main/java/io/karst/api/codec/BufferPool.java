package io.karst.api.codec;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Byte arrays kept for reuse, so that compressing or decompressing a batch does not allocate its
 * working buffers anew. Arrays come in power-of-two lengths from {@value #MIN_POOLED} bytes to
 * {@value #MAX_POOLED}; each length keeps at most a fixed number of arrays and drops the rest to the
 * garbage collector, which bounds what the pool holds. Requests beyond the largest length get a
 * fresh array that is not kept. Thread-safe.
 */
public final class BufferPool {
    /** The smallest array handed out. */
    public static final int MIN_POOLED = 1 << 10;
    /** The largest array kept. */
    public static final int MAX_POOLED = 1 << 24;

    private static final int MIN_SHIFT = Integer.numberOfTrailingZeros(MIN_POOLED);
    private static final int MAX_SHIFT = Integer.numberOfTrailingZeros(MAX_POOLED);

    private final ArrayBlockingQueue<byte[]>[] free;

    /** A pool keeping at most {@code keptPerLength} arrays of each length. */
    @SuppressWarnings("unchecked")
    public BufferPool(int keptPerLength) {
        if (keptPerLength < 1) {
            throw new IllegalArgumentException("a pool keeps at least one array per length, not " + keptPerLength);
        }
        free = new ArrayBlockingQueue[MAX_SHIFT - MIN_SHIFT + 1];
        for (int i = 0; i < free.length; i++) {
            free[i] = new ArrayBlockingQueue<>(keptPerLength);
        }
    }

    /** An array of at least {@code minLength} bytes, with undefined content. */
    public byte[] take(int minLength) {
        if (minLength < 0) {
            throw new IllegalArgumentException("negative buffer length " + minLength);
        }
        if (minLength > MAX_POOLED) {
            return new byte[minLength];
        }
        int shift = shiftFor(minLength);
        byte[] array = free[shift - MIN_SHIFT].poll();
        return array != null ? array : new byte[1 << shift];
    }

    /** Gives back an array from {@link #take}; the caller must not touch it afterwards. */
    public void give(byte[] array) {
        int length = array.length;
        if (length < MIN_POOLED || length > MAX_POOLED || Integer.bitCount(length) != 1) {
            return;
        }
        free[Integer.numberOfTrailingZeros(length) - MIN_SHIFT].offer(array);
    }

    /** Drops every kept array. */
    public void clear() {
        for (ArrayBlockingQueue<byte[]> queue : free) {
            queue.clear();
        }
    }

    private static int shiftFor(int minLength) {
        int shift = minLength <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(minLength - 1);
        return Math.max(shift, MIN_SHIFT);
    }
}
