package io.karst.protocol;

import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;

/**
 * A request header: v1 (api key, version, correlation id, client id with an int16 length) or v2,
 * which adds a tagged-field block for flexible request versions.
 *
 * @param api    the API, or null when Karst does not serve the key
 */
public record RequestHeader(short apiKey, short apiVersion, int correlationId, String clientId, ApiKeys api) {

    /**
     * Reads the header from the start of a request frame, leaving {@code frame} at the body.
     *
     * @throws ProtocolException when the frame is too short or malformed
     */
    public static RequestHeader read(ByteBuffer frame) {
        try {
            short key = frame.getShort();
            short version = frame.getShort();
            int correlationId = frame.getInt();
            String clientId = (String) FieldType.STRING.read(frame, false, true);
            ApiKeys api = ApiKeys.forId(key);
            if (api != null && api.isVersionSupported(version) && api.isFlexible(version)) {
                Schema.skipTaggedFields(frame);
            }
            return new RequestHeader(key, version, correlationId, clientId, api);
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("request header cut short", e);
        }
    }
}
