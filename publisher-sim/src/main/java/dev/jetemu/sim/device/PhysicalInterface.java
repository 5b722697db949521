package dev.jetemu.sim.device;

import dev.jetemu.sim.event.InterfaceFlag;
import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.JetEvents;
import dev.jetemu.sim.event.Operation;

import java.util.LinkedHashMap;
import java.util.Map;

/** An interface (IFD) of the simulated kernel, with its units in creation order. */
final class PhysicalInterface {

    final String name;
    final int snmpId;
    boolean linkDown;
    boolean disabled;
    final Map<Integer, LogicalUnit> units = new LinkedHashMap<>();

    PhysicalInterface(String name, int snmpId) {
        this.name = name;
        this.snmpId = snmpId;
    }

    /** Down by its link or by configuration: its units are down either way. */
    boolean isDown() {
        return linkDown || disabled;
    }

    int flags() {
        return InterfaceFlag.flags(linkDown, disabled);
    }

    JetEvent event(Operation operation) {
        return JetEvents.ifd(operation, name, snmpId, flags());
    }
}
