package io.karst.api.group;

/**
 * An offset a group committed for one partition.
 *
 * @param offset          the next offset the group will read
 * @param leaderEpoch     the leader epoch of the record before it, or -1
 * @param metadata        the client's metadata string (never null)
 * @param commitTimestamp when the broker stored it (ms)
 */
public record CommittedOffset(long offset, int leaderEpoch, String metadata, long commitTimestamp) {
    public CommittedOffset {
        metadata = metadata == null ? "" : metadata;
    }
}
