package io.karst.api.group;

import io.karst.api.Errors;

import java.util.List;

/**
 * The answer to a JoinGroup.
 *
 * @param error        NONE, or why the member could not join
 * @param memberId     the member's id (a new one with MEMBER_ID_REQUIRED)
 * @param generationId the new generation, -1 on error
 * @param protocolName the protocol chosen for the generation
 * @param leaderId     the member that computes the assignment
 * @param members      every member with its metadata, for the leader only; empty for the others
 */
public record JoinResult(Errors error, String memberId, int generationId, String protocolName, String leaderId,
                         List<JoinedMember> members) {

    /** A member as the leader sees it: id, static instance id, metadata for the chosen protocol. */
    public record JoinedMember(String memberId, String groupInstanceId, byte[] metadata) {
    }

    public static JoinResult error(Errors error, String memberId) {
        return new JoinResult(error, memberId, -1, "", "", List.of());
    }
}
