package io.karst.protocol;

import io.karst.protocol.messages.AlterConfigsMessage;
import io.karst.protocol.messages.ApiVersionsMessage;
import io.karst.protocol.messages.DeleteRecordsMessage;
import io.karst.protocol.messages.DescribeConfigsMessage;
import io.karst.protocol.messages.IncrementalAlterConfigsMessage;
import io.karst.protocol.messages.CreateTopicsMessage;
import io.karst.protocol.messages.DeleteTopicsMessage;
import io.karst.protocol.messages.DescribeClusterMessage;
import io.karst.protocol.messages.FetchMessage;
import io.karst.protocol.messages.InitProducerIdMessage;
import io.karst.protocol.messages.ListOffsetsMessage;
import io.karst.protocol.messages.MetadataMessage;
import io.karst.protocol.messages.ProduceMessage;
import io.karst.protocol.messages.DescribeGroupsMessage;
import io.karst.protocol.messages.FindCoordinatorMessage;
import io.karst.protocol.messages.HeartbeatMessage;
import io.karst.protocol.messages.JoinGroupMessage;
import io.karst.protocol.messages.LeaveGroupMessage;
import io.karst.protocol.messages.ListGroupsMessage;
import io.karst.protocol.messages.OffsetCommitMessage;
import io.karst.protocol.messages.OffsetFetchMessage;
import io.karst.protocol.messages.SyncGroupMessage;

/**
 * The APIs Karst serves: key, the version range advertised in ApiVersions, the first flexible
 * version, and the request and response schemas. Ranges are capped at what librdkafka 2.0.2 knows,
 * so every client sends the same version (see docs/protocol.md).
 */
public enum ApiKeys {
    PRODUCE(0, 0, 8, 9, ProduceMessage.REQUEST, ProduceMessage.RESPONSE),
    FETCH(1, 4, 11, 12, FetchMessage.REQUEST, FetchMessage.RESPONSE),
    LIST_OFFSETS(2, 1, 2, 6, ListOffsetsMessage.REQUEST, ListOffsetsMessage.RESPONSE),
    METADATA(3, 0, 4, 9, MetadataMessage.REQUEST, MetadataMessage.RESPONSE),
    OFFSET_COMMIT(8, 2, 7, 8, OffsetCommitMessage.REQUEST, OffsetCommitMessage.RESPONSE),
    OFFSET_FETCH(9, 1, 7, 6, OffsetFetchMessage.REQUEST, OffsetFetchMessage.RESPONSE),
    FIND_COORDINATOR(10, 0, 2, 3, FindCoordinatorMessage.REQUEST, FindCoordinatorMessage.RESPONSE),
    JOIN_GROUP(11, 0, 5, 6, JoinGroupMessage.REQUEST, JoinGroupMessage.RESPONSE),
    HEARTBEAT(12, 0, 3, 4, HeartbeatMessage.REQUEST, HeartbeatMessage.RESPONSE),
    LEAVE_GROUP(13, 0, 3, 4, LeaveGroupMessage.REQUEST, LeaveGroupMessage.RESPONSE),
    SYNC_GROUP(14, 0, 3, 4, SyncGroupMessage.REQUEST, SyncGroupMessage.RESPONSE),
    DESCRIBE_GROUPS(15, 0, 4, 5, DescribeGroupsMessage.REQUEST, DescribeGroupsMessage.RESPONSE),
    LIST_GROUPS(16, 0, 2, 3, ListGroupsMessage.REQUEST, ListGroupsMessage.RESPONSE),
    API_VERSIONS(18, 0, 4, 3, ApiVersionsMessage.REQUEST, ApiVersionsMessage.RESPONSE),
    CREATE_TOPICS(19, 2, 4, 5, CreateTopicsMessage.REQUEST, CreateTopicsMessage.RESPONSE),
    DELETE_TOPICS(20, 1, 1, 4, DeleteTopicsMessage.REQUEST, DeleteTopicsMessage.RESPONSE),
    DELETE_RECORDS(21, 0, 1, 2, DeleteRecordsMessage.REQUEST, DeleteRecordsMessage.RESPONSE),
    INIT_PRODUCER_ID(22, 0, 4, 2, InitProducerIdMessage.REQUEST, InitProducerIdMessage.RESPONSE),
    DESCRIBE_CONFIGS(32, 1, 1, 4, DescribeConfigsMessage.REQUEST, DescribeConfigsMessage.RESPONSE),
    ALTER_CONFIGS(33, 0, 0, 2, AlterConfigsMessage.REQUEST, AlterConfigsMessage.RESPONSE),
    INCREMENTAL_ALTER_CONFIGS(44, 0, 0, 1, IncrementalAlterConfigsMessage.REQUEST, IncrementalAlterConfigsMessage.RESPONSE),
    DESCRIBE_CLUSTER(60, 0, 1, 0, DescribeClusterMessage.REQUEST, DescribeClusterMessage.RESPONSE);

    private static final ApiKeys[] BY_ID = new ApiKeys[61];

    static {
        for (ApiKeys api : values()) {
            BY_ID[api.id] = api;
        }
    }

    private final short id;
    private final short minVersion;
    private final short maxVersion;
    private final int firstFlexibleVersion;
    private final Schema requestSchema;
    private final Schema responseSchema;

    ApiKeys(int id, int minVersion, int maxVersion, int firstFlexibleVersion, Schema requestSchema,
            Schema responseSchema) {
        this.id = (short) id;
        this.minVersion = (short) minVersion;
        this.maxVersion = (short) maxVersion;
        this.firstFlexibleVersion = firstFlexibleVersion;
        this.requestSchema = requestSchema;
        this.responseSchema = responseSchema;
    }

    /** The API with wire key {@code id}, or null when Karst does not serve it. */
    public static ApiKeys forId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    public short id() {
        return id;
    }

    public short minVersion() {
        return minVersion;
    }

    public short maxVersion() {
        return maxVersion;
    }

    public boolean isVersionSupported(int version) {
        return version >= minVersion && version <= maxVersion;
    }

    /** Whether {@code version} uses compact types and tagged fields. */
    public boolean isFlexible(int version) {
        return version >= firstFlexibleVersion;
    }

    public Schema requestSchema() {
        return requestSchema;
    }

    public Schema responseSchema() {
        return responseSchema;
    }

    /**
     * Whether responses carry header v1 (tagged fields) at {@code version}. ApiVersions responses
     * always use header v0 so that a client can read them before it knows the broker's versions.
     */
    public boolean responseHeaderFlexible(int version) {
        return this != API_VERSIONS && isFlexible(version);
    }
}
