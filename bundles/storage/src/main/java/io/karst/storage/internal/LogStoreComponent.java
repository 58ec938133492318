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
import java.util.Optional;

/**
 * Publishes a {@link FileLogStore} as the {@link LogStore} service ({@code storage=file}), configured by
 * PID {@code io.karst.storage}. A configuration change restarts the store: logs are closed cleanly and
 * reopened.
 */
@Component(service = LogStore.class, configurationPid = "io.karst.storage", property = "storage=file")
@Designate(ocd = LogStoreComponent.Config.class)
public class LogStoreComponent implements LogStore {

    /** Storage settings; method names map to Kafka's broker keys ({@code log_dirs()} is {@code log.dirs}). */
    @ObjectClassDefinition(name = "Karst log storage",
            description = "Where partition logs live and how their segments are cut. Keys are Kafka's broker config names.")
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
    }

    private volatile FileLogStore store;

    @Activate
    void activate(Config config) throws IOException {
        StorageSettings settings = StorageSettings.from(config, System.getProperty("karaf.data"));
        store = new FileLogStore(settings.logDir(), settings.logDefaults());
    }

    @Deactivate
    void deactivate() throws IOException {
        store.close();
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
