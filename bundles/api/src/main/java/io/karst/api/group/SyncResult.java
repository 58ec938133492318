package io.karst.api.group;

import io.karst.api.Errors;

/**
 * The answer to a SyncGroup: the member's assignment, or why there is none.
 *
 * @param error      NONE, or the error
 * @param assignment the member's part of the leader's assignment (empty on error)
 */
public record SyncResult(Errors error, byte[] assignment) {
    private static final byte[] NONE = new byte[0];

    public static SyncResult error(Errors error) {
        return new SyncResult(error, NONE);
    }
}
