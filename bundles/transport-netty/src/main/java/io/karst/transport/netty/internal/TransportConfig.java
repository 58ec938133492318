package io.karst.transport.netty.internal;

import io.karst.api.coordination.Endpoint;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The listener's settings, under Kafka's broker config keys.
 *
 * @param listeners             {@code listeners}: where to accept connections; port 0 picks a free port
 * @param socketRequestMaxBytes {@code socket.request.max.bytes}: the largest request frame accepted
 * @param connectionsMaxIdleMs  {@code connections.max.idle.ms}: a connection without traffic this long is closed
 * @param numNetworkThreads     {@code num.network.threads}: event-loop threads that read and write connections
 */
record TransportConfig(List<Endpoint> listeners, int socketRequestMaxBytes, long connectionsMaxIdleMs,
                       int numNetworkThreads) {

    public static final String LISTENERS = "listeners";
    public static final String SOCKET_REQUEST_MAX_BYTES = "socket.request.max.bytes";
    public static final String CONNECTIONS_MAX_IDLE_MS = "connections.max.idle.ms";
    public static final String NUM_NETWORK_THREADS = "num.network.threads";

    public static final String DEFAULT_LISTENERS = "PLAINTEXT://127.0.0.1:9092";
    public static final int DEFAULT_SOCKET_REQUEST_MAX_BYTES = 104857600;
    public static final long DEFAULT_CONNECTIONS_MAX_IDLE_MS = 600000L;
    public static final int DEFAULT_NUM_NETWORK_THREADS = 3;

    /** The only security protocol served so far. */
    static final String PLAINTEXT = "PLAINTEXT";

    /**
     * @throws IllegalArgumentException naming the key of a value out of range, a listener that is not
     *     PLAINTEXT, or two listeners with one name
     */
    public TransportConfig {
        listeners = List.copyOf(listeners);
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException(LISTENERS + ": at least one listener is required");
        }
        Set<String> names = new HashSet<>();
        for (Endpoint listener : listeners) {
            if (!PLAINTEXT.equals(listener.securityProtocol())) {
                throw new IllegalArgumentException(LISTENERS + ": listener " + listener + " uses security protocol "
                        + listener.securityProtocol() + "; only " + PLAINTEXT + " is supported");
            }
            if (!names.add(listener.listenerName())) {
                throw new IllegalArgumentException(LISTENERS + ": listener name " + listener.listenerName() + " appears twice");
            }
        }
        requirePositive(SOCKET_REQUEST_MAX_BYTES, socketRequestMaxBytes);
        requirePositive(CONNECTIONS_MAX_IDLE_MS, connectionsMaxIdleMs);
        requirePositive(NUM_NETWORK_THREADS, numNetworkThreads);
    }

    /**
     * Reads the settings from Kafka's keys; an absent key takes its default, other keys are ignored.
     * Values may be strings (as in a {@code .cfg} file) or numbers (as typed by metatype).
     *
     * @throws IllegalArgumentException naming the key of a malformed or out-of-range value
     */
    public static TransportConfig fromMap(Map<String, ?> settings) {
        String listeners = string(settings, LISTENERS, DEFAULT_LISTENERS);
        List<Endpoint> endpoints;
        try {
            endpoints = Endpoint.parseList(listeners);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LISTENERS + ": " + e.getMessage(), e);
        }
        return new TransportConfig(endpoints,
                Math.toIntExact(number(settings, SOCKET_REQUEST_MAX_BYTES, DEFAULT_SOCKET_REQUEST_MAX_BYTES, Integer.MAX_VALUE)),
                number(settings, CONNECTIONS_MAX_IDLE_MS, DEFAULT_CONNECTIONS_MAX_IDLE_MS, Long.MAX_VALUE),
                Math.toIntExact(number(settings, NUM_NETWORK_THREADS, DEFAULT_NUM_NETWORK_THREADS, Integer.MAX_VALUE)));
    }

    private static String string(Map<String, ?> settings, String key, String defaultValue) {
        Object value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(key + ": expected a string, got " + value.getClass().getSimpleName() + " " + value);
        }
        return s;
    }

    private static long number(Map<String, ?> settings, String key, long defaultValue, long max) {
        Object value = settings.get(key);
        long n;
        if (value == null) {
            return defaultValue;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            n = ((Number) value).longValue();
        } else if (value instanceof String s) {
            try {
                n = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": '" + s + "' is not an integer", e);
            }
        } else {
            throw new IllegalArgumentException(key + ": expected an integer, got " + value.getClass().getSimpleName() + " " + value);
        }
        if (n > max) {
            throw new IllegalArgumentException(key + ": " + n + " is larger than " + max);
        }
        return n;
    }

    private static void requirePositive(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + ": must be at least 1, got " + value);
        }
    }
}
