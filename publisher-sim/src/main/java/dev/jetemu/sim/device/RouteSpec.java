package dev.jetemu.sim.device;

import dev.jetemu.sim.net.InvalidAddressException;
import dev.jetemu.sim.net.IpPrefix;

import java.util.List;
import java.util.Objects;

/**
 * A route to add, or what a route should become: table, prefix, next hops and type.
 *
 * <p>Next hops are address literals in the prefix's IP version; the device stores them in canonical
 * form. A generator of many routes should pass one shared list for routes with the same next hops.
 *
 * @param logicalRouter {@value Device#DEFAULT_LOGICAL_ROUTER} for the main router
 * @param nextHops      may be empty: a discard route
 */
public record RouteSpec(String table, String logicalRouter, IpPrefix prefix, List<String> nextHops, RouteType type) {

    public RouteSpec {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(logicalRouter, "logicalRouter");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(type, "type");
        nextHops = List.copyOf(nextHops);
    }

    /** A route in the main router's {@code table}. */
    public static RouteSpec of(String table, IpPrefix prefix, List<String> nextHops, RouteType type) {
        return new RouteSpec(table, Device.DEFAULT_LOGICAL_ROUTER, prefix, nextHops, type);
    }

    /**
     * A route from text as a user writes it: {@code ("inet.0", "10.1.0.0/16", ["192.0.2.2"], "static")}.
     *
     * @throws DeviceModelException when the prefix or the type is not valid
     */
    public static RouteSpec parse(String table, String prefix, List<String> nextHops, String type) {
        return of(table, parsePrefix(prefix), nextHops, RouteType.parse(type));
    }

    /** @throws DeviceModelException when {@code text} is not {@code address/length} with the host bits clear */
    public static IpPrefix parsePrefix(String text) {
        try {
            return IpPrefix.parse(Objects.requireNonNull(text, "prefix"));
        } catch (InvalidAddressException e) {
            throw new DeviceModelException("route prefix: " + e.getMessage());
        }
    }

    public RouteSpec inLogicalRouter(String logicalRouter) {
        return new RouteSpec(table, logicalRouter, prefix, nextHops, type);
    }
}
