package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

import java.time.Duration;

/** Lets scenario time pass: real time divided by the speed, or none at all in virtual time. */
public record Sleep(Position at, Duration duration) implements Step {

    public static final String KEYWORD = "sleep";

    @Override
    public String keyword() {
        return KEYWORD;
    }
}
