package io.karst.broker.internal;

import io.karst.api.broker.OffsetSpec;
import io.karst.api.log.TimestampAndOffset;

import java.io.IOException;

/** Turns an {@link OffsetSpec} into an offset of one partition, within its log's bounds. */
final class OffsetResolver {
    private OffsetResolver() {
    }

    static long resolve(Partition partition, OffsetSpec spec) throws IOException {
        long start = partition.log().logStartOffset();
        long end = partition.highWatermark();
        if (spec instanceof OffsetSpec.Earliest) {
            return start;
        }
        if (spec instanceof OffsetSpec.Latest) {
            return end;
        }
        if (spec instanceof OffsetSpec.At at) {
            return Math.max(start, Math.min(end, at.offset()));
        }
        long timestamp = ((OffsetSpec.ForTime) spec).timestamp();
        return partition.log().offsetForTimestamp(timestamp).map(TimestampAndOffset::offset).orElse(end);
    }
}
