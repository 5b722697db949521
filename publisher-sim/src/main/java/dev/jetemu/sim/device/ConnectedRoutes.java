package dev.jetemu.sim.device;

import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.Operation;
import dev.jetemu.sim.net.InterfaceAddress;
import dev.jetemu.sim.net.IpPrefix;

import java.util.List;

/**
 * The routes an interface address brings into its family's table (inet.0 or inet6.0), as Junos adds
 * them: the subnet as {@code direct} and the address itself (/32, /128) as {@code local}. A /32 or
 * /128 address is its own subnet, so it brings one {@code direct} route, as a loopback address does.
 * Their next-hop lists are empty: the kernel reaches them through the interface, not an address.
 */
final class ConnectedRoutes {

    private static final List<String> NO_NEXT_HOPS = List.of();

    private final RoutingTables routing;

    ConnectedRoutes(RoutingTables routing) {
        this.routing = routing;
    }

    /** Refuses an address whose routes are already in the table, before anything changes. */
    void checkFree(UnitFamily family, InterfaceAddress address) {
        RouteTable table = routing.interfaceTable(family.family);
        checkFree(table, family, address, address.subnet(), RouteType.DIRECT);
        if (!address.isHost()) {
            checkFree(table, family, address, address.hostPrefix(), RouteType.LOCAL);
        }
    }

    private static void checkFree(RouteTable table, UnitFamily family, InterfaceAddress address, IpPrefix prefix,
                                  RouteType type) {
        Route existing = table.routes.get(prefix);
        if (existing != null) {
            throw new DeviceModelException("address " + address + " on " + family.unit.name() + " would add the " + type
                    + " route " + prefix + " to " + table.describe() + ", which already has that prefix (" + existing.type()
                    + "); expected an address whose subnet and address no other interface or route uses");
        }
    }

    /** Adds the direct route, then the local one; an event for each, in that order. */
    void add(UnitFamily family, InterfaceAddress address, List<JetEvent> events) {
        RouteTable table = routing.interfaceTable(family.family);
        put(table, address.subnet(), RouteType.DIRECT, events);
        if (!address.isHost()) {
            put(table, address.hostPrefix(), RouteType.LOCAL, events);
        }
    }

    /**
     * Removes the local route, then the direct one: the reverse of adding. A route that is gone already
     * (deleted by a route-delete step) or was replaced by another protocol's is left alone.
     */
    void remove(UnitFamily family, InterfaceAddress address, List<JetEvent> events) {
        RouteTable table = routing.interfaceTable(family.family);
        if (!address.isHost()) {
            take(table, address.hostPrefix(), RouteType.LOCAL, events);
        }
        take(table, address.subnet(), RouteType.DIRECT, events);
    }

    private static void put(RouteTable table, IpPrefix prefix, RouteType type, List<JetEvent> events) {
        Route route = new Route(type, NO_NEXT_HOPS);
        table.routes.put(prefix, route);
        events.add(table.routeEvent(Operation.ADD, prefix, route));
    }

    private static void take(RouteTable table, IpPrefix prefix, RouteType type, List<JetEvent> events) {
        Route route = table.routes.get(prefix);
        if (route != null && route.type() == type) {
            table.routes.remove(prefix);
            events.add(table.routeEvent(Operation.DELETE, prefix, route));
        }
    }
}
