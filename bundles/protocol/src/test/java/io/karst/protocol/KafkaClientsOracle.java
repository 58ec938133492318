package io.karst.protocol;

import io.karst.api.request.ResponsePart;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** The real Kafka client's message classes, used as the reference for our bytes. */
final class KafkaClientsOracle {
    private KafkaClientsOracle() {
    }

    static ByteBuffer serialize(ApiMessage message, int version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buf = ByteBuffer.allocate(message.size(cache, (short) version));
        message.write(new ByteBufferAccessor(buf), cache, (short) version);
        return buf.flip();
    }

    static ApiMessage parseRequest(int apiKey, int version, ByteBuffer body) {
        ApiMessage message = ApiMessageType.fromApiKey((short) apiKey).newRequest();
        message.read(new ByteBufferAccessor(body), (short) version);
        return message;
    }

    static ApiMessage parseResponse(int apiKey, int version, ByteBuffer body) {
        ApiMessage message = ApiMessageType.fromApiKey((short) apiKey).newResponse();
        message.read(new ByteBufferAccessor(body), (short) version);
        return message;
    }

    /** Concatenates response parts, reading file regions from disk. */
    static ByteBuffer join(List<ResponsePart> parts) throws IOException {
        long size = 0;
        for (ResponsePart p : parts) {
            size += p.size();
        }
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
        for (ResponsePart p : parts) {
            if (p instanceof ResponsePart.Bytes b) {
                all.put(b.buffer().duplicate());
            } else if (p instanceof ResponsePart.FileRegion f) {
                ByteBuffer region = ByteBuffer.allocate(Math.toIntExact(f.count()));
                f.channel().read(region, f.position());
                all.put(region.flip());
            }
        }
        return all.flip();
    }
}
