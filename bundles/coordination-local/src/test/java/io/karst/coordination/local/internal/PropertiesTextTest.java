package io.karst.coordination.local.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PropertiesTextTest {

    @Test
    void keepsOrderAndReadsBackAsProperties() {
        String text = new PropertiesText().comment("header").put("b", "2").put("a", "1").toString();

        assertThat(text).isEqualTo("# header\nb=2\na=1\n");
        assertThat(PropertiesText.parse(text)).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
    }

    @Test
    void anyStringRoundTrips() {
        Random random = new Random(42);
        String alphabet = " =:#!\\\t\n\r\f\u0000\u0001\u007f\u0085\u2028\u00e9\u4e16\uD83D\uDE00\uD800\uDC00uxa";
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            entries.put(randomString(random, alphabet) + i, randomString(random, alphabet));
        }
        PropertiesText text = new PropertiesText();
        entries.forEach(text::put);

        assertThat(PropertiesText.parse(text.toString())).isEqualTo(entries);
    }

    private static String randomString(Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
