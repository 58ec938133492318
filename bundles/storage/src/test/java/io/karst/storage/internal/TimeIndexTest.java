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

class TimeIndexTest {
    private static final long BASE = 500;

    @TempDir
    Path dir;

    @Test
    void keepsOnlyGrowingTimestampsAndLooksThemUpLikeATreeMap() throws IOException {
        Path file = dir.resolve("00000000000000000500.timeindex");
        TimeIndex index = new TimeIndex(file, BASE, 12 * 4000, true);
        TreeMap<Long, Long> reference = new TreeMap<>();
        Random random = new Random(7);
        long timestamp = 1_700_000_000_000L;
        long offset = BASE;
        for (int i = 0; i < 3000; i++) {
            offset += random.nextInt(10);
            // every third timestamp goes backwards and must be ignored
            long candidate = i % 3 == 2 ? timestamp - 5 : timestamp + 1 + random.nextInt(100);
            index.maybeAppend(candidate, offset);
            if (candidate > timestamp || reference.isEmpty()) {
                reference.put(candidate, offset);
                timestamp = candidate;
            }
        }
        assertThat(index.entries()).isEqualTo(reference.size());
        assertThat(index.lastEntry()).isEqualTo(new TimestampOffset(reference.lastKey(), reference.lastEntry().getValue()));

        index.seal();
        assertThat(Files.size(file)).isEqualTo((long) reference.size() * TimeIndex.ENTRY_SIZE);
        TimeIndex reopened = new TimeIndex(file, BASE, 12 * 4000, false);
        reopened.checkEntries();
        for (int i = 0; i < 10_000; i++) {
            long target = reference.firstKey() - 10 + random.nextInt((int) (reference.lastKey() - reference.firstKey() + 20));
            Map.Entry<Long, Long> expected = reference.floorEntry(target);
            TimestampOffset expectedEntry = expected == null
                    ? new TimestampOffset(TimestampOffset.NO_TIMESTAMP, BASE)
                    : new TimestampOffset(expected.getKey(), expected.getValue());
            assertThat(reopened.lookup(target)).isEqualTo(expectedEntry);
        }
    }

    @Test
    void fileHoldsBigEndianTimestampThenRelativeOffset() throws IOException {
        Path file = dir.resolve("timeindex");
        TimeIndex index = new TimeIndex(file, BASE, 1200, true);
        index.maybeAppend(0x0102030405060708L, BASE + 9);
        index.seal();
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        assertThat(bytes.remaining()).isEqualTo(12);
        assertThat(bytes.getLong()).isEqualTo(0x0102030405060708L);
        assertThat(bytes.getInt()).isEqualTo(9);
    }

    @Test
    void keepsTheLastSlotForTheFinalEntry() throws IOException {
        TimeIndex index = new TimeIndex(dir.resolve("timeindex"), BASE, 12 * 3, true);
        index.maybeAppend(10, BASE + 1);
        index.maybeAppend(20, BASE + 2);
        assertThat(index.isFull()).isTrue();
        assertThatThrownBy(() -> index.maybeAppend(30, BASE + 3)).isInstanceOf(IllegalStateException.class);
        index.appendFinal(30, BASE + 3);
        assertThat(index.entries()).isEqualTo(3);
        assertThat(index.lastEntry()).isEqualTo(new TimestampOffset(30, BASE + 3));
    }

    @Test
    void checkEntriesRejectsTimestampsThatDoNotGrow() throws IOException {
        Path file = dir.resolve("timeindex");
        Files.write(file, ByteBuffer.allocate(24).putLong(100).putInt(1).putLong(100).putInt(2).array());
        TimeIndex index = new TimeIndex(file, BASE, 1200, false);
        assertThatThrownBy(index::checkEntries).isInstanceOf(CorruptIndexException.class)
                .hasMessageContaining(file.toString());
    }
}
