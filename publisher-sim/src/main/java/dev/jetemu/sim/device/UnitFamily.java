package dev.jetemu.sim.device;

import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.JetEvents;
import dev.jetemu.sim.event.Operation;
import dev.jetemu.sim.net.InterfaceAddress;
import dev.jetemu.sim.net.IpAddress;

import java.util.LinkedHashMap;
import java.util.Map;

/** A protocol family (IFF) on a unit, with its addresses (IFA) keyed by local address, in creation order. */
final class UnitFamily {

    final LogicalUnit unit;
    final Family family;
    final Map<IpAddress, InterfaceAddress> addresses = new LinkedHashMap<>();

    UnitFamily(LogicalUnit unit, Family family) {
        this.unit = unit;
        this.family = family;
    }

    JetEvent event(Operation operation) {
        return JetEvents.iff(operation, unit.ifd.name, unit.unit, family.word(), family.tableName());
    }

    JetEvent addressEvent(Operation operation, InterfaceAddress address) {
        return JetEvents.ifa(operation, unit.ifd.name, unit.unit, family.word(), address.local().toString(),
                address.destination().map(Object::toString).orElse(""),
                address.broadcast().map(Object::toString).orElse(""));
    }

    /** {@code family inet of ge-0/0/0.0}, for messages. */
    String describe() {
        return "family " + family + " of " + unit.name();
    }
}
