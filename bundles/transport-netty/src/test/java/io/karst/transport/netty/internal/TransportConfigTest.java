package io.karst.transport.netty.internal;

import io.karst.api.config.ComponentDefaults;
import io.karst.api.coordination.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransportConfigTest {

    @Test
    void absentKeysTakeKafkasDefaults() {
        TransportConfig config = TransportConfig.fromMap(Map.of("unrelated", "x"));

        assertThat(config).isEqualTo(new TransportConfig(List.of(Endpoint.parse("PLAINTEXT://127.0.0.1:9092")),
                104857600, 600000L, 3));
    }

    @Test
    void theMetatypeAndTheShippedCfgFileGiveTheDefaultsInForce() {
        // what Config Admin shows and what etc/ ships must be what runs without a configuration
        Map<String, Object> declared = ComponentDefaults.declaredBy(NettyTransportComponent.Config.class);
        Map<String, String> shipped = ComponentDefaults.setIn("io.karst.transport.netty");
        TransportConfig defaults = TransportConfig.fromMap(Map.of());

        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(shipped.keySet());
        assertThat(TransportConfig.fromMap(declared)).isEqualTo(defaults);
        assertThat(TransportConfig.fromMap(shipped)).isEqualTo(defaults);
    }

    @Test
    void readsStringsAsInACfgFile() {
        TransportConfig config = TransportConfig.fromMap(Map.of(
                "listeners", "PLAINTEXT://:19092",
                "socket.request.max.bytes", " 2048 ",
                "connections.max.idle.ms", "1000",
                "num.network.threads", "8"));

        assertThat(config).isEqualTo(new TransportConfig(List.of(new Endpoint("PLAINTEXT", "", 19092, "PLAINTEXT")),
                2048, 1000L, 8));
    }

    @Test
    void readsNumbersAsTypedByMetatype() {
        TransportConfig config = TransportConfig.fromMap(Map.of(
                "socket.request.max.bytes", 2048,
                "connections.max.idle.ms", 1000L,
                "num.network.threads", 8));

        assertThat(config.socketRequestMaxBytes()).isEqualTo(2048);
        assertThat(config.connectionsMaxIdleMs()).isEqualTo(1000L);
        assertThat(config.numNetworkThreads()).isEqualTo(8);
    }

    @Test
    void malformedNumberNamesTheKey() {
        assertThatThrownBy(() -> TransportConfig.fromMap(Map.of("socket.request.max.bytes", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("socket.request.max.bytes:");
    }

    @Test
    void numberTooLargeForAnIntNamesTheKey() {
        assertThatThrownBy(() -> TransportConfig.fromMap(Map.of("num.network.threads", "3000000000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("num.network.threads:");
    }

    @Test
    void valueBelowOneNamesTheKey() {
        assertThatThrownBy(() -> TransportConfig.fromMap(Map.of("connections.max.idle.ms", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("connections.max.idle.ms:");
    }

    @Test
    void malformedListenerNamesTheKey() {
        assertThatThrownBy(() -> TransportConfig.fromMap(Map.of("listeners", "localhost:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("listeners:");
    }

    @Test
    void onlyPlaintextIsSupported() {
        assertThatThrownBy(() -> TransportConfig.fromMap(Map.of("listeners", "SSL://127.0.0.1:9093")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSL://127.0.0.1:9093")
                .hasMessageContaining("only PLAINTEXT");
    }

    @Test
    void noListenerIsRefused() {
        assertThatThrownBy(() -> TransportConfig.fromMap(Map.of("listeners", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("listeners:");
    }
}
