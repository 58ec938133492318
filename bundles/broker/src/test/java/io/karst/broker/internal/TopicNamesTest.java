package io.karst.broker.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicNamesTest {
    @Test
    void kafkaRulesApply() {
        assertThat(TopicNames.invalidReason("orders.v1_eu-west")).isNull();
        assertThat(TopicNames.invalidReason("a".repeat(249))).isNull();
        assertThat(TopicNames.invalidReason("a".repeat(250))).contains("249");
        assertThat(TopicNames.invalidReason("bad name!")).contains("illegal");
        assertThat(TopicNames.invalidReason("bad/name")).contains("illegal");
        assertThat(TopicNames.invalidReason("")).isNotNull();
        assertThat(TopicNames.invalidReason("..")).isNotNull();
    }
}
