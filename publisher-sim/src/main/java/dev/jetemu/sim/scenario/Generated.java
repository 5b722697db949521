package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The steps a generator ({@code routes-generate}, {@code flaps-generate}, ...) makes, produced as
 * the run reaches them rather than held in memory: a million routes take the memory of one batch.
 * Each call of {@link #steps()} starts again from the first step and yields the same steps, so a
 * dry run and the run see the same thing.
 */
public record Generated(String keyword, Position at, Supplier<Iterator<Step>> steps) implements Step {
}
