package dev.jetemu.sim.device;

import dev.jetemu.sim.net.InterfaceAddress;

import java.util.List;

/** Copies the model's mutable state into {@link DeviceSnapshot} records. */
final class Snapshots {

    private Snapshots() {
    }

    static DeviceSnapshot of(Interfaces interfaces, FirewallFilters filters, RoutingTables routing) {
        List<DeviceSnapshot.InterfaceView> ifds = interfaces.all().stream().map(Snapshots::ifd).toList();
        List<DeviceSnapshot.FilterView> filterViews = filters.all().stream().map(f -> new DeviceSnapshot.FilterView(
                f.spec().name(), f.version(), f.spec().filterType(), f.spec().protocol(), f.spec().interfaceName(),
                f.spec().clientId())).toList();
        List<DeviceSnapshot.TableView> tables = routing.all().stream().map(t -> new DeviceSnapshot.TableView(
                t.name, t.logicalRouter, t.family, t.routes.size())).toList();
        return new DeviceSnapshot(ifds, filterViews, tables);
    }

    private static DeviceSnapshot.InterfaceView ifd(PhysicalInterface ifd) {
        return new DeviceSnapshot.InterfaceView(ifd.name, ifd.snmpId, ifd.flags(), !ifd.linkDown, ifd.disabled,
                ifd.units.values().stream().map(Snapshots::unit).toList());
    }

    private static DeviceSnapshot.UnitView unit(LogicalUnit unit) {
        return new DeviceSnapshot.UnitView(unit.name().toString(), unit.unit, unit.snmpId, unit.flags(), unit.disabled,
                unit.families.values().stream().map(Snapshots::family).toList());
    }

    private static DeviceSnapshot.FamilyView family(UnitFamily family) {
        return new DeviceSnapshot.FamilyView(family.family.word(), family.family.tableName(),
                family.addresses.values().stream().map(Snapshots::address).toList());
    }

    private static DeviceSnapshot.AddressView address(InterfaceAddress address) {
        return new DeviceSnapshot.AddressView(address.toString(), address.local().toString(),
                address.destination().map(Object::toString).orElse(""),
                address.broadcast().map(Object::toString).orElse(""));
    }
}
