package io.karst.group.coordinator.internal;

import io.karst.api.group.JoinResult;
import io.karst.api.group.MemberProtocol;
import io.karst.api.group.SyncResult;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One member of a classic group: who it is, its timeouts and protocols, its assignment, and the
 * JoinGroup or SyncGroup answer it is waiting for. Guarded by its group's lock.
 */
final class MemberMetadata {
    static final byte[] NO_ASSIGNMENT = new byte[0];

    private final String memberId;
    private final String groupInstanceId;
    private final String clientId;
    private final String clientHost;
    private int rebalanceTimeoutMs;
    private int sessionTimeoutMs;
    private String protocolType;
    private List<MemberProtocol> protocols;
    private byte[] assignment = NO_ASSIGNMENT;
    private CompletableFuture<JoinResult> awaitingJoin;
    private CompletableFuture<SyncResult> awaitingSync;
    private long heartbeatDeadline;
    private boolean expiryScheduled;

    MemberMetadata(String memberId, String groupInstanceId, String clientId, String clientHost,
                   int rebalanceTimeoutMs, int sessionTimeoutMs, String protocolType, List<MemberProtocol> protocols) {
        this.memberId = memberId;
        this.groupInstanceId = groupInstanceId;
        this.clientId = clientId;
        this.clientHost = clientHost;
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.protocolType = protocolType;
        this.protocols = List.copyOf(protocols);
    }

    String memberId() {
        return memberId;
    }

    String groupInstanceId() {
        return groupInstanceId;
    }

    String clientId() {
        return clientId;
    }

    String clientHost() {
        return clientHost;
    }

    int rebalanceTimeoutMs() {
        return rebalanceTimeoutMs;
    }

    int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    String protocolType() {
        return protocolType;
    }

    List<MemberProtocol> protocols() {
        return protocols;
    }

    /** The member's metadata for {@code protocol}, or null when it does not support it. */
    byte[] metadata(String protocol) {
        for (MemberProtocol p : protocols) {
            if (p.name().equals(protocol)) {
                return p.metadata();
            }
        }
        return null;
    }

    /** Whether {@code others} are exactly this member's protocols and metadata. */
    boolean hasProtocols(List<MemberProtocol> others) {
        if (others.size() != protocols.size()) {
            return false;
        }
        for (int i = 0; i < others.size(); i++) {
            MemberProtocol a = protocols.get(i);
            MemberProtocol b = others.get(i);
            if (!a.name().equals(b.name()) || !Arrays.equals(a.metadata(), b.metadata())) {
                return false;
            }
        }
        return true;
    }

    void update(int rebalanceTimeoutMs, int sessionTimeoutMs, String protocolType, List<MemberProtocol> protocols) {
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.protocolType = protocolType;
        this.protocols = List.copyOf(protocols);
    }

    byte[] assignment() {
        return assignment;
    }

    void setAssignment(byte[] assignment) {
        this.assignment = assignment == null ? NO_ASSIGNMENT : assignment;
    }

    boolean isAwaitingJoin() {
        return awaitingJoin != null;
    }

    void awaitJoin(CompletableFuture<JoinResult> answer) {
        this.awaitingJoin = answer;
    }

    void awaitSync(CompletableFuture<SyncResult> answer) {
        this.awaitingSync = answer;
    }

    /** Answers a waiting JoinGroup, if any; returns whether there was one. */
    boolean completeJoin(JoinResult result) {
        CompletableFuture<JoinResult> waiting = awaitingJoin;
        awaitingJoin = null;
        return waiting != null && waiting.complete(result);
    }

    /** Answers a waiting SyncGroup, if any. */
    void completeSync(SyncResult result) {
        CompletableFuture<SyncResult> waiting = awaitingSync;
        awaitingSync = null;
        if (waiting != null) {
            waiting.complete(result);
        }
    }

    long heartbeatDeadline() {
        return heartbeatDeadline;
    }

    /** Sets the session deadline to {@code now} + the session timeout. */
    void heartbeatReceived(long now) {
        heartbeatDeadline = now + sessionTimeoutMs;
    }

    /** Members waiting for a JoinGroup or SyncGroup answer cannot heartbeat; they are kept alive. */
    boolean keptAlive() {
        return awaitingJoin != null || awaitingSync != null;
    }

    boolean expiryScheduled() {
        return expiryScheduled;
    }

    void setExpiryScheduled(boolean scheduled) {
        this.expiryScheduled = scheduled;
    }
}
