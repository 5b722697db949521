package dev.jetemu.sim.event;

/** A payload is not one jet-event JSON object, as a JET client would reject it. */
public final class MalformedJetEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedJetEventException(String message) {
        super(message);
    }

    public MalformedJetEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
