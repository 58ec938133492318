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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link LogStore} of one log directory, in Kafka's layout: a folder {@code <topic>-<partition>} per
 * partition log, the {@code recovery-point-offset-checkpoint}, {@code log-start-offset-checkpoint} and
 * {@code cleaner-offset-checkpoint} files, a {@code .lock} file held while the store is open so that no
 * second broker uses the directory, and a {@code .kafka_cleanshutdown} marker written by {@link #close()}.
 * At start every partition folder is opened; when the marker is absent the logs' unflushed tails are
 * validated and torn writes cut off (see {@link LogLoader}); the marker is then removed. Folders of
 * deleted partitions ({@code <topic>-<partition>.<id>-delete}) left by a stop are removed.
 *
 * <p>Background work runs on two threads of the store: the scheduler applies retention every
 * {@code log.retention.check.interval.ms}, checks {@code flush.ms} every
 * {@code log.flush.scheduler.interval.ms} and removes retired segment files and deleted partition folders
 * after {@code file.delete.delay.ms}; the {@link LogCleaner} compacts logs every
 * {@code log.cleaner.backoff.ms} when {@code log.cleaner.enable}.
 *
 * <p>Thread-safe: lookups take no lock; creating, deleting and closing logs are serialised.
 */
final class FileLogStore implements LogStore, AutoCloseable {
    static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";
    static final String LOCK_FILE = ".lock";
    /** Ends the name a deleted partition's folder is renamed to until it is removed, as in Kafka. */
    static final String DELETE_DIR_SUFFIX = "-delete";

    private static final Logger LOG = LoggerFactory.getLogger(FileLogStore.class);
    /** Kafka's legal topic names; anything else could also escape the log directory. */
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    /** A partition folder: the topic (which may contain '-') and the number after the last '-'. */
    private static final Pattern PARTITION_FOLDER = Pattern.compile("(.+)-(\\d{1,10})");

    private final Path logDir;
    private final StorageSettings settings;
    private final Clock clock;
    private final OffsetCheckpoint recoveryPoints;
    private final OffsetCheckpoint logStartOffsets;
    private final Map<TopicPartition, Log> logs = new ConcurrentHashMap<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService cleanerThread;
    private final Throttler cleanerThrottler;
    private final LogCleaner cleaner;
    private volatile boolean closed;

    /**
     * Opens the store in {@code logDir} with Kafka's schedules, creating the directory when absent, and
     * opens (and if needed recovers) every partition log in it with the {@code defaults} settings until
     * {@link #getOrCreate} gives a log its own.
     *
     * @throws IOException when the directory cannot be used, is locked by another store, or a log
     *     cannot be opened
     */
    public FileLogStore(Path logDir, LogConfig defaults) throws IOException {
        this(StorageSettings.withDefaults(logDir, defaults), Clock.systemUTC());
    }

    /** Opens the store as {@code settings} say; see {@link #FileLogStore(Path, LogConfig)}. */
    public FileLogStore(StorageSettings settings) throws IOException {
        this(settings, Clock.systemUTC());
    }

    FileLogStore(StorageSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.logDir = settings.logDir().toAbsolutePath();
        this.clock = clock;
        this.recoveryPoints = new OffsetCheckpoint(this.logDir, OffsetCheckpoint.RECOVERY_POINT_FILE);
        this.logStartOffsets = new OffsetCheckpoint(this.logDir, OffsetCheckpoint.LOG_START_OFFSET_FILE);
        Files.createDirectories(this.logDir);
        this.lockChannel = FileChannel.open(this.logDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        this.lock = lockDirectory();
        try {
            loadLogs(settings.logDefaults());
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
        ScheduledThreadPoolExecutor background = new ScheduledThreadPoolExecutor(1, named("karst-log-scheduler"));
        // Work not yet started when the store closes is dropped: close() flushes everything itself.
        background.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = background;
        this.cleanerThread = Executors.newSingleThreadScheduledExecutor(named("karst-log-cleaner"));
        this.cleanerThrottler = new Throttler(settings.cleanerIoMaxBytesPerSecond());
        this.cleaner = new LogCleaner(new OffsetCheckpoint(this.logDir, OffsetCheckpoint.CLEANER_OFFSET_FILE),
                () -> List.copyOf(logs.values()), clock, cleanerThrottler);
        scheduleBackgroundWork();
    }

    private void scheduleBackgroundWork() {
        long retention = settings.retentionCheckIntervalMs();
        scheduler.scheduleWithFixedDelay(this::applyRetention, retention, retention, TimeUnit.MILLISECONDS);
        long flush = settings.flushSchedulerIntervalMs();
        if (flush < Long.MAX_VALUE) {
            scheduler.scheduleWithFixedDelay(this::flushDueLogs, flush, flush, TimeUnit.MILLISECONDS);
        }
        if (settings.cleanerEnable()) {
            long backoff = settings.cleanerBackoffMs();
            cleanerThread.scheduleWithFixedDelay(cleaner::cleanDueLogs, backoff, backoff, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public LogConfig defaultConfig() {
        return settings.logDefaults();
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
        Map<TopicPartition, Long> recoveryPointsRead = readCheckpoint(recoveryPoints,
                "validating all segments of every log after an unclean shutdown");
        Map<TopicPartition, Long> startOffsetsRead = readCheckpoint(logStartOffsets,
                "every log starts at its first segment");
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(logDir, Files::isDirectory)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (name.endsWith(DELETE_DIR_SUFFIX)) {
                    Directories.deleteRecursively(folder);
                    LOG.info("Removed {}, the folder of a deleted partition", folder);
                    continue;
                }
                TopicPartition tp = partitionOfFolder(name);
                if (tp == null) {
                    LOG.warn("Ignoring {}: not a <topic>-<partition> log folder", folder);
                    continue;
                }
                logs.put(tp, Log.open(folder, tp, defaults, recoveryPointsRead.getOrDefault(tp, 0L),
                        startOffsetsRead.getOrDefault(tp, 0L), cleanShutdown, clock, new Hooks()));
            }
        }
        Files.deleteIfExists(marker);
        LOG.info("Opened {} logs in {} in {} ms (clean shutdown marker {})", logs.size(), logDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), cleanShutdown ? "present" : "absent");
    }

    /** A checkpoint's offsets; none when the file is unreadable. */
    private static Map<TopicPartition, Long> readCheckpoint(OffsetCheckpoint checkpoint, String consequence) {
        try {
            return checkpoint.read();
        } catch (IOException e) {
            LOG.warn("{}: {}", consequence, e.getMessage());
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

    /** The cleaner, for tests that compact on demand. */
    LogCleaner cleaner() {
        return cleaner;
    }

    /**
     * The log of {@code tp}, created empty when absent; an existing log takes {@code config} from now on.
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
                    log = Log.open(logDir.resolve(tp.toString()), tp, config, 0, 0, true, clock, new Hooks());
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

    /**
     * Closes the log of {@code tp} and renames its folder {@code <topic>-<partition>.<id>-delete}, which is
     * removed in the background after the log's {@code file.delete.delay.ms} (or at the next start). A new
     * log of the same name may be created at once.
     */
    @Override
    public synchronized void delete(TopicPartition tp) throws IOException {
        Log log = logs.remove(tp);
        if (log == null) {
            return;
        }
        log.closeForDeletion();
        Path doomed = logDir.resolve(tp + "." + UUID.randomUUID().toString().replace("-", "") + DELETE_DIR_SUFFIX);
        Files.move(log.dir(), doomed, StandardCopyOption.ATOMIC_MOVE);
        Directories.force(logDir);
        cleaner.forget(tp);
        checkpointRecoveryPoints();
        checkpointLogStartOffsets();
        scheduleQuietly(() -> {
            try {
                Directories.deleteRecursively(doomed);
            } catch (IOException e) {
                LOG.warn("Cannot remove {}; the next start removes it", doomed, e);
            }
        }, log.config().fileDeleteDelayMs());
        LOG.info("Deleted log {}; its folder is {} until removed", tp, doomed);
    }

    /** One retention pass over every log; a failing log is logged and the others go on. */
    void applyRetention() {
        for (Log log : logs.values()) {
            try {
                log.deleteOldSegments();
            } catch (IOException | RuntimeException e) {
                LOG.error("Retention of {} failed", log.topicPartition(), e);
            }
        }
    }

    private void flushDueLogs() {
        for (Log log : logs.values()) {
            try {
                log.flushIfDue();
            } catch (IOException | RuntimeException e) {
                LOG.error("Flushing {} failed", log.topicPartition(), e);
            }
        }
    }

    /** Schedules background work, unless the store is closing (files left then are removed at the next start). */
    private void scheduleQuietly(Runnable task, long delayMs) {
        try {
            scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Not scheduling background work: the store in {} is closing", logDir);
        }
    }

    /** What every log of this store tells it. */
    private final class Hooks implements LogHooks {
        @Override
        public void recoveryPointMoved() throws IOException {
            // a flush that races with close() leaves the file to it
            if (!closed) {
                checkpointRecoveryPoints();
            }
        }

        @Override
        public void logStartOffsetMoved() throws IOException {
            if (!closed) {
                checkpointLogStartOffsets();
            }
        }

        @Override
        public void schedule(Runnable task, long delayMs) {
            scheduleQuietly(task, delayMs);
        }
    }

    /** Writes every open log's recovery point to its checkpoint file. */
    private void checkpointRecoveryPoints() throws IOException {
        // one writer at a time, each with a fresh snapshot, so an older snapshot never lands last
        synchronized (recoveryPoints) {
            Map<TopicPartition, Long> points = new HashMap<>();
            logs.forEach((tp, log) -> points.put(tp, log.recoveryPoint()));
            recoveryPoints.write(points);
        }
    }

    /** Writes every open log's start offset to its checkpoint file. */
    private void checkpointLogStartOffsets() throws IOException {
        synchronized (logStartOffsets) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            logs.forEach((tp, log) -> offsets.put(tp, log.logStartOffset()));
            logStartOffsets.write(offsets);
        }
    }

    /**
     * Stops the background work, flushes and closes every log, writes the checkpoints and, when all of that
     * worked, the clean shutdown marker; then releases the directory.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        stopBackgroundWork(failures);
        try {
            checkpointLogStartOffsets();
        } catch (IOException e) {
            failures.add(e);
        }
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

    private void stopBackgroundWork(List<Exception> failures) {
        // No interrupts: an interrupted read or force closes the channel, and the channels are the logs'.
        // The stopped throttler ends a cleaning pass at its next batch.
        cleanerThrottler.stop();
        cleanerThread.shutdown();
        scheduler.shutdown();
        try {
            if (!cleanerThread.awaitTermination(30, TimeUnit.SECONDS) || !scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                failures.add(new IOException("background work of the log store did not stop within 30 s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
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

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
