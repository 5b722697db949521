package dev.jetemu.sim.device;

import java.util.List;

/**
 * A read-only copy of the device's state at one moment, for display (the control API's
 * {@code GET /api/device}) and tests. Routes are counted, not listed: a table may hold a million.
 */
public record DeviceSnapshot(List<InterfaceView> interfaces, List<FilterView> firewallFilters, List<TableView> routeTables) {

    public DeviceSnapshot {
        interfaces = List.copyOf(interfaces);
        firewallFilters = List.copyOf(firewallFilters);
        routeTables = List.copyOf(routeTables);
    }

    /** @param flags as the IFD events carry them */
    public record InterfaceView(String name, int snmpId, int flags, boolean linkUp, boolean disabled, List<UnitView> units) {

        public InterfaceView {
            units = List.copyOf(units);
        }
    }

    /** @param name the unit's full name, {@code ge-0/0/0.0} */
    public record UnitView(String name, int unit, int snmpId, int flags, boolean disabled, List<FamilyView> families) {

        public UnitView {
            families = List.copyOf(families);
        }
    }

    public record FamilyView(String family, String tableName, List<AddressView> addresses) {

        public FamilyView {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * @param address     as configured, {@code 192.0.2.1/30}
     * @param destination the subnet, or empty for a /32 or /128
     * @param broadcast   the IPv4 broadcast address, or empty
     */
    public record AddressView(String address, String local, String destination, String broadcast) {
    }

    public record FilterView(String name, int version, String filterType, String protocol, String interfaceName,
                             String clientId) {
    }

    public record TableView(String name, String logicalRouter, String addressFamily, int routeCount) {
    }

    /** One route, as {@link Device#route} finds it. */
    public record RouteView(String table, String logicalRouter, String prefix, String routeType, List<String> nextHops) {

        public RouteView {
            nextHops = List.copyOf(nextHops);
        }
    }
}
