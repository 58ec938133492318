package io.karst.itests.protocol;

import io.karst.itests.Clients;
import io.karst.itests.KarstExtension;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AlterConfigsResponse;
import org.apache.kafka.common.requests.DescribeConfigsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AlterConfigs v0 (the whole-set API that Java 3.x and librdkafka use; the 4.x Admin client has only the
 * incremental one) and DescribeConfigs v1 at the protocol level, for topics and the read-only broker.
 */
@Timeout(60)
class ConfigsProtocolTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    private static AlterConfigsResponseData.AlterConfigsResourceResponse alter(byte type, String name,
                                                                              Map<String, String> configs) throws IOException {
        AlterConfigsRequestData.AlterableConfigCollection entries = new AlterConfigsRequestData.AlterableConfigCollection();
        configs.forEach((key, value) -> entries.add(new AlterConfigsRequestData.AlterableConfig().setName(key).setValue(value)));
        AlterConfigsRequestData request = new AlterConfigsRequestData();
        request.resources().add(new AlterConfigsRequestData.AlterConfigsResource()
                .setResourceType(type).setResourceName(name).setConfigs(entries));
        try (RawConnection connection = RawConnection.open(karst.port())) {
            return connection.request(ApiKeys.ALTER_CONFIGS, (short) 0, request, AlterConfigsResponse.class)
                    .data().responses().get(0);
        }
    }

    private static DescribeConfigsResponseData.DescribeConfigsResult describe(byte type, String name) throws IOException {
        DescribeConfigsRequestData request = new DescribeConfigsRequestData().setIncludeSynonyms(true);
        request.resources().add(new DescribeConfigsRequestData.DescribeConfigsResource()
                .setResourceType(type).setResourceName(name).setConfigurationKeys(null));
        try (RawConnection connection = RawConnection.open(karst.port())) {
            return connection.request(ApiKeys.DESCRIBE_CONFIGS, (short) 1, request, DescribeConfigsResponse.class)
                    .data().results().get(0);
        }
    }

    private static Map<String, DescribeConfigsResponseData.DescribeConfigsResourceResult> byName(
            DescribeConfigsResponseData.DescribeConfigsResult result) {
        return result.configs().stream().collect(Collectors.toMap(
                DescribeConfigsResponseData.DescribeConfigsResourceResult::name, c -> c));
    }

    @Test
    void alterConfigsReplacesTheWholeSetOfOverrides() throws Exception {
        String topic = "legacy-alter";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        byte type = ConfigResource.Type.TOPIC.id();

        assertThat(alter(type, topic, Map.of("retention.ms", "1000", "cleanup.policy", "compact")).errorCode())
                .isEqualTo(Errors.NONE.code());
        var configs = byName(describe(type, topic));
        assertThat(configs.get("retention.ms").value()).isEqualTo("1000");
        assertThat(configs.get("retention.ms").configSource()).isEqualTo(ConfigEntrySource.DYNAMIC_TOPIC);
        assertThat(configs.get("retention.ms").synonyms()).extracting(s -> s.name())
                .containsExactly("retention.ms", "log.retention.ms");

        assertThat(alter(type, topic, Map.of("segment.ms", "60000")).errorCode()).isEqualTo(Errors.NONE.code());
        configs = byName(describe(type, topic));
        assertThat(configs.get("retention.ms").value()).as("left out: back to the default").isEqualTo("604800000");
        assertThat(configs.get("retention.ms").configSource()).isEqualTo(ConfigEntrySource.DEFAULT);
        assertThat(configs.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(configs.get("segment.ms").value()).isEqualTo("60000");
    }

    @Test
    void badValuesUnknownTopicsAndBrokersAreRefused() throws Exception {
        String topic = "legacy-bad";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        byte topicType = ConfigResource.Type.TOPIC.id();

        var bad = alter(topicType, topic, Map.of("min.cleanable.dirty.ratio", "1.5"));
        assertThat(bad.errorCode()).isEqualTo(Errors.INVALID_CONFIG.code());
        assertThat(bad.errorMessage()).contains("min.cleanable.dirty.ratio");
        assertThat(alter(topicType, "no-such-topic", Map.of()).errorCode())
                .isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
        assertThat(alter(ConfigResource.Type.BROKER.id(), "1", Map.of("log.retention.ms", "1")).errorCode())
                .isEqualTo(Errors.INVALID_REQUEST.code());
    }

    @Test
    void theBrokerDescribesItsSettingsReadOnly() throws Exception {
        var result = describe(ConfigResource.Type.BROKER.id(), "1");
        assertThat(result.errorCode()).isEqualTo(Errors.NONE.code());
        var configs = byName(result);
        assertThat(configs.get("log.retention.ms").value()).isEqualTo("604800000");
        assertThat(configs.get("log.segment.bytes").value()).isEqualTo(Integer.toString(1 << 20));
        assertThat(configs.get("broker.id").value()).isEqualTo("1");
        assertThat(result.configs()).allMatch(DescribeConfigsResponseData.DescribeConfigsResourceResult::readOnly);
    }

    /** Kafka's config source codes. */
    private static final class ConfigEntrySource {
        static final byte DYNAMIC_TOPIC = 1;
        static final byte DEFAULT = 5;
    }
}
