package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

import java.util.List;

/** Runs {@code steps} {@code times} times over. */
public record Repeat(Position at, int times, List<Step> steps) implements Step {

    public static final String KEYWORD = "repeat";

    public Repeat {
        steps = List.copyOf(steps);
    }

    @Override
    public String keyword() {
        return KEYWORD;
    }
}
