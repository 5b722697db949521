package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

/**
 * A step that changes the device: {@code ifd-add}, {@code route-delete}, {@code interface-down},
 * {@code syslog}, ... Its operation is built by the loader from the step's fields, already checked.
 */
public record DeviceChange(String keyword, Position at, DeviceOperation operation) implements Step {
}
