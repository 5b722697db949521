package dev.jetemu.sim.run;

/** The sink cannot deliver: the broker is unreachable or went away. The environment failed, not the scenario. */
public final class SinkException extends RuntimeException {

    public SinkException(String message) {
        super(message);
    }

    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
