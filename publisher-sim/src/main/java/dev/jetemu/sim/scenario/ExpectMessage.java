package dev.jetemu.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jetemu.diagnostics.Position;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits until an application publishes a message on a topic matching {@code filter} (and, when
 * {@code payload} is given, whose JSON payload contains it as a subset); fails the scenario
 * after {@code timeout}. Messages published since the scenario started count, each for one
 * expectation: the first match after the previous expect-message on the same filter.
 */
public record ExpectMessage(Position at, String filter, Optional<JsonNode> payload, Duration timeout)
        implements Step {

    public static final String KEYWORD = "expect-message";

    @Override
    public String keyword() {
        return KEYWORD;
    }
}
