package io.karst.group.coordinator.internal;

import io.karst.api.config.ComponentDefaults;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCoordinatorConfigTest {

    @Test
    void kafkaDefaultsApplyToAbsentKeys() {
        GroupCoordinatorConfig c = GroupCoordinatorConfig.fromMap(Map.of());
        assertThat(c.initialRebalanceDelayMs()).isEqualTo(3000);
        assertThat(c.offsetsTopicNumPartitions()).isEqualTo(50);
        assertThat(c.offsetsRetentionMs()).isEqualTo(7 * 24 * 60 * 60_000L);
    }

    @Test
    void theMetatypeAndTheShippedCfgFileGiveTheDefaultsInForce() {
        // what Config Admin shows and what etc/ ships must be what runs without a configuration
        Map<String, Object> declared = ComponentDefaults.declaredBy(GroupCoordinatorComponent.Config.class);
        Map<String, String> shipped = ComponentDefaults.setIn("io.karst.group.coordinator");
        GroupCoordinatorConfig defaults = GroupCoordinatorConfig.fromMap(Map.of());

        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(shipped.keySet());
        assertThat(GroupCoordinatorConfig.fromMap(declared)).isEqualTo(defaults);
        assertThat(GroupCoordinatorConfig.fromMap(shipped)).isEqualTo(defaults);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> GroupCoordinatorConfig.fromMap(Map.of("offsets.topic.num.partitions", "0")))
                .hasMessageContaining("offsets.topic.num.partitions");
        assertThatThrownBy(() -> GroupCoordinatorConfig.fromMap(Map.of("group.min.session.timeout.ms", "9000",
                "group.max.session.timeout.ms", "8000"))).hasMessageContaining("group.min.session.timeout.ms");
    }
}
