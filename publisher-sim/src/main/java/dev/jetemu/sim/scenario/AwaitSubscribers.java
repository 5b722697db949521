package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

import java.time.Duration;

/**
 * Waits until {@code count} connected clients hold a subscription that would receive some
 * message published under {@code filter}; fails the scenario after {@code timeout}.
 */
public record AwaitSubscribers(Position at, String filter, int count, Duration timeout) implements Step {

    public static final String KEYWORD = "await-subscribers";

    @Override
    public String keyword() {
        return KEYWORD;
    }
}
