package io.karst.storage.internal;

import io.karst.api.log.CleanupPolicy;
import io.karst.api.log.LogConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The storage configuration (PID {@code io.karst.storage}, Kafka's broker keys, Kafka's defaults) checked
 * and turned into a log directory, the default settings of every log, and the store's own schedules. Every
 * error names the offending key.
 *
 * @param logDir                     {@code log.dirs}: the one log directory, absolute
 * @param logDefaults                the {@code log.*} defaults every topic's settings are laid over
 * @param retentionCheckIntervalMs   {@code log.retention.check.interval.ms}
 * @param cleanerEnable              {@code log.cleaner.enable}
 * @param cleanerIoMaxBytesPerSecond {@code log.cleaner.io.max.bytes.per.second}
 * @param cleanerBackoffMs           {@code log.cleaner.backoff.ms}: pause between looks for logs to compact
 * @param flushSchedulerIntervalMs   {@code log.flush.scheduler.interval.ms}: how often {@code flush.ms} is checked
 */
record StorageSettings(Path logDir, LogConfig logDefaults, long retentionCheckIntervalMs, boolean cleanerEnable,
                       double cleanerIoMaxBytesPerSecond, long cleanerBackoffMs, long flushSchedulerIntervalMs) {
    private static final Logger LOG = LoggerFactory.getLogger(StorageSettings.class);
    private static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);
    /** The per-log defaults, which the {@code log.*} keys override. */
    private static final LogConfig KAFKA = LogConfig.DEFAULTS;
    // Kafka's defaults of the store's own schedules
    private static final long RETENTION_CHECK_INTERVAL_MS = 300_000L;
    private static final boolean CLEANER_ENABLE = true;
    private static final double CLEANER_IO_MAX_BYTES_PER_SECOND = Double.MAX_VALUE;
    private static final long CLEANER_BACKOFF_MS = 15_000L;
    /** Never: Kafka checks {@code flush.ms} only when this is set. */
    private static final long FLUSH_SCHEDULER_INTERVAL_MS = Long.MAX_VALUE;

    /** Kafka's schedules for a store in {@code logDir} with the given log defaults. */
    public static StorageSettings withDefaults(Path logDir, LogConfig logDefaults) {
        return new StorageSettings(logDir, logDefaults, RETENTION_CHECK_INTERVAL_MS, CLEANER_ENABLE,
                CLEANER_IO_MAX_BYTES_PER_SECOND, CLEANER_BACKOFF_MS, FLUSH_SCHEDULER_INTERVAL_MS);
    }

    /**
     * Reads Kafka broker keys; absent keys take Kafka's defaults. Relative directories are resolved against
     * {@code karafData} when given, else against the working directory.
     *
     * @throws IllegalArgumentException naming the key of a value that is malformed or out of range
     */
    public static StorageSettings fromMap(Map<String, ?> props, String karafData) {
        Keys k = new Keys(props);
        long retentionMs = k.optionalLong("log.retention.ms", -1);
        if (retentionMs == Long.MIN_VALUE) {
            long minutes = k.optionalLong("log.retention.minutes", -1);
            retentionMs = minutes != Long.MIN_VALUE ? minutes * 60_000L
                    : k.longAtLeast("log.retention.hours", KAFKA.retentionMs() / HOUR_MS, -1) * HOUR_MS;
        }
        long flushSchedulerIntervalMs = k.longAtLeast("log.flush.scheduler.interval.ms", FLUSH_SCHEDULER_INTERVAL_MS, 1);
        long flushMs = k.optionalLong("log.flush.interval.ms", 0);
        LogConfig defaults;
        try {
            defaults = LogConfig.builder()
                    .segmentBytes(k.intAtLeast("log.segment.bytes", KAFKA.segmentBytes(), 14))
                    .segmentMs(k.longAtLeast("log.roll.ms", KAFKA.segmentMs(), 1))
                    .indexIntervalBytes(k.intAtLeast("log.index.interval.bytes", KAFKA.indexIntervalBytes(), 0))
                    .segmentIndexBytes(k.intAtLeast("log.index.size.max.bytes", KAFKA.segmentIndexBytes(), 8))
                    .retentionMs(Math.max(retentionMs, -1))
                    .retentionBytes(k.longAtLeast("log.retention.bytes", KAFKA.retentionBytes(), -1))
                    .cleanupPolicy(k.cleanupPolicy("log.cleanup.policy", KAFKA.cleanupPolicy()))
                    .deleteRetentionMs(k.longAtLeast("log.cleaner.delete.retention.ms", KAFKA.deleteRetentionMs(), 0))
                    .fileDeleteDelayMs(k.longAtLeast("log.segment.delete.delay.ms", KAFKA.fileDeleteDelayMs(), 0))
                    .flushMessages(k.longAtLeast("log.flush.interval.messages", KAFKA.flushMessages(), 1))
                    .flushMs(flushMs == Long.MIN_VALUE ? flushSchedulerIntervalMs : flushMs)
                    .minCleanableDirtyRatio(k.doubleBetween("log.cleaner.min.cleanable.ratio",
                            KAFKA.minCleanableDirtyRatio(), 0, 1))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid log settings: " + e.getMessage(), e);
        }
        return new StorageSettings(logDir(k.string("log.dirs", "karst/logs"), karafData), defaults,
                k.longAtLeast("log.retention.check.interval.ms", RETENTION_CHECK_INTERVAL_MS, 1),
                k.bool("log.cleaner.enable", CLEANER_ENABLE),
                k.doubleBetween("log.cleaner.io.max.bytes.per.second", CLEANER_IO_MAX_BYTES_PER_SECOND,
                        Double.MIN_VALUE, Double.MAX_VALUE),
                k.longAtLeast("log.cleaner.backoff.ms", CLEANER_BACKOFF_MS, 1),
                flushSchedulerIntervalMs);
    }

    private static Path logDir(String logDirs, String karafData) {
        List<String> dirs = Arrays.stream(logDirs.split(","))
                .map(String::trim)
                .filter(dir -> !dir.isEmpty())
                .toList();
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("log.dirs is empty; it must name the directory for partition logs");
        }
        if (dirs.size() > 1) {
            LOG.warn("log.dirs lists {} directories but only one is supported; using {} and ignoring {}",
                    dirs.size(), dirs.get(0), dirs.subList(1, dirs.size()));
        }
        try {
            Path dir = Path.of(dirs.get(0));
            Path base = karafData != null ? Path.of(karafData) : Path.of("").toAbsolutePath();
            return base.resolve(dir).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("log.dirs: '" + dirs.get(0) + "' is not a valid path: " + e.getMessage(), e);
        }
    }

    /** Typed reading of the keys; values may be strings or already typed (Config Admin). */
    private record Keys(Map<String, ?> props) {

        String string(String key, String defaultValue) {
            Object value = props.get(key);
            String text = value == null ? "" : value.toString().trim();
            return text.isEmpty() ? defaultValue : text;
        }

        boolean bool(String key, boolean defaultValue) {
            String text = string(key, Boolean.toString(defaultValue));
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw invalid(key, text, "must be true or false");
            }
            return Boolean.parseBoolean(text);
        }

        /** The value, or Long.MIN_VALUE when the key is absent or empty. */
        long optionalLong(String key, long min) {
            String text = string(key, null);
            return text == null ? Long.MIN_VALUE : longAtLeast(key, 0, min);
        }

        long longAtLeast(String key, long defaultValue, long min) {
            String text = string(key, null);
            if (text == null) {
                return defaultValue;
            }
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw invalid(key, text, "not a whole number");
            }
            if (value < min) {
                throw invalid(key, text, "must be at least " + min);
            }
            return value;
        }

        int intAtLeast(String key, int defaultValue, int min) {
            long value = longAtLeast(key, defaultValue, min);
            if (value > Integer.MAX_VALUE) {
                throw invalid(key, Long.toString(value), "must be at most " + Integer.MAX_VALUE);
            }
            return (int) value;
        }

        double doubleBetween(String key, double defaultValue, double min, double max) {
            String text = string(key, null);
            if (text == null) {
                return defaultValue;
            }
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw invalid(key, text, "not a number");
            }
            if (!(value >= min && value <= max)) {
                throw invalid(key, text, "must be between " + min + " and " + max);
            }
            return value;
        }

        CleanupPolicy cleanupPolicy(String key, CleanupPolicy defaultValue) {
            String text = string(key, defaultValue.kafkaName());
            try {
                return CleanupPolicy.parse(text);
            } catch (IllegalArgumentException e) {
                throw invalid(key, text, "must be delete, compact or compact,delete");
            }
        }

        private static IllegalArgumentException invalid(String key, String value, String problem) {
            return new IllegalArgumentException("Invalid value " + value + " for configuration " + key + ": " + problem);
        }
    }
}
