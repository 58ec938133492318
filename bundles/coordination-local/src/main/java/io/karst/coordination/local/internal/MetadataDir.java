package io.karst.coordination.local.internal;

import io.karst.api.coordination.TopicDescription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The local coordinator's directory: {@code cluster.properties} (the cluster id), {@code topics.properties}
 * (see {@link TopicsFormat}), {@code producer-ids.properties} (the first producer id not yet handed out) and
 * a {@code .lock} file held while open, so that two coordinators never share one directory. Both files are replaced atomically ({@link AtomicFile}). Not thread-safe: the coordinator
 * serialises access.
 */
final class MetadataDir implements AutoCloseable {

    private static final String CLUSTER_ID_KEY = "cluster.id";
    private static final String NEXT_PRODUCER_ID_KEY = "next.producer.id";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicFile clusterFile;
    private final AtomicFile topicsFile;
    private final AtomicFile producerIdsFile;

    private MetadataDir(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.clusterFile = new AtomicFile(dir.resolve("cluster.properties"));
        this.topicsFile = new AtomicFile(dir.resolve("topics.properties"));
        this.producerIdsFile = new AtomicFile(dir.resolve("producer-ids.properties"));
    }

    /**
     * Creates the directory if needed and locks it.
     *
     * @throws UncheckedIOException when it cannot be created or locked
     * @throws IllegalStateException when another coordinator holds it
     */
    static MetadataDir open(Path dir) {
        Path lockFile = dir.resolve(".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("metadata directory " + dir + " is in use by another process");
            }
            return new MetadataDir(dir, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeAfterFailure(channel, e);
            throw new IllegalStateException("metadata directory " + dir + " is in use by another coordinator in this process", e);
        } catch (IOException e) {
            closeAfterFailure(channel, e);
            throw new UncheckedIOException("cannot open metadata directory " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfterFailure(channel, e);
            throw e;
        }
    }

    Path path() {
        return dir;
    }

    /** The cluster id stored here, or a new one stored now. */
    String loadOrCreateClusterId() {
        if (!clusterFile.exists()) {
            String id = ClusterIds.random();
            write(clusterFile, new PropertiesText()
                    .comment("Karst cluster identity, created once.")
                    .put(CLUSTER_ID_KEY, id)
                    .toString());
            return id;
        }
        String id = parse(clusterFile).get(CLUSTER_ID_KEY);
        if (id == null || id.isBlank()) {
            throw corrupt(clusterFile, "missing key " + CLUSTER_ID_KEY, null);
        }
        return id;
    }

    /** The stored topics by name; none when the file does not exist yet. */
    SortedMap<String, TopicDescription> loadTopics() {
        if (!topicsFile.exists()) {
            return new TreeMap<>();
        }
        Map<String, String> properties = parse(topicsFile);
        try {
            return TopicsFormat.decode(properties);
        } catch (IllegalArgumentException e) {
            throw corrupt(topicsFile, e.getMessage(), e);
        }
    }

    /** The first producer id never handed out; 0 when none was. */
    long loadNextProducerId() {
        if (!producerIdsFile.exists()) {
            return 0;
        }
        String value = parse(producerIdsFile).get(NEXT_PRODUCER_ID_KEY);
        try {
            long next = Long.parseLong(value == null ? "" : value);
            if (next < 0) {
                throw corrupt(producerIdsFile, NEXT_PRODUCER_ID_KEY + " is negative: " + next, null);
            }
            return next;
        } catch (NumberFormatException e) {
            throw corrupt(producerIdsFile, NEXT_PRODUCER_ID_KEY + " is missing or not an integer: '" + value + "'", e);
        }
    }

    void saveNextProducerId(long next) {
        write(producerIdsFile, new PropertiesText()
                .comment("Karst producer ids: every id below this one has been handed out.")
                .put(NEXT_PRODUCER_ID_KEY, next)
                .toString());
    }

    /** Replaces the stored topics with these. */
    void saveTopics(Collection<TopicDescription> topics) {
        write(topicsFile, TopicsFormat.encode(topics));
    }

    @Override
    public void close() {
        try (FileChannel channel = lockChannel) {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + dir, e);
        }
    }

    private static Map<String, String> parse(AtomicFile file) {
        try {
            return PropertiesText.parse(file.read());
        } catch (IOException e) {
            throw corrupt(file, e.toString(), e);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, e.getMessage(), e);
        }
    }

    private static void write(AtomicFile file, String content) {
        try {
            file.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private static IllegalStateException corrupt(AtomicFile file, String problem, Throwable cause) {
        return new IllegalStateException("cannot read metadata file " + file.path() + ": " + problem, cause);
    }

    private static void closeAfterFailure(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
