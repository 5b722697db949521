package dev.jetemu.app.record;

/** The broker to record from could not be reached, refused the login, or refused a subscription. */
public final class BrokerConnectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BrokerConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
