package dev.jetemu.sim.device;

import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.Operation;
import dev.jetemu.sim.net.IpPrefix;
import dev.jetemu.sim.net.IpVersion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The routing tables of every logical router, and the routes in them. */
final class RoutingTables {

    /** A table's family is in its name: {@code inet.0}, {@code red.inet6.0}, {@code mpls.0}. */
    private static final Pattern TABLE_NAME = Pattern.compile("(?:.+\\.)?(inet6|inet|iso|mpls)\\.[0-9]{1,5}");

    /** The main router's unicast tables: there from the start, and where interface routes go. */
    private static final Set<String> PERMANENT = Set.of("inet.0", "inet6.0");

    private record Key(String name, String logicalRouter) {
    }

    private final Map<Key, RouteTable> tables = new LinkedHashMap<>();
    private final NextHops nextHops = new NextHops();

    RoutingTables() {
        for (String name : List.of("inet.0", "inet6.0")) {
            RouteTable table = newTable(name, Device.DEFAULT_LOGICAL_ROUTER);
            tables.put(new Key(name, Device.DEFAULT_LOGICAL_ROUTER), table);
        }
    }

    Collection<RouteTable> all() {
        return tables.values();
    }

    List<JetEvent> addTable(String name, String logicalRouter) {
        RouteTable table = newTable(name, logicalRouter);
        Key key = new Key(name, logicalRouter);
        if (tables.containsKey(key)) {
            throw new DeviceModelException("route table " + table.describe() + " already exists; expected a new table, "
                    + "or a route-table-delete step before adding it again");
        }
        tables.put(key, table);
        return List.of(table.event(Operation.ADD));
    }

    /** A change the table's attributes do not show; the event repeats them. */
    List<JetEvent> changeTable(String name, String logicalRouter) {
        return List.of(require(name, logicalRouter).event(Operation.CHANGE));
    }

    /** Deletes the table's routes first, in the order they were added, then the table. */
    List<JetEvent> deleteTable(String name, String logicalRouter) {
        RouteTable table = require(name, logicalRouter);
        if (Device.DEFAULT_LOGICAL_ROUTER.equals(logicalRouter) && PERMANENT.contains(name)) {
            throw new DeviceModelException("route table " + name + " is the main router's " + table.family
                    + " table and cannot be deleted; expected a table added by a route-table-add step");
        }
        List<JetEvent> events = new ArrayList<>(table.routes.size() + 1);
        table.routes.forEach((prefix, route) -> events.add(table.routeEvent(Operation.DELETE, prefix, route)));
        table.routes.clear();
        tables.remove(new Key(name, logicalRouter));
        events.add(table.event(Operation.DELETE));
        return events;
    }

    List<JetEvent> addRoute(RouteSpec spec) {
        RouteTable table = tableFor(spec);
        Route route = new Route(spec.type(), nextHops.canonical(spec.nextHops(), spec.prefix()));
        Route existing = table.routes.putIfAbsent(spec.prefix(), route);
        if (existing != null) {
            throw new DeviceModelException("route " + spec.prefix() + " already exists in " + table.describe() + " ("
                    + existing.type() + "); expected a new prefix, or a route-change step to change it");
        }
        return List.of(table.routeEvent(Operation.ADD, spec.prefix(), route));
    }

    /** Replaces the route's next hops and type; the event carries all of them. */
    List<JetEvent> changeRoute(RouteSpec spec) {
        RouteTable table = tableFor(spec);
        requireRoute(table, spec.prefix());
        Route route = new Route(spec.type(), nextHops.canonical(spec.nextHops(), spec.prefix()));
        table.routes.put(spec.prefix(), route);
        return List.of(table.routeEvent(Operation.CHANGE, spec.prefix(), route));
    }

    List<JetEvent> deleteRoute(String tableName, String logicalRouter, IpPrefix prefix) {
        RouteTable table = require(tableName, logicalRouter);
        Route route = requireRoute(table, prefix);
        table.routes.remove(prefix);
        return List.of(table.routeEvent(Operation.DELETE, prefix, route));
    }

    RouteTable require(String name, String logicalRouter) {
        RouteTable table = tables.get(new Key(name, logicalRouter));
        if (table == null) {
            // Only a name that is not there can be malformed; checking here keeps the check off the route path.
            Names.checkObjectName("route table", name);
            Names.checkObjectName("logical router", logicalRouter);
            String where = Device.DEFAULT_LOGICAL_ROUTER.equals(logicalRouter) ? "" : " of logical router " + logicalRouter;
            throw new DeviceModelException("route table " + name + where + " does not exist; " + Hints.TABLE);
        }
        return table;
    }

    /** The main router's table of an interface family: inet.0 or inet6.0, which always exist. */
    RouteTable interfaceTable(Family family) {
        return tables.get(new Key(family.tableName(), Device.DEFAULT_LOGICAL_ROUTER));
    }

    private RouteTable tableFor(RouteSpec spec) {
        RouteTable table = require(spec.table(), spec.logicalRouter());
        IpVersion version = spec.prefix().version();
        if (table.ipVersion().isEmpty()) {
            throw new DeviceModelException("route table " + table.describe() + " holds " + table.family
                    + " routes, not IP prefixes; expected an " + version.junosFamily() + " table such as "
                    + version.junosFamily() + ".0 for route " + spec.prefix());
        }
        if (table.ipVersion().get() != version) {
            throw new DeviceModelException("route " + spec.prefix() + " is " + version + " but table " + table.describe()
                    + " holds " + table.family + " routes; expected an " + version.junosFamily() + " table such as "
                    + version.junosFamily() + ".0");
        }
        return table;
    }

    private static Route requireRoute(RouteTable table, IpPrefix prefix) {
        Route route = table.routes.get(prefix);
        if (route == null) {
            throw new DeviceModelException("route " + prefix + " does not exist in " + table.describe() + "; " + Hints.ROUTE);
        }
        return route;
    }

    private static RouteTable newTable(String name, String logicalRouter) {
        Names.checkObjectName("route table", name);
        Names.checkObjectName("logical router", logicalRouter);
        Matcher matcher = TABLE_NAME.matcher(name);
        if (!matcher.matches()) {
            throw new DeviceModelException("route table name '" + name + "' does not tell its family; expected a name "
                    + "ending in inet.N, inet6.N, iso.N or mpls.N, such as red.inet.0");
        }
        String family = matcher.group(1);
        IpVersion version = switch (family) {
            case "inet" -> IpVersion.IPV4;
            case "inet6" -> IpVersion.IPV6;
            default -> null;
        };
        return new RouteTable(name, logicalRouter, family, version);
    }
}
