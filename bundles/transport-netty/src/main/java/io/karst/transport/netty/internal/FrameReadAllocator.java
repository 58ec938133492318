package io.karst.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * One connection's choice of buffer for each socket read: where a frame has started, the rest of it is
 * read into the {@link FrameDecoder}'s pending buffer; otherwise the channel's usual allocator decides,
 * and it keeps learning read sizes from every read either way.
 */
final class FrameReadAllocator implements RecvByteBufAllocator {

    private final RecvByteBufAllocator sizes;
    private final FrameDecoder frames;

    FrameReadAllocator(RecvByteBufAllocator sizes, FrameDecoder frames) {
        this.sizes = sizes;
        this.frames = frames;
    }

    @Override
    public Handle newHandle() {
        return new FrameReadHandle(sizes.newHandle());
    }

    /** Netty's epoll transport requires an {@link ExtendedHandle}; every call but allocate is delegated. */
    private final class FrameReadHandle extends DelegatingHandle implements ExtendedHandle {

        FrameReadHandle(Handle sizes) {
            super(sizes);
        }

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            ByteBuf target = frames.readTarget(alloc, guess());
            return target != null ? target : super.allocate(alloc);
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
            Handle sizes = delegate();
            return sizes instanceof ExtendedHandle extended
                    ? extended.continueReading(maybeMoreDataSupplier)
                    : sizes.continueReading();
        }
    }
}
