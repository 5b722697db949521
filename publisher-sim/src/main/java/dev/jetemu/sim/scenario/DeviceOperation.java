package dev.jetemu.sim.scenario;

import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.event.JetEvent;

import java.util.List;

/** A change to apply to the device; returns the events it causes, in order. */
@FunctionalInterface
public interface DeviceOperation {

    /** @throws dev.jetemu.sim.device.DeviceModelException when the device refuses the change */
    List<JetEvent> apply(Device device);
}
