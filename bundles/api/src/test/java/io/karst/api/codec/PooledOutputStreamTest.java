package io.karst.api.codec;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PooledOutputStreamTest {

    private final BufferPool pool = new BufferPool(2);

    @Test
    void growsPastItsFirstArrayUpToTheCeilingAndNoFurther() throws IOException {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        try (PooledOutputStream out = new PooledOutputStream(pool, 100_000)) {
            out.readFrom(new ByteArrayInputStream(data));
            assertThat(out.size()).isEqualTo(100_000);
            byte[] read = new byte[100_000];
            out.buffer().get(read);
            assertThat(read).isEqualTo(data);
            assertThatThrownBy(() -> out.write(1)).isInstanceOf(PooledOutputStream.OutputLimitExceededException.class);
        }
        try (PooledOutputStream out = new PooledOutputStream(pool, 99_999)) {
            assertThatThrownBy(() -> out.readFrom(new ByteArrayInputStream(data)))
                    .isInstanceOf(PooledOutputStream.OutputLimitExceededException.class);
        }
    }

    @Test
    void anArrayGivenBackIsTakenAgain() {
        byte[] first = pool.take(40_000);
        assertThat(first).hasSize(65_536);
        pool.give(first);
        assertThat(pool.take(50_000)).isSameAs(first);
        assertThat(pool.take(10)).hasSize(BufferPool.MIN_POOLED);
        assertThat(pool.take(BufferPool.MAX_POOLED + 1)).hasSize(BufferPool.MAX_POOLED + 1);
    }
}
