package io.karst.api.coordination;

/** A listener as clients reach it, e.g. {@code PLAINTEXT://127.0.0.1:9092}. */
public record Endpoint(String listenerName, String host, int port, String securityProtocol) {

    /**
     * Parses {@code NAME://host:port}; the security protocol is the name itself for Kafka's
     * protocol names. An empty host means all interfaces, as in Kafka.
     *
     * @throws IllegalArgumentException with a message naming the bad value
     */
    public static Endpoint parse(String listener) {
        String s = listener.trim();
        int sep = s.indexOf("://");
        int colon = s.lastIndexOf(':');
        if (sep <= 0 || colon <= sep + 2) {
            throw new IllegalArgumentException("listener '" + listener + "' is not of the form NAME://host:port");
        }
        String name = s.substring(0, sep).toUpperCase(java.util.Locale.ROOT);
        String host = s.substring(sep + 3, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listener '" + listener + "' has no numeric port", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listener '" + listener + "' has port out of range");
        }
        return new Endpoint(name, host, port, name);
    }

    /** Parses a comma-separated {@code listeners} value. */
    public static java.util.List<Endpoint> parseList(String listeners) {
        java.util.List<Endpoint> result = new java.util.ArrayList<>();
        for (String part : listeners.split(",")) {
            if (!part.isBlank()) {
                result.add(parse(part));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return listenerName + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
