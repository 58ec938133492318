package io.karst.group.coordinator.internal.runtime;

import io.karst.api.record.LogRecord;

/**
 * A coordinator's state for one partition of its internal topic, kept in memory while this broker
 * leads the partition. The runtime replays the partition's log into a new shard, calls
 * {@link #loaded} once and only then hands it out; {@link #unloaded} ends it.
 */
public interface CoordinatorShard {

    /** Applies one record of the partition's log, in offset order, while loading. */
    void replay(LogRecord record);

    /** The log is replayed: the shard may start its timers and serve. */
    void loaded();

    /** The broker no longer leads the partition: answer what waits with NOT_COORDINATOR and let go. */
    void unloaded();
}
