package io.karst.storage.internal;

import io.karst.api.log.LogConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The storage configuration (PID {@code io.karst.storage}, Kafka's broker keys) checked and turned into
 * a log directory and the default log settings. Every error names the offending key.
 *
 * @param logDir      the one log directory, absolute
 * @param logDefaults settings for logs found on disk until their topic's own settings arrive
 */
record StorageSettings(Path logDir, LogConfig logDefaults) {
    private static final Logger LOG = LoggerFactory.getLogger(StorageSettings.class);

    /** Reads the component configuration; relative directories are resolved against {@code karafData} when given. */
    static StorageSettings from(LogStoreComponent.Config config, String karafData) {
        return of(read("log.dirs", config::log_dirs),
                read("log.segment.bytes", config::log_segment_bytes),
                read("log.roll.ms", config::log_roll_ms),
                read("log.index.interval.bytes", config::log_index_interval_bytes),
                read("log.index.size.max.bytes", config::log_index_size_max_bytes),
                karafData);
    }

    /**
     * Checks the values. {@code logDirs} is comma-separated; only its first directory is used (with a
     * warning when there are more). A relative directory is resolved against {@code karafData} when not
     * null, else against the working directory.
     *
     * @throws IllegalArgumentException naming the key of a value out of range
     */
    static StorageSettings of(String logDirs, int segmentBytes, long rollMs, int indexIntervalBytes,
                              int indexSizeMaxBytes, String karafData) {
        atLeast("log.segment.bytes", segmentBytes, 14);
        atLeast("log.roll.ms", rollMs, 1);
        atLeast("log.index.interval.bytes", indexIntervalBytes, 0);
        atLeast("log.index.size.max.bytes", indexSizeMaxBytes, 8);
        LogConfig defaults = new LogConfig(segmentBytes, rollMs, indexIntervalBytes, indexSizeMaxBytes);
        return new StorageSettings(logDir(logDirs, karafData), defaults);
    }

    private static Path logDir(String logDirs, String karafData) {
        List<String> dirs = Arrays.stream(logDirs == null ? new String[0] : logDirs.split(","))
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

    private static void atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", got " + value);
        }
    }

    /** The value of {@code key}; a value the runtime cannot convert becomes an error naming the key. */
    static <T> T read(String key, Supplier<T> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
