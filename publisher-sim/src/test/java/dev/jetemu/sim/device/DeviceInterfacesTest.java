package dev.jetemu.sim.device;

import dev.jetemu.sim.event.EventKind;
import dev.jetemu.sim.event.Facility;
import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.Operation;
import dev.jetemu.sim.event.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DeviceInterfacesTest {

    private final Device device = new Device();

    @Test
    void anAddedInterfaceIsPresentAndUpWithTheFirstSnmpId() {
        List<JetEvent> events = device.addInterface("ge-0/0/0");

        assertThat(events).hasSize(1);
        JetEvent event = events.get(0);
        assertThat(event.kind()).isEqualTo(EventKind.IFD);
        assertThat(event.operation()).contains(Operation.ADD);
        assertThat(event.topic()).isEqualTo("/junos/events/kernel/interfaces/ifd/add/ge-0/0/0");
        assertThat(event.eventId()).isEqualTo("KERNEL_EVENT_IFD_ADD");
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.facility()).isEqualTo(Facility.KERNEL);
        assertThat(event.attributes()).containsExactly(entry("name", "ge-0/0/0"), entry("snmp-id", 501), entry("flags", 8));
    }

    @Test
    void anExplicitSnmpIdIsUsed() {
        assertThat(device.addInterface("ge-0/0/0", 520).get(0).attributes())
                .containsExactly(entry("name", "ge-0/0/0"), entry("snmp-id", 520), entry("flags", 8));
    }

    @Test
    void snmpIdsAreCountedInCreationOrderSkippingTakenOnesAndNeverReused() {
        device.addInterface("ge-0/0/0");                                      // 501
        device.addUnit(IflName.parse("ge-0/0/0.0"));                          // 502
        device.addInterface("ge-0/0/1", 504);                                 // given
        device.addInterface("ge-0/0/2");                                      // 503
        device.deleteInterface("ge-0/0/2");                                   // 503 is not handed out again
        List<JetEvent> next = device.addInterface("ge-0/0/3");                // 505: 504 is taken

        assertThat(next.get(0).attribute("snmp-id")).isEqualTo(505);
        assertThat(device.snapshot().interfaces()).extracting(DeviceSnapshot.InterfaceView::snmpId)
                .containsExactly(501, 504, 505);
        assertThat(device.snapshot().interfaces().get(0).units().get(0).snmpId()).isEqualTo(502);
    }

    @Test
    void theSameOperationsGiveTheSameSnmpIds() {
        Device other = new Device();
        for (Device d : List.of(device, other)) {
            d.addInterface("xe-1/2/3");
            d.addUnit(IflName.parse("xe-1/2/3.100"));
            d.addInterface("lo0");
        }
        assertThat(device.snapshot()).isEqualTo(other.snapshot());
    }

    @Test
    void aUnitIsNamedByItsInterfaceWithItsNumberApart() {
        device.addInterface("ge-0/0/0");

        JetEvent event = device.addUnit(IflName.parse("ge-0/0/0.0")).get(0);

        assertThat(event.topic()).isEqualTo("/junos/events/kernel/interfaces/ifl/add/ge-0/0/0.0");
        assertThat(event.eventId()).isEqualTo("KERNEL_EVENT_IFL_ADD");
        assertThat(event.attributes()).containsExactly(
                entry("name", "ge-0/0/0"), entry("subunit", 0), entry("snmp-id", 502), entry("flags", 8));
    }

    @Test
    void aLoopbackUnitAndItsFamilyAndAddress() {
        device.addInterface("lo0", 16);
        IflName lo00 = IflName.parse("lo0.0");

        assertThat(device.addUnit(lo00, 17).get(0).topic()).isEqualTo("/junos/events/kernel/interfaces/ifl/add/lo0.0");
        JetEvent family = device.addFamily(lo00, "inet").get(0);
        List<JetEvent> address = device.addAddress(lo00, "inet", "10.255.0.1/32");

        assertThat(family.topic()).isEqualTo("/junos/events/kernel/interfaces/iff/add/lo0.0/inet");
        assertThat(family.attributes()).containsExactly(entry("name", "lo0"), entry("subunit", 0), entry("family", "inet"),
                entry("table-name", "inet.0"), entry("flags", 0));
        // a /32 is its own subnet: one direct route, no local route, no destination, no broadcast
        assertThat(topics(address)).containsExactly(
                "/junos/events/kernel/interfaces/ifa/add/lo0.0/inet/10.255.0.1",
                "/junos/events/kernel/route/add/inet/10.255.0.1/32");
        assertThat(address.get(0).attributes()).containsExactly(entry("name", "lo0"), entry("subunit", 0),
                entry("family", "inet"), entry("local-address", "10.255.0.1"), entry("destination-address", ""),
                entry("broadcast-address", ""), entry("flags", 0));
        assertThat(address.get(1).attribute("route-type")).isEqualTo("direct");
    }

    @Test
    void familiesNameTheirTables() {
        device.addInterface("ge-0/0/0");
        IflName unit = IflName.parse("ge-0/0/0.0");
        device.addUnit(unit);

        assertThat(device.addFamily(unit, "inet6").get(0).attribute("table-name")).isEqualTo("inet6.0");
        assertThat(device.addFamily(unit, "iso").get(0).attribute("table-name")).isEqualTo("iso.0");
        assertThat(device.addFamily(unit, "mpls").get(0).attribute("table-name")).isEqualTo("mpls.0");
        assertThat(device.addFamily(unit, "ethernet-switching").get(0).attribute("table-name"))
                .isEqualTo("default-switch.bridge");
        assertThat(device.addFamily(unit, "ccc").get(0).topic())
                .isEqualTo("/junos/events/kernel/interfaces/iff/add/ge-0/0/0.0/ccc");
    }

    @Test
    void anAddressBringsItsDirectThenItsLocalRoute() {
        IflName unit = inetUnit("ge-0/0/1");

        List<JetEvent> events = device.addAddress(unit, "inet", "192.0.2.1/30");

        assertThat(topics(events)).containsExactly(
                "/junos/events/kernel/interfaces/ifa/add/ge-0/0/1.0/inet/192.0.2.1",
                "/junos/events/kernel/route/add/inet/192.0.2.0/30",
                "/junos/events/kernel/route/add/inet/192.0.2.1/32");
        assertThat(events.get(0).eventId()).isEqualTo("KERNEL_EVENT_IFA_ADD");
        assertThat(events.get(0).attributes()).containsExactly(entry("name", "ge-0/0/1"), entry("subunit", 0),
                entry("family", "inet"), entry("local-address", "192.0.2.1"),
                entry("destination-address", "192.0.2.0/30"), entry("broadcast-address", "192.0.2.3"), entry("flags", 0));
        assertThat(events.get(1).attributes()).containsExactly(entry("table-name", "inet.0"),
                entry("logical-router-name", "default"), entry("address-family", "inet"), entry("route-type", "direct"),
                entry("route-prefix", "192.0.2.0/30"), entry("next-hop-address", List.of()), entry("flags", 0));
        assertThat(events.get(2).attribute("route-type")).isEqualTo("local");
        assertThat(events.get(2).attribute("route-prefix")).isEqualTo("192.0.2.1/32");
        assertThat(device.routeCount("inet.0", "default")).isEqualTo(2);
    }

    @Test
    void deletingAnAddressTakesItsLocalThenDirectRouteFirst() {
        IflName unit = inetUnit("ge-0/0/1");
        device.addAddress(unit, "inet", "192.0.2.1/30");

        List<JetEvent> events = device.deleteAddress(unit, "inet", "192.0.2.1/30");

        assertThat(topics(events)).containsExactly(
                "/junos/events/kernel/route/delete/inet/192.0.2.1/32",
                "/junos/events/kernel/route/delete/inet/192.0.2.0/30",
                "/junos/events/kernel/interfaces/ifa/delete/ge-0/0/1.0/inet/192.0.2.1");
        assertThat(events.get(2).eventId()).isEqualTo("KERNEL_EVENT_IFA_DELETE");
        assertThat(events.get(2).attribute("destination-address")).isEqualTo("192.0.2.0/30");
        assertThat(device.routeCount("inet.0", "default")).isZero();
    }

    @Test
    void anAddressCanBeNamedWithoutItsLength() {
        IflName unit = inetUnit("ge-0/0/1");
        device.addAddress(unit, "inet", "192.0.2.1/30");

        assertThat(device.changeAddress(unit, "inet", "192.0.2.1").get(0).attribute("broadcast-address")).isEqualTo("192.0.2.3");
        assertThat(device.deleteAddress(unit, "inet", "192.0.2.1")).hasSize(3);
    }

    @Test
    void ipv6AddressesAndTheirRoutes() {
        IflName unit = inetUnit("ge-0/0/1");
        device.addFamily(unit, "inet6");

        List<JetEvent> events = device.addAddress(unit, "inet6", "2001:DB8:0:1::1/64");

        assertThat(topics(events)).containsExactly(
                "/junos/events/kernel/interfaces/ifa/add/ge-0/0/1.0/inet6/2001:db8:0:1::1",
                "/junos/events/kernel/route/add/inet6/2001:db8:0:1::/64",
                "/junos/events/kernel/route/add/inet6/2001:db8:0:1::1/128");
        assertThat(events.get(0).attributes()).containsExactly(entry("name", "ge-0/0/1"), entry("subunit", 0),
                entry("family", "inet6"), entry("local-address", "2001:db8:0:1::1"),
                entry("destination-address", "2001:db8:0:1::/64"), entry("broadcast-address", ""), entry("flags", 0));
        assertThat(events.get(1).attribute("table-name")).isEqualTo("inet6.0");
        assertThat(events.get(1).attribute("address-family")).isEqualTo("inet6");
    }

    @Test
    void aSlash31HasNoBroadcast() {
        IflName unit = inetUnit("ge-0/0/1");

        List<JetEvent> events = device.addAddress(unit, "inet", "192.0.2.1/31");

        assertThat(events.get(0).attribute("destination-address")).isEqualTo("192.0.2.0/31");
        assertThat(events.get(0).attribute("broadcast-address")).isEqualTo("");
        assertThat(topics(events)).containsExactly(
                "/junos/events/kernel/interfaces/ifa/add/ge-0/0/1.0/inet/192.0.2.1",
                "/junos/events/kernel/route/add/inet/192.0.2.0/31",
                "/junos/events/kernel/route/add/inet/192.0.2.1/32");
    }

    @Test
    void interfaceDownSetsTheDownBitOnTheInterfaceAndEachUnit() {
        device.addInterface("ge-0/0/1", 530);
        device.addUnit(IflName.parse("ge-0/0/1.0"), 531);
        device.addUnit(IflName.parse("ge-0/0/1.100"), 532);

        List<JetEvent> down = device.interfaceDown("ge-0/0/1");

        assertThat(topics(down)).containsExactly(
                "/junos/events/kernel/interfaces/ifd/change/ge-0/0/1",
                "/junos/events/kernel/interfaces/ifl/change/ge-0/0/1.0",
                "/junos/events/kernel/interfaces/ifl/change/ge-0/0/1.100");
        assertThat(down.get(0).eventId()).isEqualTo("KERNEL_EVENT_IFD_CHANGE");
        assertThat(down.get(0).attributes()).containsExactly(entry("name", "ge-0/0/1"), entry("snmp-id", 530), entry("flags", 9));
        assertThat(down.get(1).eventId()).isEqualTo("KERNEL_EVENT_IFL_CHANGE");
        assertThat(down.get(1).attributes()).containsExactly(
                entry("name", "ge-0/0/1"), entry("subunit", 0), entry("snmp-id", 531), entry("flags", 9));
        assertThat(down.get(2).attributes()).containsExactly(
                entry("name", "ge-0/0/1"), entry("subunit", 100), entry("snmp-id", 532), entry("flags", 9));
        assertThat(device.snapshot().interfaces().get(0).linkUp()).isFalse();

        List<JetEvent> up = device.interfaceUp("ge-0/0/1");

        assertThat(up).extracting(e -> e.attribute("flags")).containsExactly(8, 8, 8);
        assertThat(device.snapshot().interfaces().get(0).linkUp()).isTrue();
    }

    @Test
    void aDisabledInterfacesUnitsAreDownAlreadySoALinkChangeLeavesThem() {
        device.addInterface("ge-0/0/1");
        device.addUnit(IflName.parse("ge-0/0/1.0"));

        List<JetEvent> disabled = device.changeInterface("ge-0/0/1", true);
        List<JetEvent> down = device.interfaceDown("ge-0/0/1");

        assertThat(disabled).extracting(JetEvent::topic, e -> e.attribute("flags")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/junos/events/kernel/interfaces/ifd/change/ge-0/0/1", 10),
                org.assertj.core.groups.Tuple.tuple("/junos/events/kernel/interfaces/ifl/change/ge-0/0/1.0", 9));
        assertThat(down).extracting(JetEvent::topic, e -> e.attribute("flags")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/junos/events/kernel/interfaces/ifd/change/ge-0/0/1", 11));
    }

    @Test
    void changesCarryTheFullCurrentAttributes() {
        device.addInterface("ge-0/0/1", 600);
        IflName unit = IflName.parse("ge-0/0/1.5");
        device.addUnit(unit, 601);
        device.addFamily(unit, "inet");
        device.addAddress(unit, "inet", "198.51.100.9/24");

        assertThat(device.changeInterface("ge-0/0/1", false).get(0).attributes())
                .containsExactly(entry("name", "ge-0/0/1"), entry("snmp-id", 600), entry("flags", 8));
        assertThat(device.changeUnit(unit, true).get(0).attributes()).containsExactly(
                entry("name", "ge-0/0/1"), entry("subunit", 5), entry("snmp-id", 601), entry("flags", 10));
        JetEvent family = device.changeFamily(unit, "inet").get(0);
        assertThat(family.eventId()).isEqualTo("KERNEL_EVENT_IFF_CHANGE");
        assertThat(family.attributes()).containsExactly(entry("name", "ge-0/0/1"), entry("subunit", 5),
                entry("family", "inet"), entry("table-name", "inet.0"), entry("flags", 0));
        JetEvent address = device.changeAddress(unit, "inet", "198.51.100.9/24").get(0);
        assertThat(address.topic()).isEqualTo("/junos/events/kernel/interfaces/ifa/change/ge-0/0/1.5/inet/198.51.100.9");
        assertThat(address.attributes()).containsExactly(entry("name", "ge-0/0/1"), entry("subunit", 5),
                entry("family", "inet"), entry("local-address", "198.51.100.9"),
                entry("destination-address", "198.51.100.0/24"), entry("broadcast-address", "198.51.100.255"),
                entry("flags", 0));
    }

    @Test
    void channelisedAndAggregatedNames() {
        assertThat(device.addInterface("et-0/0/1:2").get(0).topic())
                .isEqualTo("/junos/events/kernel/interfaces/ifd/add/et-0/0/1:2");
        assertThat(device.addInterface("ae0").get(0).topic()).isEqualTo("/junos/events/kernel/interfaces/ifd/add/ae0");
        assertThat(device.addUnit(IflName.parse("ae0.1")).get(0).topic())
                .isEqualTo("/junos/events/kernel/interfaces/ifl/add/ae0.1");
        assertThat(device.addInterface("irb").get(0).topic()).isEqualTo("/junos/events/kernel/interfaces/ifd/add/irb");
    }

    private IflName inetUnit(String ifd) {
        device.addInterface(ifd);
        IflName unit = IflName.parse(ifd + ".0");
        device.addUnit(unit);
        device.addFamily(unit, "inet");
        return unit;
    }

    static List<String> topics(List<JetEvent> events) {
        return events.stream().map(JetEvent::topic).toList();
    }
}
