package io.karst.api;

/**
 * A failure that maps onto one Kafka error code; services throw it so that the broker can answer a
 * client precisely. The code is Kafka's (see the protocol guide's error table).
 */
public class KarstException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Errors error;

    public KarstException(Errors error, String message) {
        super(message);
        this.error = error;
    }

    public KarstException(Errors error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public Errors error() {
        return error;
    }
}
