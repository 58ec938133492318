package io.karst.storage.internal;

import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import io.karst.api.log.LogStore;
import io.karst.api.log.PartitionLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes a {@link FileLogStore} as the {@link LogStore} service ({@code storage=file}), configured by
 * PID {@code io.karst.storage} under Kafka's broker keys (read by {@link StorageSettings}). A configuration
 * change restarts the store: logs are closed cleanly and reopened.
 *
 * <p>It is also the storage bundle's plain-Java entry point: {@link #open} starts the same store outside OSGi
 * (the test kit, the benchmarks, other bundles' tests), and {@link #close} stops it.
 */
@Component(service = LogStore.class, configurationPid = "io.karst.storage", property = "storage=file")
@Designate(ocd = LogStoreComponent.Config.class)
public class LogStoreComponent implements LogStore, AutoCloseable {

    /**
     * Storage settings as Config Admin describes them; method names map to Kafka's broker keys
     * ({@code log_dirs()} is {@code log.dirs}). Empty values mean "not set".
     */
    @ObjectClassDefinition(name = "Karst log storage",
            description = "Where partition logs live, how segments are cut, kept, compacted and flushed. Keys are Kafka's broker config names.")
    public @interface Config {
        @AttributeDefinition(name = "Log directories", description = "Directory holding the partition logs. "
                + "Comma-separated, but only the first is used. A relative path is resolved against karaf.data.")
        String log_dirs() default "karst/logs";

        @AttributeDefinition(name = "Segment size", description = "Size in bytes at which a segment is closed and a new one started.")
        int log_segment_bytes() default 1073741824;

        @AttributeDefinition(name = "Segment age", description = "Age in ms at which a segment is rolled even if not full.")
        long log_roll_ms() default 604800000L;

        @AttributeDefinition(name = "Index interval", description = "Bytes of batches between two offset index entries.")
        int log_index_interval_bytes() default 4096;

        @AttributeDefinition(name = "Index size", description = "Largest size in bytes of one offset or time index file.")
        int log_index_size_max_bytes() default 10485760;

        @AttributeDefinition(name = "Retention (hours)", description = "Hours a closed segment is kept after its newest record; -1 forever.")
        long log_retention_hours() default 168;

        @AttributeDefinition(name = "Retention (minutes)", required = false, description = "Overrides log.retention.hours when set.")
        String log_retention_minutes() default "";

        @AttributeDefinition(name = "Retention (ms)", required = false, description = "Overrides log.retention.minutes and hours when set; -1 forever.")
        String log_retention_ms() default "";

        @AttributeDefinition(name = "Retention (bytes)", description = "Largest size of a partition log before its oldest segments go; -1 unbounded.")
        long log_retention_bytes() default -1;

        @AttributeDefinition(name = "Retention check interval", description = "How often (ms) logs are checked for segments to delete.")
        long log_retention_check_interval_ms() default 300000L;

        @AttributeDefinition(name = "Cleanup policy", description = "delete, compact or compact,delete.")
        String log_cleanup_policy() default "delete";

        @AttributeDefinition(name = "Segment delete delay", description = "How long (ms) a removed segment's files stay as .deleted.")
        long log_segment_delete_delay_ms() default 60000L;

        @AttributeDefinition(name = "Cleaner enabled", description = "Run the log cleaner that compacts logs with cleanup.policy compact.")
        boolean log_cleaner_enable() default true;

        @AttributeDefinition(name = "Tombstone retention", description = "How long (ms) a compacted log keeps a tombstone once cleaned.")
        long log_cleaner_delete_retention_ms() default 86400000L;

        @AttributeDefinition(name = "Minimum dirty ratio", description = "Share of uncleaned bytes at which a log is compacted.")
        double log_cleaner_min_cleanable_ratio() default 0.5;

        @AttributeDefinition(name = "Cleaner backoff", description = "Pause (ms) between looks for logs to compact.")
        long log_cleaner_backoff_ms() default 15000L;

        @AttributeDefinition(name = "Cleaner I/O limit", description = "Bytes per second the cleaner may read.")
        double log_cleaner_io_max_bytes_per_second() default Double.MAX_VALUE;

        @AttributeDefinition(name = "Flush interval (messages)", description = "Records appended before a log is forced to disk.")
        long log_flush_interval_messages() default Long.MAX_VALUE;

        @AttributeDefinition(name = "Flush interval (ms)", required = false, description = "Age of unflushed data that forces a flush; empty: log.flush.scheduler.interval.ms.")
        String log_flush_interval_ms() default "";

        @AttributeDefinition(name = "Flush check interval", description = "How often (ms) logs are checked against their flush.ms.")
        long log_flush_scheduler_interval_ms() default Long.MAX_VALUE;
    }

    private volatile FileLogStore store;

    /**
     * A store configured by Kafka's broker keys, as in {@code io.karst.storage.cfg}, outside OSGi: a relative
     * {@code log.dirs} resolves against {@code karaf.data} when that system property is set, else the working
     * directory. The caller closes it.
     *
     * @throws IllegalArgumentException naming the key of a bad value
     */
    public static LogStoreComponent open(Map<String, ?> properties) throws IOException {
        LogStoreComponent component = new LogStoreComponent();
        component.activate(new HashMap<>(properties));
        return component;
    }

    @Activate
    void activate(Map<String, Object> properties) throws IOException {
        store = new FileLogStore(StorageSettings.fromMap(properties, System.getProperty("karaf.data")));
    }

    /** Closes every log cleanly. */
    @Deactivate
    @Override
    public void close() throws IOException {
        store.close();
    }

    @Override
    public LogConfig defaultConfig() {
        return store.defaultConfig();
    }

    @Override
    public PartitionLog getOrCreate(TopicPartition tp, LogConfig config) throws IOException {
        return store.getOrCreate(tp, config);
    }

    @Override
    public Optional<PartitionLog> get(TopicPartition tp) {
        return store.get(tp);
    }

    @Override
    public Collection<PartitionLog> all() {
        return store.all();
    }

    @Override
    public void delete(TopicPartition tp) throws IOException {
        store.delete(tp);
    }
}
