package io.karst.api.group;

import java.util.List;

/**
 * What a JoinGroup asks.
 *
 * @param groupId              the group
 * @param memberId             empty on a first join
 * @param groupInstanceId      the static instance id (KIP-345), or null for a dynamic member
 * @param requireKnownMemberId v4+: a first join gets MEMBER_ID_REQUIRED with a new id to rejoin with
 * @param clientId             the client id of the request header
 * @param clientHost           the client's address
 * @param rebalanceTimeoutMs   how long the coordinator waits for the member to rejoin in a rebalance
 * @param sessionTimeoutMs     how long the member lives without a heartbeat
 * @param protocolType         e.g. {@code consumer}
 * @param protocols            the assignors it supports, by preference, with its subscription
 */
public record JoinRequest(String groupId, String memberId, String groupInstanceId, boolean requireKnownMemberId,
                          String clientId, String clientHost, int rebalanceTimeoutMs, int sessionTimeoutMs,
                          String protocolType, List<MemberProtocol> protocols) {

    /** The rebalance timeout; v0 has none, and the session timeout stands in for it. */
    public int effectiveRebalanceTimeoutMs() {
        return rebalanceTimeoutMs < 0 ? sessionTimeoutMs : rebalanceTimeoutMs;
    }
}
