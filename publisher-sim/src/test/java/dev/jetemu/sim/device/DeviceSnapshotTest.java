package dev.jetemu.sim.device;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceSnapshotTest {

    @Test
    void showsTheWholeStateAsRecords() {
        Device device = new Device();
        IflName unit = IflName.parse("ge-0/0/1.0");
        device.addInterface("ge-0/0/1", 530);
        device.addUnit(unit, 531);
        device.addFamily(unit, "inet");
        device.addAddress(unit, "inet", "192.0.2.1/30");
        device.addFamily(unit, "inet6");
        device.addAddress(unit, "inet6", "2001:db8::1/64");
        device.interfaceDown("ge-0/0/1");
        device.addFirewallFilter(FirewallFilterSpec.named("protect-re").withInterfaceName("ge-0/0/1.0"));
        device.addRouteTable("red.inet.0", "default");
        device.addRoute(RouteSpec.parse("inet.0", "0.0.0.0/0", List.of("192.0.2.2"), "static"));

        DeviceSnapshot snapshot = device.snapshot();

        assertThat(snapshot).isEqualTo(new DeviceSnapshot(
                List.of(new DeviceSnapshot.InterfaceView("ge-0/0/1", 530, 9, false, false, List.of(
                        new DeviceSnapshot.UnitView("ge-0/0/1.0", 0, 531, 9, false, List.of(
                                new DeviceSnapshot.FamilyView("inet", "inet.0", List.of(new DeviceSnapshot.AddressView(
                                        "192.0.2.1/30", "192.0.2.1", "192.0.2.0/30", "192.0.2.3"))),
                                new DeviceSnapshot.FamilyView("inet6", "inet6.0", List.of(new DeviceSnapshot.AddressView(
                                        "2001:db8::1/64", "2001:db8::1", "2001:db8::/64", "")))))))),
                List.of(new DeviceSnapshot.FilterView("protect-re", 1, "classic", "inet", "ge-0/0/1.0", "")),
                List.of(new DeviceSnapshot.TableView("inet.0", "default", "inet", 3),
                        new DeviceSnapshot.TableView("inet6.0", "default", "inet6", 2),
                        new DeviceSnapshot.TableView("red.inet.0", "default", "inet", 0))));
        assertThat(device.routes("inet.0", "default")).containsExactly(
                new DeviceSnapshot.RouteView("inet.0", "default", "192.0.2.0/30", "direct", List.of()),
                new DeviceSnapshot.RouteView("inet.0", "default", "192.0.2.1/32", "local", List.of()),
                new DeviceSnapshot.RouteView("inet.0", "default", "0.0.0.0/0", "static", List.of("192.0.2.2")));
    }

    @Test
    void aSnapshotDoesNotFollowLaterChanges() {
        Device device = new Device();
        device.addInterface("ge-0/0/1");
        DeviceSnapshot before = device.snapshot();

        device.interfaceDown("ge-0/0/1");
        device.addInterface("ge-0/0/2");

        assertThat(before.interfaces()).singleElement().satisfies(i -> assertThat(i.linkUp()).isTrue());
    }
}
