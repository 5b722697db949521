package dev.jetemu.sim.net;

/**
 * A text is not the address or prefix it should be. The message reads {@code what is wrong;
 * expected what}, ready to be shown to the user with the caller's context in front of it.
 */
public final class InvalidAddressException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidAddressException(String message) {
        super(message);
    }
}
