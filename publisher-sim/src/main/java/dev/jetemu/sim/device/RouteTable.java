package dev.jetemu.sim.device;

import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.JetEvents;
import dev.jetemu.sim.event.Operation;
import dev.jetemu.sim.net.IpPrefix;
import dev.jetemu.sim.net.IpVersion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A routing table: its routes keyed by prefix, in the order they were added (so that deleting the
 * table reports them in that order). A route add or delete is one map operation; nothing is copied.
 */
final class RouteTable {

    final String name;
    final String logicalRouter;
    /** inet, inet6, iso or mpls: read from the name. */
    final String family;
    final Map<IpPrefix, Route> routes = new LinkedHashMap<>();
    private final IpVersion ipVersion;

    RouteTable(String name, String logicalRouter, String family, IpVersion ipVersion) {
        this.name = name;
        this.logicalRouter = logicalRouter;
        this.family = family;
        this.ipVersion = ipVersion;
    }

    /** The IP version of the prefixes the table holds; empty for iso and mpls tables. */
    Optional<IpVersion> ipVersion() {
        return Optional.ofNullable(ipVersion);
    }

    JetEvent event(Operation operation) {
        return JetEvents.routeTable(operation, name, logicalRouter, family);
    }

    JetEvent routeEvent(Operation operation, IpPrefix prefix, Route route) {
        return JetEvents.route(operation, name, logicalRouter, prefix.version().junosFamily(), route.type().word(),
                prefix.network().toString(), prefix.length(), route.nextHops());
    }

    /** {@code inet.0}, or {@code inet.0 of logical router lr1} away from the main router. */
    String describe() {
        return Device.DEFAULT_LOGICAL_ROUTER.equals(logicalRouter) ? name : name + " of logical router " + logicalRouter;
    }
}
