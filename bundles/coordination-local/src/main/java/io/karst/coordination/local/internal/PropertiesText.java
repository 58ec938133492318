package io.karst.coordination.local.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Writes key/value pairs in {@link Properties} syntax, in the caller's order, and reads them back with
 * {@link Properties#load(Reader)}. Unlike {@link Properties#store}, the output has no timestamp and a stable
 * order, so the file is easy to read and diff. Any string round-trips: separators, leading spaces, line
 * breaks and other control characters are escaped; other non-ASCII text is written as is (UTF-8), except
 * surrogates, which are escaped so that an unpaired one is not lost in encoding.
 */
final class PropertiesText {

    private final StringBuilder text = new StringBuilder();

    /** Adds a comment line; {@code comment} must be a single line. */
    PropertiesText comment(String comment) {
        if (comment.indexOf('\n') >= 0 || comment.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("comment spans lines: " + comment);
        }
        text.append("# ").append(comment).append('\n');
        return this;
    }

    PropertiesText put(String key, String value) {
        escape(key, true);
        text.append('=');
        escape(value, false);
        text.append('\n');
        return this;
    }

    PropertiesText put(String key, long value) {
        return put(key, Long.toString(value));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** Parses text in {@link Properties} syntax. */
    static Map<String, String> parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            // A StringReader does not fail; a malformed \\u escape is an IllegalArgumentException.
            throw new IllegalStateException(e);
        }
        Map<String, String> result = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            result.put(name, properties.getProperty(name));
        }
        return result;
    }

    private void escape(String s, boolean key) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\f' -> text.append("\\f");
                // In a key these end the key or start a comment; in a value only a leading space is special.
                case ' ' -> text.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> {
                    if (key) {
                        text.append('\\');
                    }
                    text.append(c);
                }
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
    }
}
