package io.karst.api.codec;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Codec contexts kept for reuse (a zlib stream, a zstd context): creating one per batch costs more
 * than the batch, since each holds native memory that must be allocated and freed. A context is
 * made on demand, reset when given back and kept up to a bound; beyond it, and on {@link #close()},
 * contexts are destroyed, which frees their native memory. Thread-safe.
 *
 * @param <T> the context type
 */
public final class ContextPool<T> implements AutoCloseable {
    private final ArrayBlockingQueue<T> free;
    private final Supplier<T> create;
    private final Consumer<T> reset;
    private final Consumer<T> destroy;
    private volatile boolean closed;

    /**
     * @param kept    how many idle contexts to keep
     * @param create  makes a ready context
     * @param reset   readies a used context for its next stream
     * @param destroy frees a context for good
     */
    public ContextPool(int kept, Supplier<T> create, Consumer<T> reset, Consumer<T> destroy) {
        this.free = new ArrayBlockingQueue<>(kept);
        this.create = create;
        this.reset = reset;
        this.destroy = destroy;
    }

    /** A ready context, reused when one is idle. */
    public T take() {
        T context = free.poll();
        return context != null ? context : create.get();
    }

    /** Gives back a context from {@link #take}, once its stream is done with it. */
    public void give(T context) {
        if (closed) {
            destroy.accept(context);
            return;
        }
        try {
            reset.accept(context);
        } catch (RuntimeException e) {
            // a context that cannot be reset is not reused
            destroy.accept(context);
            throw e;
        }
        if (!free.offer(context) || (closed && free.remove(context))) {
            // over the bound, or the pool closed while the context went in
            destroy.accept(context);
        }
    }

    /** Destroys the idle contexts; contexts given back later are destroyed too. */
    @Override
    public void close() {
        closed = true;
        T context;
        while ((context = free.poll()) != null) {
            destroy.accept(context);
        }
    }
}
