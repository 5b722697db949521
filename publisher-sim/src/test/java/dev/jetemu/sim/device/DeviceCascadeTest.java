package dev.jetemu.sim.device;

import dev.jetemu.sim.event.JetEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jetemu.sim.device.DeviceInterfacesTest.topics;
import static org.assertj.core.api.Assertions.assertThat;

/** Deletes report children first: addresses (their routes before them), families, units, the interface. */
class DeviceCascadeTest {

    private final Device device = new Device();
    private final IflName unit0 = IflName.parse("ge-0/0/1.0");
    private final IflName unit100 = IflName.parse("ge-0/0/1.100");

    @BeforeEach
    void buildTheInterface() {
        // the initial state: built with the same operations, events ignored
        device.addInterface("ge-0/0/1");
        device.addUnit(unit0);
        device.addFamily(unit0, "inet");
        device.addAddress(unit0, "inet", "192.0.2.1/30");
        device.addAddress(unit0, "inet", "198.51.100.1/24");
        device.addFamily(unit0, "inet6");
        device.addAddress(unit0, "inet6", "2001:db8::1/64");
        device.addUnit(unit100);
        device.addFamily(unit100, "iso");
        device.addRoute(RouteSpec.parse("inet.0", "0.0.0.0/0", List.of("192.0.2.2"), "static"));
    }

    @Test
    void deletingAnInterfaceDeletesEverythingUnderItInOrder() {
        List<JetEvent> events = device.deleteInterface("ge-0/0/1");

        assertThat(topics(events)).containsExactly(
                "/junos/events/kernel/route/delete/inet/192.0.2.1/32",
                "/junos/events/kernel/route/delete/inet/192.0.2.0/30",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet/192.0.2.1",
                "/junos/events/kernel/route/delete/inet/198.51.100.1/32",
                "/junos/events/kernel/route/delete/inet/198.51.100.0/24",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet/198.51.100.1",
                "/junos/events/kernel/interfaces/iff/delete/ge-0/0/1.0/inet",
                "/junos/events/kernel/route/delete/inet6/2001:db8::1/128",
                "/junos/events/kernel/route/delete/inet6/2001:db8::/64",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet6/2001:db8::1",
                "/junos/events/kernel/interfaces/iff/delete/ge-0/0/1.0/inet6",
                "/junos/events/kernel/interfaces/ifl/delete/ge-0/0/1.0",
                "/junos/events/kernel/interfaces/iff/delete/ge-0/0/1.100/iso",
                "/junos/events/kernel/interfaces/ifl/delete/ge-0/0/1.100",
                "/junos/events/kernel/interfaces/ifd/delete/ge-0/0/1");
        assertThat(events.get(events.size() - 1).eventId()).isEqualTo("KERNEL_EVENT_IFD_DELETE");
        assertThat(device.snapshot().interfaces()).isEmpty();
        // the static route is not the interface's: it stays
        assertThat(device.routeCount("inet.0", "default")).isEqualTo(1);
        assertThat(device.routeCount("inet6.0", "default")).isZero();
    }

    @Test
    void deletingAUnitDeletesItsFamiliesAndAddresses() {
        List<JetEvent> events = device.deleteUnit(unit0);

        assertThat(topics(events)).containsExactly(
                "/junos/events/kernel/route/delete/inet/192.0.2.1/32",
                "/junos/events/kernel/route/delete/inet/192.0.2.0/30",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet/192.0.2.1",
                "/junos/events/kernel/route/delete/inet/198.51.100.1/32",
                "/junos/events/kernel/route/delete/inet/198.51.100.0/24",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet/198.51.100.1",
                "/junos/events/kernel/interfaces/iff/delete/ge-0/0/1.0/inet",
                "/junos/events/kernel/route/delete/inet6/2001:db8::1/128",
                "/junos/events/kernel/route/delete/inet6/2001:db8::/64",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet6/2001:db8::1",
                "/junos/events/kernel/interfaces/iff/delete/ge-0/0/1.0/inet6",
                "/junos/events/kernel/interfaces/ifl/delete/ge-0/0/1.0");
        assertThat(device.snapshot().interfaces().get(0).units()).extracting(DeviceSnapshot.UnitView::name)
                .containsExactly("ge-0/0/1.100");
    }

    @Test
    void deletingAFamilyDeletesItsAddresses() {
        List<JetEvent> events = device.deleteFamily(unit0, "inet");

        assertThat(topics(events)).containsExactly(
                "/junos/events/kernel/route/delete/inet/192.0.2.1/32",
                "/junos/events/kernel/route/delete/inet/192.0.2.0/30",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet/192.0.2.1",
                "/junos/events/kernel/route/delete/inet/198.51.100.1/32",
                "/junos/events/kernel/route/delete/inet/198.51.100.0/24",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet/198.51.100.1",
                "/junos/events/kernel/interfaces/iff/delete/ge-0/0/1.0/inet");
        assertThat(device.routeCount("inet.0", "default")).isEqualTo(1);
    }

    @Test
    void deletesCarryTheLastAttributes() {
        device.interfaceDown("ge-0/0/1");

        List<JetEvent> events = device.deleteInterface("ge-0/0/1");

        JetEvent ifd = events.get(events.size() - 1);
        assertThat(ifd.attribute("flags")).isEqualTo(9);
        assertThat(ifd.attribute("snmp-id")).isEqualTo(501);
    }

    @Test
    void aRouteDeletedByHandIsNotReportedAgainWithItsAddress() {
        device.deleteRoute("inet.0", "default", "192.0.2.1/32");

        List<JetEvent> events = device.deleteAddress(unit0, "inet", "192.0.2.1/30");

        assertThat(topics(events)).containsExactly(
                "/junos/events/kernel/route/delete/inet/192.0.2.0/30",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet/192.0.2.1");
    }

    @Test
    void aDeletedInterfaceCanBeAddedAgainWithANewSnmpId() {
        device.deleteInterface("ge-0/0/1");

        assertThat(device.addInterface("ge-0/0/1").get(0).attribute("snmp-id")).isEqualTo(504);
    }
}
