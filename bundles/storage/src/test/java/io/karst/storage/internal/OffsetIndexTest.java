package io.karst.storage.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetIndexTest {
    private static final long BASE = 1_000;

    @TempDir
    Path dir;

    @Test
    void lookupsMatchATreeMapBeforeAndAfterSealing() throws IOException {
        Path file = dir.resolve("00000000000000001000.index");
        OffsetIndex index = new OffsetIndex(file, BASE, 64 * 1024, true);
        TreeMap<Long, Integer> reference = new TreeMap<>();
        Random random = new Random(42);
        long offset = BASE;
        int position = 0;
        // more entries than the 1024-entry warm section, so both search branches run
        for (int i = 0; i < 5000; i++) {
            offset += 1 + random.nextInt(20);
            position += 1 + random.nextInt(5000);
            index.append(offset, position);
            reference.put(offset, position);
        }
        assertLookupsMatch(index, reference, random);

        index.seal();
        assertThat(Files.size(file)).isEqualTo(5000L * OffsetIndex.ENTRY_SIZE);
        assertLookupsMatch(index, reference, random);

        OffsetIndex reopened = new OffsetIndex(file, BASE, 64 * 1024, false);
        assertThat(reopened.entries()).isEqualTo(5000);
        assertLookupsMatch(reopened, reference, random);
    }

    private static void assertLookupsMatch(OffsetIndex index, TreeMap<Long, Integer> reference, Random random) {
        long last = reference.lastKey();
        for (int i = 0; i < 20_000; i++) {
            long target = BASE - 5 + (long) (random.nextDouble() * (last - BASE + 50));
            Map.Entry<Long, Integer> expected = reference.floorEntry(target);
            OffsetPosition actual = index.lookup(target);
            if (expected == null) {
                assertThat(actual).isEqualTo(new OffsetPosition(BASE, 0));
            } else {
                assertThat(actual).isEqualTo(new OffsetPosition(expected.getKey(), expected.getValue()));
            }
        }
        assertThat(index.lookup(last)).isEqualTo(new OffsetPosition(last, reference.get(last)));
    }

    @Test
    void fileHoldsBigEndianRelativeOffsetsAndPositions() throws IOException {
        Path file = dir.resolve("index");
        OffsetIndex index = new OffsetIndex(file, BASE, 1024, true);
        assertThat(Files.size(file)).as("preallocated").isEqualTo(1024);
        index.append(BASE + 3, 100);
        index.append(BASE + 0x01020304L, 0x0A0B0C0D);
        index.seal();

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        assertThat(bytes.remaining()).isEqualTo(16);
        assertThat(bytes.getInt()).isEqualTo(3);
        assertThat(bytes.getInt()).isEqualTo(100);
        assertThat(bytes.getInt()).isEqualTo(0x01020304);
        assertThat(bytes.getInt()).isEqualTo(0x0A0B0C0D);
    }

    @Test
    void isFullAtThePreallocatedSizeAndRefusesMore() throws IOException {
        OffsetIndex index = new OffsetIndex(dir.resolve("index"), BASE, 8 * 3 + 5, true);
        assertThat(index.maxEntries()).isEqualTo(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(index.isFull()).isFalse();
            index.append(BASE + i, i * 100);
        }
        assertThat(index.isFull()).isTrue();
        assertThatThrownBy(() -> index.append(BASE + 10, 1000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(dir.resolve("index").toString());
    }

    @Test
    void refusesEntriesThatDoNotIncreaseOrDoNotFit() throws IOException {
        Path file = dir.resolve("index");
        OffsetIndex index = new OffsetIndex(file, BASE, 1024, true);
        index.append(BASE + 10, 500);
        assertThatThrownBy(() -> index.append(BASE + 10, 600)).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> index.append(BASE + 11, 500)).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> index.append(BASE + Integer.MAX_VALUE + 1L, 700)).hasMessageContaining(file.toString());
        assertThat(index.canHold(BASE + Integer.MAX_VALUE)).isTrue();
        assertThat(index.canHold(BASE - 1)).isFalse();
    }

    @Test
    void sealedIndexRefusesAppends() throws IOException {
        OffsetIndex index = new OffsetIndex(dir.resolve("index"), BASE, 1024, true);
        index.append(BASE + 1, 100);
        index.seal();
        assertThatThrownBy(() -> index.append(BASE + 2, 200)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void checkEntriesRejectsDisorderAndPositionsPastTheLog() throws IOException {
        Path file = dir.resolve("index");
        OffsetIndex index = new OffsetIndex(file, BASE, 1024, true);
        index.append(BASE + 5, 100);
        index.append(BASE + 9, 300);
        index.seal();
        index.checkEntries(301);
        assertThatThrownBy(() -> index.checkEntries(300))
                .isInstanceOf(CorruptIndexException.class).hasMessageContaining(file.toString());

        Files.write(file, ByteBuffer.allocate(16).putInt(9).putInt(300).putInt(5).putInt(400).array());
        OffsetIndex disordered = new OffsetIndex(file, BASE, 1024, false);
        assertThatThrownBy(() -> disordered.checkEntries(1000)).isInstanceOf(CorruptIndexException.class);
    }

    @Test
    void aFileOfPartialEntriesIsCorrupt() throws IOException {
        Path file = dir.resolve("index");
        Files.write(file, new byte[13]);
        assertThatThrownBy(() -> new OffsetIndex(file, BASE, 1024, false))
                .isInstanceOf(CorruptIndexException.class).hasMessageContaining(file.toString());
    }
}
