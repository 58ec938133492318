package io.karst.api.group;

/**
 * A member that LeaveGroup names.
 *
 * @param memberId        its member id; empty when an admin removes a static member by instance id
 * @param groupInstanceId its static instance id (KIP-345), or null
 */
public record LeavingMember(String memberId, String groupInstanceId) {
}
