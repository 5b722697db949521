package dev.jetemu.sim.device;

import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.net.IpPrefix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The simulated device: the kernel state JET events report, and the operations that change it. Each
 * operation returns the events the kernel would publish for it, in order; an event is the consequence
 * of a state change, so what does not exist cannot be changed or deleted and what exists cannot be
 * added again ({@link DeviceModelException}, and the state is left as it was).
 *
 * <h2>Order of events</h2>
 * <ul>
 *   <li>Deleting an interface: for each unit (in creation order), for each family, for each address:
 *       the address's local route delete, its direct route delete, the IFA delete; then the IFF delete;
 *       then the IFL delete; finally the IFD delete. Deleting a unit or a family is the same cascade
 *       from that level down.</li>
 *   <li>Adding an address: the IFA add, then its direct route (the subnet, {@code direct}), then its
 *       local route (the address as /32 or /128, {@code local}), in inet.0 or inet6.0. A /32 or /128
 *       address brings one direct route. Deleting it reverses that: local, direct, then the IFA.</li>
 *   <li>Deleting a route table: a delete for each of its routes (in the order added), then the table's.</li>
 *   <li>{@code interface-down} / {@code interface-up} set or clear the IFD's DOWN flag bit (an IFD
 *       change), then each unit whose flags change with it reports an IFL change (its DOWN bit
 *       follows the interface). Routes are not withdrawn: the model keeps the interface routes of
 *       a down interface. Disabling or enabling an interface ({@link #changeInterface}) reports the
 *       same way with its DISABLED bit; a unit of a disabled interface is down already, so a link
 *       change then reports the IFD change alone.</li>
 *   <li>Change events carry the object's full current attributes. A change of a family, an address
 *       or a route table repeats them unchanged: the kernel also reports changes of properties JET does
 *       not carry (an MTU, say).</li>
 * </ul>
 *
 * <h2>Initial state</h2>
 * Build it with the same operations and ignore the events they return: nothing is published by
 * the model itself. inet.0 and inet6.0 of logical router {@value #DEFAULT_LOGICAL_ROUTER} exist from
 * the start and cannot be deleted; interface routes go to them.
 *
 * <h2>snmp-id</h2>
 * Interfaces and units share one number space. An id not given is the next of a counter starting
 * at {@value #FIRST_SNMP_ID} in creation order, skipping ids in use; ids are not reused after a
 * delete. A given id already in use is refused.
 *
 * <p>Methods are synchronized, so that a control API may take a {@link #snapshot()} while a scenario
 * runner changes the device from another thread.
 */
public final class Device {

    /** The main router's logical-router name, as route and route-table events carry it. */
    public static final String DEFAULT_LOGICAL_ROUTER = "default";

    /**
     * The first snmp-id the device assigns. Junos numbers its own internal interfaces below about 500,
     * and physical ports after them (the vendor's example shows 520 for ge-0/0/0).
     */
    public static final int FIRST_SNMP_ID = 501;

    private final RoutingTables routing = new RoutingTables();
    private final Interfaces interfaces = new Interfaces(routing);
    private final FirewallFilters filters = new FirewallFilters(interfaces);

    // ---- physical interfaces (IFD)

    /** Adds an interface with the next snmp-id; its flags are 8 (present, up). */
    public synchronized List<JetEvent> addInterface(String name) {
        return interfaces.addInterface(name, null);
    }

    public synchronized List<JetEvent> addInterface(String name, int snmpId) {
        return interfaces.addInterface(name, snmpId);
    }

    /** Sets whether the interface is administratively disabled: its DISABLED flag bit. */
    public synchronized List<JetEvent> changeInterface(String name, boolean disabled) {
        return interfaces.changeInterface(name, disabled);
    }

    /** Cascades: addresses (with their routes), families and units first; see the class comment. */
    public synchronized List<JetEvent> deleteInterface(String name) {
        return interfaces.deleteInterface(name);
    }

    /** The link goes down; an error when it is down already. */
    public synchronized List<JetEvent> interfaceDown(String name) {
        return interfaces.setLink(name, false);
    }

    /** The link comes up; an error when it is up already. */
    public synchronized List<JetEvent> interfaceUp(String name) {
        return interfaces.setLink(name, true);
    }

    // ---- units (IFL)

    /** Adds a unit with the next snmp-id; its interface must exist. */
    public synchronized List<JetEvent> addUnit(IflName name) {
        return interfaces.addUnit(name, null);
    }

    public synchronized List<JetEvent> addUnit(IflName name, int snmpId) {
        return interfaces.addUnit(name, snmpId);
    }

    /** Sets whether the unit itself is administratively disabled: its DISABLED flag bit. */
    public synchronized List<JetEvent> changeUnit(IflName name, boolean disabled) {
        return interfaces.changeUnit(name, disabled);
    }

    public synchronized List<JetEvent> deleteUnit(IflName name) {
        return interfaces.deleteUnit(name);
    }

    // ---- families (IFF)

    /** @param family {@code inet}, {@code inet6}, {@code iso}, {@code mpls}, {@code ethernet-switching} ... */
    public synchronized List<JetEvent> addFamily(IflName unit, String family) {
        return interfaces.addFamily(unit, family);
    }

    public synchronized List<JetEvent> changeFamily(IflName unit, String family) {
        return interfaces.changeFamily(unit, family);
    }

    public synchronized List<JetEvent> deleteFamily(IflName unit, String family) {
        return interfaces.deleteFamily(unit, family);
    }

    // ---- addresses (IFA)

    /** @param address {@code 192.0.2.1/30}, {@code 2001:db8::1/64}; without a length, /32 or /128 */
    public synchronized List<JetEvent> addAddress(IflName unit, String family, String address) {
        return interfaces.addAddress(unit, family, address);
    }

    /** @param address the address, with or without its length */
    public synchronized List<JetEvent> changeAddress(IflName unit, String family, String address) {
        return interfaces.changeAddress(unit, family, address);
    }

    /** @param address the address, with or without its length */
    public synchronized List<JetEvent> deleteAddress(IflName unit, String family, String address) {
        return interfaces.deleteAddress(unit, family, address);
    }

    // ---- firewall filters

    public synchronized List<JetEvent> addFirewallFilter(FirewallFilterSpec filter) {
        return filters.add(filter);
    }

    /**
     * Changes a filter's settings: {@code edit} gets the current ones and returns the new ones
     * ({@code f -> f.withInterfaceName("ge-0/0/0.0")}). The version goes up by one.
     */
    public synchronized List<JetEvent> changeFirewallFilter(String name, UnaryOperator<FirewallFilterSpec> edit) {
        return filters.change(name, edit);
    }

    public synchronized List<JetEvent> deleteFirewallFilter(String name) {
        return filters.delete(name);
    }

    // ---- route tables

    /** @param name {@code red.inet.0}: the family is read from the name */
    public synchronized List<JetEvent> addRouteTable(String name, String logicalRouter) {
        return routing.addTable(name, logicalRouter);
    }

    public synchronized List<JetEvent> changeRouteTable(String name, String logicalRouter) {
        return routing.changeTable(name, logicalRouter);
    }

    /** Deletes the table's routes first; inet.0 and inet6.0 of the main router cannot be deleted. */
    public synchronized List<JetEvent> deleteRouteTable(String name, String logicalRouter) {
        return routing.deleteTable(name, logicalRouter);
    }

    // ---- routes

    public synchronized List<JetEvent> addRoute(RouteSpec route) {
        return routing.addRoute(route);
    }

    /** Replaces the route's next hops and type. */
    public synchronized List<JetEvent> changeRoute(RouteSpec route) {
        return routing.changeRoute(route);
    }

    public synchronized List<JetEvent> deleteRoute(String table, String logicalRouter, IpPrefix prefix) {
        return routing.deleteRoute(table, logicalRouter, prefix);
    }

    /** @param prefix {@code 10.1.0.0/16} */
    public synchronized List<JetEvent> deleteRoute(String table, String logicalRouter, String prefix) {
        return routing.deleteRoute(table, logicalRouter, RouteSpec.parsePrefix(prefix));
    }

    // ---- daemons: these change no state

    /**
     * A syslog message, relayed as eventd does.
     *
     * @param tag        the event id, {@code SNMP_TRAP_LINK_DOWN}
     * @param severity   {@code emergency} ... {@code debug}
     * @param facility   as Junos configuration names it, {@code daemon}, {@code change-log} ...
     * @param attributes the message's attribute-value pairs, in order; may be empty
     */
    public synchronized List<JetEvent> syslog(String tag, String severity, String facility, Map<String, ?> attributes) {
        return DaemonMessages.syslog(tag, severity, facility, attributes);
    }

    /** A committed configuration change; see the catalog for its (chosen) payload. */
    public synchronized List<JetEvent> configUpdate(String username, String comment) {
        return DaemonMessages.configUpdate(username, comment);
    }

    // ---- reading

    public synchronized DeviceSnapshot snapshot() {
        return Snapshots.of(interfaces, filters, routing);
    }

    public synchronized int routeCount(String table, String logicalRouter) {
        return routing.require(table, logicalRouter).routes.size();
    }

    /** The route to exactly {@code prefix} in the table, if there is one. */
    /** Whether the table has a route to exactly this prefix; cheaper than {@link #route} for a generator's checks. */
    public synchronized boolean hasRoute(String table, String logicalRouter, IpPrefix prefix) {
        return routing.require(table, logicalRouter).routes.containsKey(prefix);
    }

    public synchronized Optional<DeviceSnapshot.RouteView> route(String table, String logicalRouter, IpPrefix prefix) {
        RouteTable found = routing.require(table, logicalRouter);
        Route route = found.routes.get(prefix);
        return Optional.ofNullable(route).map(r -> new DeviceSnapshot.RouteView(found.name, found.logicalRouter,
                prefix.toString(), r.type().word(), r.nextHops()));
    }

    /** Every route of the table, in the order added; for small tables (displays, tests). */
    public synchronized List<DeviceSnapshot.RouteView> routes(String table, String logicalRouter) {
        RouteTable found = routing.require(table, logicalRouter);
        List<DeviceSnapshot.RouteView> views = new ArrayList<>(found.routes.size());
        found.routes.forEach((prefix, route) -> views.add(new DeviceSnapshot.RouteView(found.name,
                found.logicalRouter, prefix.toString(), route.type().word(), route.nextHops())));
        return views;
    }
}
