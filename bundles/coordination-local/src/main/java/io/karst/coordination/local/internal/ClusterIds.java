package io.karst.coordination.local.internal;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/** Creates cluster ids the way Kafka prints them: 16 random bytes, URL-safe base64 without padding (22 chars). */
final class ClusterIds {

    private ClusterIds() {
    }

    static String random() {
        String id;
        // Kafka avoids ids that start with '-': command-line tools would take them for options.
        do {
            id = encode(UUID.randomUUID());
        } while (id.startsWith("-"));
        return id;
    }

    static String encode(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits());
        bytes.putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
