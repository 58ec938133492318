package io.karst.protocol;

import org.apache.kafka.common.protocol.ApiMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every API and version Karst advertises, a message written by our schema is read by the Kafka
 * client's own message class and written back byte for byte, and what Kafka wrote we read back
 * unchanged: the layouts agree. Each is tried with every field at its default and with every field
 * set, arrays holding two elements at every level.
 */
class SchemaAgainstKafkaClientsTest {

    static List<Arguments> everyVersion() {
        List<Arguments> cases = new ArrayList<>();
        for (ApiKeys api : ApiKeys.values()) {
            // Kafka 4 clients dropped Produce v0-2, which Karst only advertises for librdkafka's sake.
            int oldest = Math.max(api.minVersion(),
                    org.apache.kafka.common.protocol.ApiKeys.forId(api.id()).oldestVersion());
            for (int v = oldest; v <= api.maxVersion(); v++) {
                cases.add(Arguments.of(api, v));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} v{1} request")
    @MethodSource("everyVersion")
    void requestLayoutMatchesKafka(ApiKeys api, int version) throws Exception {
        ByteBuffer frame = Protocol.writeRequest(api, version, 7, "client", Protocol.newRequest(api, version));
        RequestHeader header = RequestHeader.read(frame);
        assertThat(header.api()).isEqualTo(api);
        assertThat(header.correlationId()).isEqualTo(7);
        ByteBuffer ours = frame.slice();

        ApiMessage theirs = KafkaClientsOracle.parseRequest(api.id(), version, ours.duplicate());
        assertThat(KafkaClientsOracle.serialize(theirs, version)).isEqualTo(ours);
        Struct back = Protocol.readRequest(header, ours.duplicate());
        assertThat(back.toString()).isEqualTo(Protocol.newRequest(api, version).toString());
    }

    @ParameterizedTest(name = "{0} v{1} response")
    @MethodSource("everyVersion")
    void responseLayoutMatchesKafka(ApiKeys api, int version) throws Exception {
        ByteBuffer frame = KafkaClientsOracle.join(
                Protocol.writeResponse(api, version, 9, Protocol.newResponse(api, version)));
        assertThat(frame.getInt()).isEqualTo(9);
        if (api.responseHeaderFlexible(version)) {
            assertThat(frame.get()).as("empty tagged fields in header v1").isZero();
        }
        ByteBuffer body = frame.slice();
        ApiMessage theirs = KafkaClientsOracle.parseResponse(api.id(), version, body.duplicate());
        assertThat(KafkaClientsOracle.serialize(theirs, version)).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0} v{1} populated request")
    @MethodSource("everyVersion")
    void populatedRequestRoundTripsThroughKafka(ApiKeys api, int version) {
        Struct sent = new PopulatedStructs().populate(api.requestSchema(), version);
        ByteBuffer frame = Protocol.writeRequest(api, version, 7, "client", sent);
        RequestHeader header = RequestHeader.read(frame);
        ByteBuffer ours = frame.slice();

        ApiMessage theirs = KafkaClientsOracle.parseRequest(api.id(), version, ours.duplicate());
        ByteBuffer rewritten = KafkaClientsOracle.serialize(theirs, version);
        assertThat(rewritten).isEqualTo(ours);
        PopulatedStructs.assertSameValues(Protocol.readRequest(header, rewritten), sent, api + " v" + version);
    }

    @ParameterizedTest(name = "{0} v{1} populated response")
    @MethodSource("everyVersion")
    void populatedResponseRoundTripsThroughKafka(ApiKeys api, int version) throws Exception {
        Struct sent = new PopulatedStructs().populate(api.responseSchema(), version);
        ByteBuffer frame = KafkaClientsOracle.join(Protocol.writeResponse(api, version, 9, sent));
        ByteBuffer header = frame.slice(0, api.responseHeaderFlexible(version) ? 5 : 4);
        ByteBuffer body = frame.slice(header.limit(), frame.limit() - header.limit());

        ApiMessage theirs = KafkaClientsOracle.parseResponse(api.id(), version, body.duplicate());
        ByteBuffer rewritten = KafkaClientsOracle.serialize(theirs, version);
        assertThat(rewritten).isEqualTo(body);
        ByteBuffer rewrittenFrame = ByteBuffer.allocate(header.remaining() + rewritten.remaining())
                .put(header.duplicate()).put(rewritten).flip();
        PopulatedStructs.assertSameValues(Protocol.readResponse(api, version, rewrittenFrame), sent, api + " v" + version);
    }
}
