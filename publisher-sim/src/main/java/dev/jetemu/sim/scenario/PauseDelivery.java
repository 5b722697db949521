package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

import java.time.Duration;

/**
 * Holds the device's events for {@code duration} of scenario time, then delivers them in order;
 * the steps after it go on meanwhile. Acts on the device's side, so it works with any broker.
 */
public record PauseDelivery(Position at, Duration duration) implements Fault {

    public static final String KEYWORD = "pause-delivery";

    @Override
    public String keyword() {
        return KEYWORD;
    }

    @Override
    public boolean needsOwnBroker() {
        return false;
    }
}
