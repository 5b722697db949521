package dev.jetemu.sim.run;

import dev.jetemu.sim.scenario.Step;

import java.time.Instant;

/** Follows a run: progress on a terminal, reports. Called on the running thread. */
public interface RunListener {

    RunListener NONE = new RunListener() { };

    /**
     * @param number the step's number among the scenario's top-level steps, from 1
     * @param total  how many top-level steps there are
     */
    default void stepStarted(int number, int total, Step step) { }

    /** A message the device published, with the scenario time it carries. */
    default void published(String topic, byte[] payload, Instant scenarioTime) { }
}
