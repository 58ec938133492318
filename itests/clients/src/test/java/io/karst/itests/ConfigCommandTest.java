package io.karst.itests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka's own {@code kafka-configs.sh} (ConfigCommand) alters and describes a topic's config on
 * Karst, and is told clearly when a value is bad.
 */
@Timeout(120)
class ConfigCommandTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    private static final String CONFIG_COMMAND = "kafka.admin.ConfigCommand";

    @Test
    void altersAndDescribesATopicConfig() throws Exception {
        Clients.createTopic(karst.bootstrapServers(), "configured", 1);

        ChildProcess.Result altered = KafkaTool.run(CONFIG_COMMAND, "--bootstrap-server", karst.bootstrapServers(),
                "--alter", "--entity-type", "topics", "--entity-name", "configured",
                "--add-config", "retention.ms=3600000,cleanup.policy=compact");
        assertThat(altered.exitCode()).as("alter; stderr: %s", altered.stderr()).isZero();

        ChildProcess.Result described = KafkaTool.run(CONFIG_COMMAND, "--bootstrap-server", karst.bootstrapServers(),
                "--describe", "--entity-type", "topics", "--entity-name", "configured");
        assertThat(described.exitCode()).as("describe; stderr: %s", described.stderr()).isZero();
        assertThat(described.stdout()).contains("retention.ms=3600000").contains("cleanup.policy=compact");

        ChildProcess.Result deleted = KafkaTool.run(CONFIG_COMMAND, "--bootstrap-server", karst.bootstrapServers(),
                "--alter", "--entity-type", "topics", "--entity-name", "configured", "--delete-config", "retention.ms");
        assertThat(deleted.exitCode()).as("delete; stderr: %s", deleted.stderr()).isZero();
        ChildProcess.Result after = KafkaTool.run(CONFIG_COMMAND, "--bootstrap-server", karst.bootstrapServers(),
                "--describe", "--entity-type", "topics", "--entity-name", "configured");
        assertThat(after.stdout()).doesNotContain("retention.ms=3600000").contains("cleanup.policy=compact");
    }

    @Test
    void aBadValueIsRefusedNamingTheKey() throws Exception {
        Clients.createTopic(karst.bootstrapServers(), "misconfigured", 1);

        ChildProcess.Result refused = KafkaTool.run(CONFIG_COMMAND, "--bootstrap-server", karst.bootstrapServers(),
                "--alter", "--entity-type", "topics", "--entity-name", "misconfigured",
                "--add-config", "retention.ms=soon");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stdout() + refused.stderr()).contains("retention.ms");
    }
}
