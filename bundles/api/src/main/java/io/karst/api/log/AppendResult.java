package io.karst.api.log;

/**
 * Where appended batches landed.
 *
 * @param firstOffset     offset given to the first record appended
 * @param lastOffset      offset given to the last record appended
 * @param logAppendTime   the broker time stamped on the batches, or -1 when they keep CreateTime
 */
public record AppendResult(long firstOffset, long lastOffset, long logAppendTime) {
}
