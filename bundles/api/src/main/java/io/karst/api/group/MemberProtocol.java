package io.karst.api.group;

/**
 * One assignment protocol a member supports (e.g. {@code range}, {@code cooperative-sticky}) with
 * the member's metadata for it (its subscription), opaque to the coordinator.
 */
public record MemberProtocol(String name, byte[] metadata) {
}
