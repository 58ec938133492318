package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.string;

/** ApiVersions (key 18): the API versions the broker serves. Flexible from v3; the response header is always v0. */
public final class ApiVersionsMessage {
    private ApiVersionsMessage() {
    }

    public static final Field<String> CLIENT_SOFTWARE_NAME = string("client_software_name").since(3);
    public static final Field<String> CLIENT_SOFTWARE_VERSION = string("client_software_version").since(3);
    public static final Schema REQUEST = new Schema(CLIENT_SOFTWARE_NAME, CLIENT_SOFTWARE_VERSION);

    public static final Field<Short> API_KEY = int16("api_key");
    public static final Field<Short> MIN_VERSION = int16("min_version");
    public static final Field<Short> MAX_VERSION = int16("max_version");
    public static final Schema API_VERSION = new Schema(API_KEY, MIN_VERSION, MAX_VERSION);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<List<Struct>> API_KEYS = array("api_keys", API_VERSION);
    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Schema RESPONSE = new Schema(ERROR_CODE, API_KEYS, THROTTLE_TIME_MS);
}
