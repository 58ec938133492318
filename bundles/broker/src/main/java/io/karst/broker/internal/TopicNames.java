package io.karst.broker.internal;

import java.util.Set;

/** Kafka's rules for topic names (1 to 249 characters of [a-zA-Z0-9._-], not "." or ".."), and its internal topics. */
public final class TopicNames {
    public static final int MAX_LENGTH = 249;
    /** Kafka's internal topics, which Metadata marks as such. */
    private static final Set<String> INTERNAL = Set.of("__consumer_offsets", "__transaction_state");

    private TopicNames() {
    }

    /** Whether {@code topic} is one of Kafka's internal topics. */
    public static boolean isInternal(String topic) {
        return INTERNAL.contains(topic);
    }

    /** Why {@code name} is not a valid topic name, or null when it is. */
    public static String invalidReason(String name) {
        if (name == null || name.isEmpty()) {
            return "Topic name is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "Topic name cannot be \".\" or \"..\"";
        }
        if (name.length() > MAX_LENGTH) {
            return "Topic name is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return "Topic name '" + name + "' is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'";
            }
        }
        return null;
    }
}
