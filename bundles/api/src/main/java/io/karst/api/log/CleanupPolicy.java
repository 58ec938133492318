package io.karst.api.log;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happens to old data of a log, Kafka's {@code cleanup.policy}: whole segments deleted by age and
 * size ({@code delete}), records superseded by a later one with the same key removed ({@code compact}),
 * or both.
 */
public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact"),
    COMPACT_DELETE("compact,delete");

    private final String kafkaName;

    CleanupPolicy(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    /** The value as Kafka writes it in {@code cleanup.policy}. */
    public String kafkaName() {
        return kafkaName;
    }

    /** Whether retention deletes whole segments by age and size. */
    public boolean deletes() {
        return this != COMPACT;
    }

    /** Whether the cleaner compacts the log by key. */
    public boolean compacts() {
        return this != DELETE;
    }

    /**
     * Reads a {@code cleanup.policy} value: a comma-separated list of {@code delete} and {@code compact}, in
     * any order and case.
     *
     * @throws IllegalArgumentException naming the key when the list is empty or holds anything else
     */
    public static CleanupPolicy parse(String value) {
        Set<String> parts = new TreeSet<>();
        for (String part : value.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (!name.equals("delete") && !name.equals("compact")) {
                throw new IllegalArgumentException("Invalid value " + value
                        + " for configuration cleanup.policy: must be delete, compact or compact,delete");
            }
            parts.add(name);
        }
        if (parts.size() == 2) {
            return COMPACT_DELETE;
        }
        return parts.contains("compact") ? COMPACT : DELETE;
    }
}
