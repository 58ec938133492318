package io.karst.storage.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import io.karst.api.log.LogStore;
import io.karst.api.log.PartitionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link LogStore} of one log directory, in Kafka's layout: a folder {@code <topic>-<partition>} per
 * partition log, a {@code recovery-point-offset-checkpoint} file, a {@code .lock} file held while the store
 * is open so that no second broker uses the directory, and a {@code .kafka_cleanshutdown} marker written by
 * {@link #close()}. At start every partition folder is opened; when the marker is absent the logs'
 * unflushed tails are validated and torn writes cut off (see {@link LogLoader}); the marker is then removed.
 *
 * <p>Thread-safe: lookups take no lock; creating, deleting and closing logs are serialised.
 */
public final class FileLogStore implements LogStore, AutoCloseable {
    static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";
    static final String LOCK_FILE = ".lock";

    private static final Logger LOG = LoggerFactory.getLogger(FileLogStore.class);
    /** Kafka's legal topic names; anything else could also escape the log directory. */
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    /** A partition folder: the topic (which may contain '-') and the number after the last '-'. */
    private static final Pattern PARTITION_FOLDER = Pattern.compile("(.+)-(\\d{1,10})");

    private final Path logDir;
    private final LogConfig defaults;
    private final Clock clock;
    private final RecoveryPointCheckpoint checkpoint;
    private final Map<TopicPartition, Log> logs = new ConcurrentHashMap<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile boolean closed;

    /**
     * Opens the store in {@code logDir}, creating the directory when absent, and opens (and if needed
     * recovers) every partition log in it with the {@code defaults} settings until
     * {@link #getOrCreate} gives a log its own.
     *
     * @throws IOException when the directory cannot be used, is locked by another store, or a log
     *     cannot be opened
     */
    public FileLogStore(Path logDir, LogConfig defaults) throws IOException {
        this(logDir, defaults, Clock.systemUTC());
    }

    FileLogStore(Path logDir, LogConfig defaults, Clock clock) throws IOException {
        this.logDir = logDir.toAbsolutePath();
        this.defaults = defaults;
        this.clock = clock;
        this.checkpoint = new RecoveryPointCheckpoint(this.logDir);
        Files.createDirectories(this.logDir);
        this.lockChannel = FileChannel.open(this.logDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        this.lock = lockDirectory();
        try {
            loadLogs(defaults);
        } catch (IOException | RuntimeException e) {
            for (Log log : logs.values()) {
                try {
                    log.close();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            logs.clear();
            try {
                releaseLock();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public LogConfig defaultConfig() {
        return defaults;
    }

    private FileLock lockDirectory() throws IOException {
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new IOException("log directory " + logDir + " is in use: " + logDir.resolve(LOCK_FILE)
                    + " is locked by another store");
        }
        return acquired;
    }

    private void loadLogs(LogConfig defaults) throws IOException {
        long started = System.nanoTime();
        Path marker = logDir.resolve(CLEAN_SHUTDOWN_FILE);
        boolean cleanShutdown = Files.exists(marker);
        Map<TopicPartition, Long> recoveryPoints = readRecoveryPoints();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(logDir, Files::isDirectory)) {
            for (Path folder : folders) {
                TopicPartition tp = partitionOfFolder(folder.getFileName().toString());
                if (tp == null) {
                    LOG.warn("Ignoring {}: not a <topic>-<partition> log folder", folder);
                    continue;
                }
                logs.put(tp, Log.open(folder, tp, defaults, recoveryPoints.getOrDefault(tp, 0L), cleanShutdown,
                        clock, this::logFlushed));
            }
        }
        Files.deleteIfExists(marker);
        LOG.info("Opened {} logs in {} in {} ms (clean shutdown marker {})", logs.size(), logDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), cleanShutdown ? "present" : "absent");
    }

    /** The checkpointed recovery points; none (validate everything) when the file is unreadable. */
    private Map<TopicPartition, Long> readRecoveryPoints() {
        try {
            return checkpoint.read();
        } catch (IOException e) {
            LOG.warn("Validating all segments of every log after an unclean shutdown: {}", e.getMessage());
            return Map.of();
        }
    }

    /** The partition a folder name stands for, or null when it is not a {@code <topic>-<partition>} name. */
    static TopicPartition partitionOfFolder(String name) {
        Matcher matcher = PARTITION_FOLDER.matcher(name);
        if (!matcher.matches() || !LEGAL_TOPIC.matcher(matcher.group(1)).matches()) {
            return null;
        }
        long partition = Long.parseLong(matcher.group(2));
        return partition > Integer.MAX_VALUE ? null : new TopicPartition(matcher.group(1), (int) partition);
    }

    /** The directory holding the partition folders. */
    public Path logDir() {
        return logDir;
    }

    /**
     * The log of {@code tp}, created empty when absent; an existing log takes {@code config} for its
     * next segments.
     *
     * @throws KarstException INVALID_TOPIC_EXCEPTION when the topic name is not a legal Kafka topic name
     */
    @Override
    public PartitionLog getOrCreate(TopicPartition tp, LogConfig config) throws IOException {
        Log log = logs.get(tp);
        if (log == null) {
            synchronized (this) {
                ensureOpen();
                log = logs.get(tp);
                if (log == null) {
                    checkTopicName(tp.topic());
                    log = Log.open(logDir.resolve(tp.toString()), tp, config, 0, true, clock, this::logFlushed);
                    logs.put(tp, log);
                    LOG.info("Created log {} in {}", tp, log.dir());
                    return log;
                }
            }
        }
        log.updateConfig(config);
        return log;
    }

    private static void checkTopicName(String topic) {
        if (!LEGAL_TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new KarstException(Errors.INVALID_TOPIC_EXCEPTION, "topic name '" + topic
                    + "' is not 1 to 249 of the characters a-z, A-Z, 0-9, '.', '_', '-' (nor '.' or '..')");
        }
    }

    @Override
    public Optional<PartitionLog> get(TopicPartition tp) {
        return Optional.ofNullable(logs.get(tp));
    }

    @Override
    public Collection<PartitionLog> all() {
        return List.copyOf(logs.values());
    }

    @Override
    public synchronized void delete(TopicPartition tp) throws IOException {
        Log log = logs.remove(tp);
        if (log == null) {
            return;
        }
        log.delete();
        checkpointRecoveryPoints();
        LOG.info("Deleted log {} and its folder {}", tp, log.dir());
    }

    /** A log's flush moved its recovery point; a flush that races with {@link #close()} leaves the file to it. */
    private void logFlushed() throws IOException {
        if (!closed) {
            checkpointRecoveryPoints();
        }
    }

    /** Writes every open log's recovery point to the checkpoint file. */
    private void checkpointRecoveryPoints() throws IOException {
        // one writer at a time, each with a fresh snapshot, so an older snapshot never lands last
        synchronized (checkpoint) {
            Map<TopicPartition, Long> points = new HashMap<>();
            logs.forEach((tp, log) -> points.put(tp, log.recoveryPoint()));
            checkpoint.write(points);
        }
    }

    /**
     * Flushes and closes every log, writes the recovery points and, when all of that worked, the clean
     * shutdown marker; then releases the directory.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        for (Log log : logs.values()) {
            try {
                log.close();
            } catch (IOException | RuntimeException e) {
                failures.add(e);
            }
        }
        try {
            checkpointRecoveryPoints();
            if (failures.isEmpty()) {
                FileChannel.open(logDir.resolve(CLEAN_SHUTDOWN_FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE).close();
                Directories.force(logDir);
            }
        } catch (IOException e) {
            failures.add(e);
        } finally {
            logs.clear();
            releaseLock();
        }
        if (!failures.isEmpty()) {
            IOException failure = new IOException("closing the log store in " + logDir + " failed; "
                    + "the next start validates the unflushed data");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void releaseLock() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the log store in " + logDir + " is closed");
        }
    }
}
