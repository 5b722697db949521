package dev.jetemu.sim.device;

import dev.jetemu.sim.event.InterfaceFlag;
import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.JetEvents;
import dev.jetemu.sim.event.Operation;

import java.util.LinkedHashMap;
import java.util.Map;

/** A unit (IFL) of an interface, with its families in creation order. */
final class LogicalUnit {

    final PhysicalInterface ifd;
    final int unit;
    final int snmpId;
    boolean disabled;
    final Map<Family, UnitFamily> families = new LinkedHashMap<>();

    LogicalUnit(PhysicalInterface ifd, int unit, int snmpId) {
        this.ifd = ifd;
        this.unit = unit;
        this.snmpId = snmpId;
    }

    IflName name() {
        return new IflName(ifd.name, unit);
    }

    /** The unit's DOWN bit follows its interface, as Junos shows a unit of a down interface as Device-Down. */
    int flags() {
        return InterfaceFlag.flags(ifd.isDown(), disabled);
    }

    JetEvent event(Operation operation) {
        return JetEvents.ifl(operation, ifd.name, unit, snmpId, flags());
    }
}
