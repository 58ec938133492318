package io.karst.itests;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The module runs the client it claims to: the build passes the expected version in. */
class ClientVersionTest {

    @Test
    void theKafkaClientsOnTheClassPathAreTheVersionThisModuleTests() {
        String expected = System.getProperty("expected.kafka.clients.version");

        assertThat(expected).as("system property expected.kafka.clients.version (set by the pom)").isNotBlank();
        assertThat(AppInfoParser.getVersion()).isEqualTo(expected);
    }
}
