package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.diagnostics.YamlList;
import dev.jetemu.diagnostics.YamlMap;
import dev.jetemu.diagnostics.YamlNode;
import dev.jetemu.diagnostics.YamlScalar;
import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.device.Family;
import dev.jetemu.sim.device.IflName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import static dev.jetemu.sim.scenario.FieldValues.ADDRESSES;
import static dev.jetemu.sim.scenario.FieldValues.HOSTNAME;
import static dev.jetemu.sim.scenario.FieldValues.INTERFACE;
import static dev.jetemu.sim.scenario.FieldValues.LOGICAL_ROUTER;
import static dev.jetemu.sim.scenario.FieldValues.TABLE;
import static dev.jetemu.sim.scenario.FieldValues.UNIT_NUMBER;

/**
 * Reads the {@code device} section into the changes that build the initial state, in this order
 * whatever the order of the keys: each interface, then its units, each unit's families and each
 * family's addresses; then route tables, routes and firewall filters (which may name the units).
 * Each change is placed at the item it comes from, and keyed by the step that does the same
 * ({@code ifd-add}, {@code route-add}, ...).
 */
final class DeviceSectionReader {

    static final String HOSTNAME_KEY = "hostname";
    static final String INTERFACES = "interfaces";
    static final String ROUTE_TABLES = "route-tables";
    static final String ROUTES = "routes";
    static final String FIREWALL_FILTERS = "firewall-filters";
    static final List<String> KEYS = List.of(HOSTNAME_KEY, INTERFACES, ROUTE_TABLES, ROUTES, FIREWALL_FILTERS);

    private static final String NAME = "name";
    private static final String SNMP_ID = "snmp-id";
    private static final String DISABLED = "disabled";
    private static final String UNITS = "units";
    private static final String UNIT = "unit";
    private static final String FAMILIES = "families";
    private static final List<String> INTERFACE_FIELDS = List.of(NAME, SNMP_ID, DISABLED, UNITS);
    private static final List<String> UNIT_FIELDS = List.of(UNIT, SNMP_ID, DISABLED, FAMILIES);

    private static final String INTERFACE_MAP = "{ name: ge-0/0/1, units: [{ unit: 0 }] }";
    private static final String INTERFACE_LIST = "a list of interfaces such as [" + INTERFACE_MAP + "]";
    private static final String UNIT_MAP = "{ unit: 0, families: { inet: [192.0.2.1/30] } }";
    private static final String UNIT_LIST = "a list of units such as [" + UNIT_MAP + "]";
    private static final String FAMILY_MAP = "a map of families to their addresses, such as { inet: [192.0.2.1/30], mpls: [] }";
    private static final String TABLE_MAP = "{ name: red.inet.0 }";
    private static final String TABLE_LIST = "a list of route tables such as [" + TABLE_MAP + "]";
    private static final String ROUTE_MAP = "{ table: inet.0, prefix: 0.0.0.0/0, next-hops: [192.0.2.2] }";
    private static final String ROUTE_LIST = "a list of routes such as [" + ROUTE_MAP + "]";
    private static final String FILTER_MAP = "{ name: protect-re, interface: lo0.0 }";
    private static final String FILTER_LIST = "a list of firewall filters such as [" + FILTER_MAP + "]";

    private final Diagnostics diagnostics;
    private final List<DeviceChange> changes = new ArrayList<>();
    private Optional<String> hostname = Optional.empty();

    DeviceSectionReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    List<DeviceChange> changes() {
        return List.copyOf(changes);
    }

    Optional<String> hostname() {
        return hostname;
    }

    void read(YamlMap device, Position at) {
        FieldReader section = FieldReader.of(device, "device", at, "in device", KEYS, diagnostics);
        hostname = section.parsed(HOSTNAME_KEY, HOSTNAME, FieldValues::hostname);
        items(section, INTERFACES, INTERFACE_LIST, this::interfaceItem);
        items(section, ROUTE_TABLES, TABLE_LIST, this::tableItem);
        items(section, ROUTES, ROUTE_LIST, this::routeItem);
        items(section, FIREWALL_FILTERS, FILTER_LIST, this::filterItem);
    }

    /** Calls {@code read} for each item of a list; a key with nothing under it is an empty list. */
    private void items(FieldReader parent, String key, String expectation, Consumer<YamlNode> read) {
        Optional<YamlMap.Entry> entry = parent.entry(key);
        if (entry.isEmpty() || YamlValues.isNull(entry.get().value())) {
            return;
        }
        if (entry.get().value() instanceof YamlList list) {
            list.items().forEach(read);
        } else {
            parent.wrongType(entry.get(), expectation);
        }
    }

    /**
     * The fields of an item: a map, or a scalar standing for its first field ({@code - ge-0/0/1} for
     * {@code - name: ge-0/0/1}). Empty, with the mistake reported, for anything else.
     */
    private Optional<FieldReader> fields(YamlNode item, String subject, String where, String list,
                                         List<String> fields, String expectation) {
        if (item instanceof YamlMap map) {
            return Optional.of(FieldReader.of(map, subject, item.position(), where, fields, diagnostics));
        }
        if (item instanceof YamlScalar scalar && !scalar.isNull()) {
            return Optional.of(FieldReader.shorthand(scalar, subject, item.position(), fields.get(0), diagnostics));
        }
        diagnostics.error(item.position(), "an item of " + list + " is " + YamlValues.describe(item) + "; expected "
                + expectation);
        return Optional.empty();
    }

    // ---- interfaces, units, families, addresses

    private void interfaceItem(YamlNode item) {
        fields(item, "interface", "in an interface of device.interfaces", "device.interfaces", INTERFACE_FIELDS,
                INTERFACE + ", or a map such as " + INTERFACE_MAP).ifPresent(f -> physicalInterface(f, item.position()));
    }

    private void physicalInterface(FieldReader f, Position at) {
        Optional<String> name = f.requiredParsed(NAME, INTERFACE, FieldValues::interfaceName);
        OptionalInt snmpId = InterfaceSteps.snmpId(f);
        boolean disabled = f.bool(DISABLED).orElse(false);
        if (name.isPresent()) {
            add(InterfaceSteps.IFD_ADD, at, InterfaceSteps.addInterface(name.get(), snmpId));
            if (disabled) {
                add(InterfaceSteps.IFD_CHANGE, at, device -> device.changeInterface(name.get(), true));
            }
        }
        items(f, UNITS, UNIT_LIST, unit -> unitItem(unit, name));
    }

    /** @param ifd the interface's name, when it is valid */
    private void unitItem(YamlNode item, Optional<String> ifd) {
        String ifdName = ifd.orElse("the interface");
        fields(item, "a unit of " + ifdName, "in a unit of " + ifdName, "the units of " + ifdName, UNIT_FIELDS,
                UNIT_NUMBER + ", or a map such as " + UNIT_MAP).ifPresent(f -> unit(f, item.position(), ifd));
    }

    private void unit(FieldReader f, Position at, Optional<String> ifd) {
        Optional<Integer> number = f.required(UNIT, UNIT_NUMBER)
                ? f.integer(UNIT, 0, IflName.MAX_UNIT, UNIT_NUMBER) : Optional.empty();
        OptionalInt snmpId = InterfaceSteps.snmpId(f);
        boolean disabled = f.bool(DISABLED).orElse(false);
        Optional<IflName> unit = ifd.flatMap(name -> number.map(n -> new IflName(name, n)));
        unit.ifPresent(name -> {
            add(InterfaceSteps.IFL_ADD, at, InterfaceSteps.addUnit(name, snmpId));
            if (disabled) {
                add(InterfaceSteps.IFL_CHANGE, at, device -> device.changeUnit(name, true));
            }
        });
        f.entry(FAMILIES).filter(entry -> !YamlValues.isNull(entry.value())).ifPresent(entry -> {
            if (entry.value() instanceof YamlMap families) {
                families(families, unit);
            } else {
                f.wrongType(entry, FAMILY_MAP);
            }
        });
    }

    /** Each key a family, each value its addresses: a list, one address, or nothing. */
    private void families(YamlMap families, Optional<IflName> unit) {
        String unitText = unit.map(IflName::toString).orElse("the unit");
        FieldReader f = FieldReader.of(families, "families", families.position(), "in families", families.keys(),
                diagnostics);
        for (YamlMap.Entry entry : families.entries()) {
            Optional<Family> family = f.parse(entry.keyPosition(), entry.key(), Family::parse);
            family.ifPresent(parsed -> unit.ifPresent(name -> add(InterfaceSteps.IFF_ADD, entry.keyPosition(),
                    device -> device.addFamily(name, parsed.word()))));
            if (YamlValues.isNull(entry.value())) {
                continue;
            }
            for (YamlScalar address : f.scalars(entry.key(), ADDRESSES).orElse(List.of())) {
                Optional<String> text = f.parse(address.position(), address.text(),
                        t -> FieldValues.address(unitText, family, t));
                if (text.isPresent() && family.isPresent() && unit.isPresent()) {
                    IflName name = unit.get();
                    String word = family.get().word();
                    add(InterfaceSteps.IFA_ADD, address.position(), device -> device.addAddress(name, word, text.get()));
                }
            }
        }
    }

    // ---- route tables, routes, filters

    private void tableItem(YamlNode item) {
        fields(item, "route table", "in a route table of device.route-tables", "device.route-tables",
                RouteSteps.TABLE_FIELDS, TABLE + ", or a map such as " + TABLE_MAP)
                .ifPresent(f -> {
                    Optional<String> name = f.requiredText(RouteSteps.NAME, TABLE);
                    String logicalRouter = f.text(RouteSteps.LOGICAL_ROUTER_FIELD, LOGICAL_ROUTER)
                            .orElse(Device.DEFAULT_LOGICAL_ROUTER);
                    if (f.ok()) {
                        add(RouteSteps.ROUTE_TABLE_ADD, item.position(),
                                device -> device.addRouteTable(name.get(), logicalRouter));
                    }
                });
    }

    private void routeItem(YamlNode item) {
        if (!(item instanceof YamlMap map)) {
            diagnostics.error(item.position(), "an item of device.routes is " + YamlValues.describe(item)
                    + "; expected a route such as " + ROUTE_MAP);
            return;
        }
        FieldReader f = FieldReader.of(map, "route", item.position(), "in a route of device.routes",
                RouteSteps.ROUTE_FIELDS, diagnostics);
        RouteSteps.read(f).ifPresent(route -> add(RouteSteps.ROUTE_ADD, item.position(), RouteSteps.addRoute(route.toAdd())));
    }

    private void filterItem(YamlNode item) {
        fields(item, "firewall filter", "in a firewall filter of device.firewall-filters", "device.firewall-filters",
                FirewallFilterSteps.FIELDS, FieldValues.FILTER + ", or a map such as " + FILTER_MAP)
                .flatMap(FirewallFilterSteps::readSpec)
                .ifPresent(spec -> add(FirewallFilterSteps.ADD, item.position(), FirewallFilterSteps.addFilter(spec)));
    }

    private void add(String keyword, Position at, DeviceOperation operation) {
        changes.add(new DeviceChange(keyword, at, operation));
    }
}
