package io.karst.broker.internal;

import io.karst.api.config.ComponentDefaults;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerConfigTest {
    @Test
    void kafkaDefaultsApplyToAbsentKeys() {
        BrokerConfig c = BrokerConfig.fromMap(Map.of());
        assertThat(c.brokerId()).isEqualTo(1);
        assertThat(c.numPartitions()).isEqualTo(1);
        assertThat(c.messageMaxBytes()).isEqualTo(1048588);
        assertThat(c.autoCreateTopicsEnable()).isTrue();
        assertThat(c.advertisedListeners()).isEmpty();
    }

    @Test
    void theMetatypeAndTheShippedCfgFileGiveTheDefaultsInForce() {
        // what Config Admin shows and what etc/ ships must be what runs without a configuration
        Map<String, Object> declared = ComponentDefaults.declaredBy(BrokerComponent.Config.class);
        Map<String, String> shipped = ComponentDefaults.setIn("io.karst.broker");
        BrokerConfig defaults = BrokerConfig.fromMap(Map.of());

        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(shipped.keySet());
        assertThat(BrokerConfig.fromMap(declared)).isEqualTo(defaults);
        assertThat(BrokerConfig.fromMap(shipped)).isEqualTo(defaults);
    }

    @Test
    void stringValuesFromCfgFilesAreParsed() {
        BrokerConfig c = BrokerConfig.fromMap(Map.of("broker.id", "3", "num.partitions", "6",
                "auto.create.topics.enable", "false", "advertised.listeners", "PLAINTEXT://kafka.example:9093"));
        assertThat(c.brokerId()).isEqualTo(3);
        assertThat(c.numPartitions()).isEqualTo(6);
        assertThat(c.autoCreateTopicsEnable()).isFalse();
        assertThat(c.advertisedListeners().get(0).port()).isEqualTo(9093);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> BrokerConfig.fromMap(Map.of("num.partitions", "zero")))
                .hasMessageContaining("num.partitions");
        assertThatThrownBy(() -> BrokerConfig.fromMap(Map.of("num.partitions", "0")))
                .hasMessageContaining("num.partitions");
        assertThatThrownBy(() -> BrokerConfig.fromMap(Map.of("auto.create.topics.enable", "yes")))
                .hasMessageContaining("auto.create.topics.enable");
        assertThatThrownBy(() -> BrokerConfig.fromMap(Map.of("log.message.timestamp.type", "Now")))
                .hasMessageContaining("log.message.timestamp.type");
    }
}
