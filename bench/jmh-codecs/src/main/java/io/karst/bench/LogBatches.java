package io.karst.bench;

import io.karst.api.record.Header;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Record batches as a logging pipeline produces them: each record a JSON log line of 100 B to 1 KiB
 * (timestamp, level, service, host, trace id, a message of words from a small vocabulary, a latency),
 * keyed by host, with one header; records are added until the batch reaches its target size, the way
 * a producer fills {@code batch.size}.
 */
final class LogBatches {
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
    private static final String[] SERVICES = {"checkout", "payments", "inventory", "search", "auth", "gateway"};
    private static final String[] WORDS = ("request served for user order cart item added removed payment "
            + "authorised declined retry after timeout from upstream cache hit miss query on index shard replica "
            + "session token refreshed expired warehouse stock reserved released in ms with status code").split(" ");

    private LogBatches() {
    }

    /** An uncompressed batch of log-line records of about {@code targetBytes}, reproducible per seed. */
    static RecordBatch batch(int targetBytes, long seed) {
        Random random = new Random(seed);
        RecordBatchBuilder builder = new RecordBatchBuilder();
        long timestamp = 1_736_500_000_000L;
        int size = RecordBatch.HEADER_SIZE;
        while (size < targetBytes) {
            String host = "host-" + random.nextInt(40);
            byte[] value = line(random, timestamp).getBytes(StandardCharsets.UTF_8);
            byte[] key = host.getBytes(StandardCharsets.UTF_8);
            builder.add(timestamp, key, value, List.of(new Header("content-type", "application/json".getBytes(StandardCharsets.UTF_8))));
            size += value.length + key.length + 40;
            timestamp += random.nextInt(5);
        }
        return builder.build();
    }

    private static String line(Random random, long timestamp) {
        int target = 100 + random.nextInt(925);
        StringBuilder line = new StringBuilder(target + 64)
                .append("{\"ts\":").append(timestamp)
                .append(",\"level\":\"").append(LEVELS[random.nextInt(LEVELS.length)])
                .append("\",\"service\":\"").append(SERVICES[random.nextInt(SERVICES.length)])
                .append("\",\"trace\":\"").append(Long.toHexString(random.nextLong()))
                .append("\",\"latency_ms\":").append(random.nextInt(3000))
                .append(",\"msg\":\"");
        while (line.length() < target - 2) {
            line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return line.append("\"}").toString();
    }
}
