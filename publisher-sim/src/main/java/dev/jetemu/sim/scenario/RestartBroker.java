package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

import java.time.Duration;

/**
 * Stops the broker (every connection and session goes), keeps it down for {@code downFor} of
 * scenario time, and starts it again on the same port. The device's state is untouched.
 */
public record RestartBroker(Position at, Duration downFor) implements Fault {

    public static final String KEYWORD = "restart-broker";

    @Override
    public String keyword() {
        return KEYWORD;
    }
}
