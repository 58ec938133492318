package io.karst.protocol;

import io.karst.api.request.ResponsePart;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.List;

/** Reads request bodies and writes response frames from the schemas in {@link ApiKeys}. */
public final class Protocol {
    private Protocol() {
    }

    /**
     * Reads the body of a request whose header was just read; the body must fill the frame.
     *
     * @throws ProtocolException when the body is malformed, too short, or has bytes left over
     */
    public static Struct readRequest(RequestHeader header, ByteBuffer body) {
        ApiKeys api = header.api();
        int version = header.apiVersion();
        try {
            Struct struct = api.requestSchema().read(body, version, api.isFlexible(version));
            if (body.hasRemaining()) {
                throw new ProtocolException(api + " v" + version + " request has " + body.remaining()
                        + " bytes after its body");
            }
            return struct;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new ProtocolException(api + " v" + version + " request is malformed", e);
        }
    }

    /** A new, empty response body of {@code api} at {@code version}. */
    public static Struct newResponse(ApiKeys api, int version) {
        return api.responseSchema().newStruct(version);
    }

    /** A new, empty request body of {@code api} at {@code version} (for clients of Karst, such as followers and tests). */
    public static Struct newRequest(ApiKeys api, int version) {
        return api.requestSchema().newStruct(version);
    }

    /** The response frame (header and body, without the size prefix) as parts to send. */
    public static List<ResponsePart> writeResponse(ApiKeys api, int version, int correlationId, Struct body) {
        boolean flexible = api.isFlexible(version);
        boolean flexibleHeader = api.responseHeaderFlexible(version);
        Sizer sizer = new Sizer();
        sizer.add(flexibleHeader ? 5 : 4);
        api.responseSchema().size(sizer, body, version, flexible);
        FrameWriter out = new FrameWriter(sizer.heapBytes());
        out.buffer().putInt(correlationId);
        if (flexibleHeader) {
            ByteUtils.writeUnsignedVarint(out.buffer(), 0);
        }
        api.responseSchema().write(out, body, version, flexible);
        return out.parts();
    }

    /** Writes a request frame (header v1/v2 and body, without the size prefix) into one buffer. */
    public static ByteBuffer writeRequest(ApiKeys api, int version, int correlationId, String clientId, Struct body) {
        boolean flexible = api.isFlexible(version);
        Sizer sizer = new Sizer();
        sizer.add(8 + (flexible ? 1 : 0));
        FieldType.STRING.size(sizer, clientId, false, true);
        api.requestSchema().size(sizer, body, version, flexible);
        FrameWriter out = new FrameWriter(sizer.heapBytes());
        out.buffer().putShort(api.id()).putShort((short) version).putInt(correlationId);
        FieldType.STRING.write(out, clientId, false, true);
        if (flexible) {
            ByteUtils.writeUnsignedVarint(out.buffer(), 0);
        }
        api.requestSchema().write(out, body, version, flexible);
        return out.buffer().flip();
    }

    /** Reads a response frame's body (after the size prefix) for {@code api} at {@code version}. */
    public static Struct readResponse(ApiKeys api, int version, ByteBuffer frame) {
        frame.getInt(); // correlation id
        if (api.responseHeaderFlexible(version)) {
            Schema.skipTaggedFields(frame);
        }
        return api.responseSchema().read(frame, version, api.isFlexible(version));
    }
}
