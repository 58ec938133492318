package io.karst.api.broker;

/**
 * One config of a topic as the console shows it.
 *
 * @param key      Kafka's topic-level key, e.g. {@code retention.ms}
 * @param value    its effective value
 * @param override whether the topic sets it itself (else the broker's default applies)
 */
public record TopicConfigEntry(String key, String value, boolean override) {
}
