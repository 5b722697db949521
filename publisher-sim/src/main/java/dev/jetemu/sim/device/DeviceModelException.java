package dev.jetemu.sim.device;

/**
 * An operation does not fit the device's state or its input is not valid: adding what exists, changing
 * or deleting what does not, a unit without its interface, a malformed name or address. The message
 * names the object and says what was expected ({@code what is wrong; expected what}); the scenario
 * layer puts the file, line and column in front of it. An operation that throws has changed nothing.
 */
public final class DeviceModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceModelException(String message) {
        super(message);
    }
}
