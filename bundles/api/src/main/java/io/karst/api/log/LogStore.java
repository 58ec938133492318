package io.karst.api.log;

import io.karst.api.TopicPartition;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;

/**
 * The storage service: every partition log on this broker, each a folder {@code <topic>-<partition>}
 * under the log directory. Logs found on disk are recovered and opened when the store starts.
 */
public interface LogStore {

    /**
     * The store's defaults ({@code log.segment.bytes} and friends), on which a topic's own
     * settings are laid to make the {@link LogConfig} of its partitions.
     */
    default LogConfig defaultConfig() {
        return LogConfig.DEFAULTS;
    }

    /** The log of {@code tp}, created empty when absent. */
    PartitionLog getOrCreate(TopicPartition tp, LogConfig config) throws IOException;

    Optional<PartitionLog> get(TopicPartition tp);

    /** Every open log, including those recovered from disk at start. */
    Collection<PartitionLog> all();

    /** Closes and removes the log of {@code tp} and its files; does nothing when absent. */
    void delete(TopicPartition tp) throws IOException;
}
