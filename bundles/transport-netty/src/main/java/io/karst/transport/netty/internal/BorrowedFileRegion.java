package io.karst.transport.netty.internal;

import io.netty.channel.DefaultFileRegion;

import java.nio.channels.FileChannel;

/**
 * A file region over a channel that the log store owns: sent like any {@link DefaultFileRegion}
 * (with sendfile, natively on epoll), but released without closing the channel, which other
 * fetches go on reading.
 */
final class BorrowedFileRegion extends DefaultFileRegion {

    BorrowedFileRegion(FileChannel channel, long position, long count) {
        super(channel, position, count);
    }

    @Override
    protected void deallocate() {
        // the channel is the store's: it closes it when the segment goes
    }
}
