package io.karst.broker.internal;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The console producer picks the partition of a key as Kafka's producer does. */
class Murmur2Test {

    @Test
    void hashesEveryLengthAsKafkaDoes() {
        Random random = new Random(42);
        for (int length = 0; length < 64; length++) {
            byte[] key = new byte[length];
            random.nextBytes(key);
            assertThat(Murmur2.hash(key)).as("hash of %d bytes", length).isEqualTo(Utils.murmur2(key));
        }
        byte[] text = "customer-17".getBytes(StandardCharsets.UTF_8);
        assertThat(Murmur2.partition(text, 7)).isEqualTo(Utils.toPositive(Utils.murmur2(text)) % 7);
    }
}
