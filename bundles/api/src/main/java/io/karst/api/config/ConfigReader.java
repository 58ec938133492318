package io.karst.api.config;

import java.util.Map;

/**
 * Reads typed values from Config Admin properties or a plain map, where values may be strings or
 * already typed. Every failure names the key.
 */
public final class ConfigReader {
    private final Map<String, ?> props;

    public ConfigReader(Map<String, ?> props) {
        this.props = props;
    }

    public String string(String key, String defaultValue) {
        Object v = props.get(key);
        return v == null ? defaultValue : v.toString().trim();
    }

    public boolean bool(String key, boolean defaultValue) {
        String v = string(key, null);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("Invalid value " + v + " for " + key + ": must be true or false");
    }

    public int intAtLeast(String key, int defaultValue, int min) {
        long v = longAtLeast(key, defaultValue, min);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Invalid value " + v + " for " + key + ": above " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    public long longAtLeast(String key, long defaultValue, long min) {
        String v = string(key, null);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value " + v + " for " + key + ": not a number", e);
        }
        if (parsed < min) {
            throw new IllegalArgumentException("Invalid value " + v + " for " + key + ": must be at least " + min);
        }
        return parsed;
    }
}
