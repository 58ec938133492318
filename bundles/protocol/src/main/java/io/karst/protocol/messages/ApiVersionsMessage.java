package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** ApiVersions (key 18): the API versions the broker serves. Flexible from v3; the response header is always v0. */
public final class ApiVersionsMessage {
    private ApiVersionsMessage() {
    }

    public static final Schema REQUEST = new Schema(
            of("client_software_name", STRING).since(3),
            of("client_software_version", STRING).since(3));

    public static final Schema API_VERSION = new Schema(
            of("api_key", INT16),
            of("min_version", INT16),
            of("max_version", INT16));

    public static final Schema RESPONSE = new Schema(
            of("error_code", INT16),
            array("api_keys", API_VERSION),
            of("throttle_time_ms", INT32).since(1));
}
