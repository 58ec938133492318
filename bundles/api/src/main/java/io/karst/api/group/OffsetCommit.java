package io.karst.api.group;

/**
 * An offset to commit, as OffsetCommit carries it.
 *
 * @param offset      the next offset the group will consume
 * @param leaderEpoch the leader epoch of the record before it, or -1
 * @param metadata    the client's metadata string
 */
public record OffsetCommit(long offset, int leaderEpoch, String metadata) {
}
