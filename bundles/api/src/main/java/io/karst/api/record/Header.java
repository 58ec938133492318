package io.karst.api.record;

/**
 * A record header: a text key and a byte value (null allowed, as Kafka allows).
 *
 * @param key   the header's name
 * @param value its value, or null
 */
public record Header(String key, byte[] value) {
}
