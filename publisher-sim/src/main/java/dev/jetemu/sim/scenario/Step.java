package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

/**
 * One step of a scenario, as written in its file. The kinds are closed: a change of the device
 * (every {@code <object>-add|change|delete}, {@code interface-down|up}, {@code syslog},
 * {@code config-update}), and the steps that control the run.
 */
public sealed interface Step permits DeviceChange, AwaitSubscribers, Sleep, Repeat, Raw, ExpectMessage,
        ExpectNoMessage, Fault, Generated {

    /** The step's keyword, as in the file: {@code route-add}, {@code sleep}. */
    String keyword();

    /** Where the step's keyword is written. */
    Position at();
}
