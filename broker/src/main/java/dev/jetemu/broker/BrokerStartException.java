package dev.jetemu.broker;

/** The broker could not start because of its environment: the port is taken, say. */
public final class BrokerStartException extends Exception {

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
