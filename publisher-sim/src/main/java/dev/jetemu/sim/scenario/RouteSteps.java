package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.YamlScalar;
import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.device.DeviceSnapshot;
import dev.jetemu.sim.device.RouteSpec;
import dev.jetemu.sim.device.RouteType;
import dev.jetemu.sim.net.IpPrefix;
import dev.jetemu.sim.net.IpVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.jetemu.sim.scenario.FieldValues.LOGICAL_ROUTER;
import static dev.jetemu.sim.scenario.FieldValues.NEXT_HOPS;
import static dev.jetemu.sim.scenario.FieldValues.PREFIX;
import static dev.jetemu.sim.scenario.FieldValues.ROUTE_TYPE;
import static dev.jetemu.sim.scenario.FieldValues.TABLE;
import static dev.jetemu.sim.scenario.StepType.change;

/**
 * The steps that change routes and route tables. A route's table may be left out: inet.0 for an IPv4
 * prefix, inet6.0 for an IPv6 one, the main router's tables that always exist.
 */
final class RouteSteps {

    static final String ROUTE_ADD = "route-add";
    static final String ROUTE_CHANGE = "route-change";
    static final String ROUTE_DELETE = "route-delete";
    static final String ROUTE_TABLE_ADD = "route-table-add";
    static final String ROUTE_TABLE_CHANGE = "route-table-change";
    static final String ROUTE_TABLE_DELETE = "route-table-delete";

    static final String TABLE_FIELD = "table";
    static final String PREFIX_FIELD = "prefix";
    static final String NEXT_HOPS_FIELD = "next-hops";
    static final String TYPE_FIELD = "type";
    static final String LOGICAL_ROUTER_FIELD = "logical-router";
    static final String NAME = "name";

    static final List<String> ROUTE_FIELDS = List.of(TABLE_FIELD, PREFIX_FIELD, NEXT_HOPS_FIELD, TYPE_FIELD,
            LOGICAL_ROUTER_FIELD);
    static final List<String> TABLE_FIELDS = List.of(NAME, LOGICAL_ROUTER_FIELD);

    /**
     * A route's fields as written; next hops and type are empty when not given.
     *
     * @param nextHops canonical or not: the device puts them in canonical form
     */
    record RouteInput(String table, String logicalRouter, IpPrefix prefix, Optional<List<String>> nextHops,
                      Optional<RouteType> type) {

        /** The route to add: no next hops make a discard route, and the type is static unless given. */
        RouteSpec toAdd() {
            return new RouteSpec(table, logicalRouter, prefix, nextHops.orElse(List.of()), type.orElse(RouteType.STATIC));
        }
    }

    private RouteSteps() {
    }

    static List<StepType> types() {
        return List.of(
                StepType.of(ROUTE_ADD, ROUTE_FIELDS, (f, keyword, at) -> {
                    Optional<RouteInput> route = read(f);
                    return route.isPresent() ? change(keyword, at, addRoute(route.get().toAdd())) : List.of();
                }),
                StepType.of(ROUTE_CHANGE, ROUTE_FIELDS, (f, keyword, at) -> {
                    Optional<RouteInput> route = read(f);
                    return route.isPresent() ? change(keyword, at, changeRoute(route.get())) : List.of();
                }),
                StepType.withShorthand(ROUTE_DELETE, List.of(PREFIX_FIELD, TABLE_FIELD, LOGICAL_ROUTER_FIELD), PREFIX,
                        (f, keyword, at) -> {
                            Optional<RouteInput> route = read(f);
                            if (route.isEmpty()) {
                                return List.of();
                            }
                            RouteInput r = route.get();
                            return change(keyword, at, device -> device.deleteRoute(r.table(), r.logicalRouter(), r.prefix()));
                        }),
                tableStep(ROUTE_TABLE_ADD),
                tableStep(ROUTE_TABLE_CHANGE),
                tableStep(ROUTE_TABLE_DELETE));
    }

    static DeviceOperation addRoute(RouteSpec spec) {
        return device -> device.addRoute(spec);
    }

    /**
     * Only what is given changes: the route keeps its next hops or its type when the step leaves them
     * out, and the change event repeats them (as the kernel reports a change JET does not carry).
     */
    private static DeviceOperation changeRoute(RouteInput route) {
        return device -> {
            Optional<DeviceSnapshot.RouteView> current = device.route(route.table(), route.logicalRouter(), route.prefix());
            List<String> nextHops = route.nextHops().or(() -> current.map(DeviceSnapshot.RouteView::nextHops))
                    .orElse(List.of());
            RouteType type = route.type().or(() -> current.map(view -> RouteType.parse(view.routeType())))
                    .orElse(RouteType.STATIC);
            return device.changeRoute(new RouteSpec(route.table(), route.logicalRouter(), route.prefix(), nextHops, type));
        };
    }

    /** Reads a route's fields, those of {@link #ROUTE_FIELDS} that the reader was made with; empty on a mistake. */
    static Optional<RouteInput> read(FieldReader f) {
        Optional<String> prefixText = f.requiredText(PREFIX_FIELD, PREFIX);
        Optional<IpPrefix> prefix = prefixText.flatMap(text -> f.parse(f.position(PREFIX_FIELD), text, FieldValues::prefix));
        Optional<String> table = f.text(TABLE_FIELD, TABLE);
        Optional<String> logicalRouter = f.text(LOGICAL_ROUTER_FIELD, LOGICAL_ROUTER);
        Optional<List<String>> nextHops = nextHops(f, prefix.map(IpPrefix::version),
                "route " + prefix.map(IpPrefix::toString).or(() -> prefixText).orElse(""));
        Optional<RouteType> type = f.parsed(TYPE_FIELD, ROUTE_TYPE, FieldValues::routeType);
        if (!f.ok()) {
            return Optional.empty();
        }
        return Optional.of(new RouteInput(table.orElseGet(() -> mainTable(prefix.get().version())),
                logicalRouter.orElse(Device.DEFAULT_LOGICAL_ROUTER), prefix.get(), nextHops, type));
    }

    /** inet.0 or inet6.0. */
    static String mainTable(IpVersion version) {
        return version.junosFamily() + ".0";
    }

    /**
     * Each next hop is checked at its own place in the list.
     *
     * @param routes the route or routes they are for, as messages name them: {@code route 10.1.0.0/16}
     */
    static Optional<List<String>> nextHops(FieldReader f, Optional<IpVersion> version, String routes) {
        Optional<List<YamlScalar>> items = f.scalars(NEXT_HOPS_FIELD, NEXT_HOPS);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<String> hops = new ArrayList<>(items.get().size());
        boolean good = true;
        for (YamlScalar item : items.get()) {
            Optional<String> hop = f.parse(item.position(), item.text(), text -> FieldValues.nextHop(version, routes, text));
            hop.ifPresent(hops::add);
            good &= hop.isPresent();
        }
        return good ? Optional.of(List.copyOf(hops)) : Optional.empty();
    }

    private static StepType tableStep(String keyword) {
        return StepType.withShorthand(keyword, TABLE_FIELDS, TABLE, (f, kw, at) -> {
            Optional<String> name = f.requiredText(NAME, TABLE);
            String logicalRouter = f.text(LOGICAL_ROUTER_FIELD, LOGICAL_ROUTER).orElse(Device.DEFAULT_LOGICAL_ROUTER);
            if (!f.ok()) {
                return List.of();
            }
            String table = name.get();
            return change(kw, at, switch (kw) {
                case ROUTE_TABLE_ADD -> device -> device.addRouteTable(table, logicalRouter);
                case ROUTE_TABLE_CHANGE -> device -> device.changeRouteTable(table, logicalRouter);
                default -> device -> device.deleteRouteTable(table, logicalRouter);
            });
        });
    }
}
