/**
 * Scenarios: the model of a scenario file ({@link dev.jetemu.sim.scenario.Scenario} and its
 * {@link dev.jetemu.sim.scenario.Step}s), the loader that reads one from YAML and reports every
 * mistake with its file, line and column ({@link dev.jetemu.sim.scenario.ScenarioLoader}), and the
 * dry run that finds what the device model would refuse, without a broker
 * ({@link dev.jetemu.sim.scenario.ScenarioValidator}). The format is documented field by field in
 * {@code scenarios/FORMAT.md} at the top of the project.
 *
 * <p>The loader is organised by the kind of step: {@code StepReader} reads the list and its shape,
 * and each family of steps ({@code InterfaceSteps}, {@code RouteSteps}, {@code FirewallFilterSteps},
 * {@code DaemonSteps}, {@code ControlSteps}, {@code RoutesGenerator}) declares its keywords, fields
 * and how to build them; {@code DeviceSectionReader} reads the initial state with the same builders.
 */
package dev.jetemu.sim.scenario;
