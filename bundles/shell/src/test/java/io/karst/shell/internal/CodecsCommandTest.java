package io.karst.shell.internal;

import io.karst.api.codec.Codec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodecsCommandTest {

    @Test
    void listsEveryKafkaCodecWithItsLibraryOrAsUnavailable() {
        CodecsCommand command = new CodecsCommand();
        command.codecs = List.of(new FixedCodec("zstd", 4, "zstd-jni 1.5.7.28"), new FixedCodec("gzip", 1, "java.util.zip 17"));

        List<String> lines = run(command).lines().toList();

        assertThat(cells(lines.get(0))).containsExactly("Codec", "Id", "Library", "Available");
        assertThat(lines.subList(2, lines.size())).extracting(CodecsCommandTest::cells).containsExactly(
                List.of("gzip", "1", "java.util.zip 17", "yes"),
                List.of("snappy", "2", "-", "no (feature karst-codec-snappy not installed)"),
                List.of("lz4", "3", "-", "no (feature karst-codec-lz4 not installed)"),
                List.of("zstd", "4", "zstd-jni 1.5.7.28", "yes"));
    }

    private static String run(CodecsCommand command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("[|│]")).map(String::strip).toList();
    }

    /** A codec that only names itself: the command never compresses anything. */
    private record FixedCodec(String name, int id, String library) implements Codec {
        @Override
        public OutputStream compress(OutputStream out) {
            throw new UnsupportedOperationException("not used by the command");
        }

        @Override
        public InputStream decompress(InputStream in) {
            throw new UnsupportedOperationException("not used by the command");
        }
    }
}
