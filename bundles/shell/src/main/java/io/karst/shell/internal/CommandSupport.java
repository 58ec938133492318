package io.karst.shell.internal;

import io.karst.api.KarstException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** What every Karst command needs: a running broker's service, one-line errors, text from bytes. */
final class CommandSupport {
    static final String NOT_RUNNING = "Karst broker is not running";

    private CommandSupport() {
    }

    /** The service, or a one-line error when no broker runs (Karaf injects null for a missing optional service). */
    static <T> T running(T service) {
        if (service == null) {
            throw new IllegalStateException(NOT_RUNNING);
        }
        return service;
    }

    /** Runs {@code call}; a broker error becomes a one-line error with the broker's message. */
    static <T> T call(Callable<T> call) throws Exception {
        try {
            return call.call();
        } catch (KarstException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Bytes shown as UTF-8 text; {@code null} for null, as Kafka's console consumer prints it. */
    static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code key=value} pairs as a map, in order.
     *
     * @throws IllegalArgumentException naming a pair without '='
     */
    static Map<String, String> keyValues(List<String> pairs, String what) {
        Map<String, String> result = new LinkedHashMap<>();
        if (pairs == null) {
            return result;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Invalid " + what + " '" + pair + "': expected name=value");
            }
            result.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return result;
    }
}
