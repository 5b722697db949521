package dev.jetemu.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jetemu.diagnostics.Position;

import java.time.Duration;
import java.util.Optional;

/**
 * Watches for {@code within} (real time) and fails the scenario when an application publishes a
 * message on a topic matching {@code filter} (and, when {@code payload} is given, whose JSON payload
 * contains it). Only messages published after the step starts count.
 */
public record ExpectNoMessage(Position at, String filter, Optional<JsonNode> payload, Duration within)
        implements Step {

    public static final String KEYWORD = "expect-no-message";

    @Override
    public String keyword() {
        return KEYWORD;
    }
}
