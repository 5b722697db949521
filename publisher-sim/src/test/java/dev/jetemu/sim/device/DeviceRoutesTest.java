package dev.jetemu.sim.device;

import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.net.IpPrefix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jetemu.sim.device.DeviceInterfacesTest.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DeviceRoutesTest {

    private final Device device = new Device();

    @Test
    void inet0AndInet6ExistFromTheStart() {
        assertThat(device.snapshot().routeTables()).containsExactly(
                new DeviceSnapshot.TableView("inet.0", "default", "inet", 0),
                new DeviceSnapshot.TableView("inet6.0", "default", "inet6", 0));
    }

    @Test
    void anIpv4Route() {
        List<JetEvent> events = device.addRoute(RouteSpec.parse("inet.0", "10.1.0.0/16", List.of("192.0.2.2"), "static"));

        assertThat(events).hasSize(1);
        JetEvent event = events.get(0);
        assertThat(event.topic()).isEqualTo("/junos/events/kernel/route/add/inet/10.1.0.0/16");
        assertThat(event.eventId()).isEqualTo("KERNEL_EVENT_ROUTE_ADD");
        assertThat(event.attributes()).containsExactly(entry("table-name", "inet.0"),
                entry("logical-router-name", "default"), entry("address-family", "inet"), entry("route-type", "static"),
                entry("route-prefix", "10.1.0.0/16"), entry("next-hop-address", List.of("192.0.2.2")), entry("flags", 0));
    }

    @Test
    void anIpv6RouteWithItsNextHopsInCanonicalForm() {
        JetEvent event = device.addRoute(RouteSpec.parse("inet6.0", "2001:db8::/32",
                List.of("2001:DB8:ffff:0::1", "fe80::2"), "bgp")).get(0);

        assertThat(event.topic()).isEqualTo("/junos/events/kernel/route/add/inet6/2001:db8::/32");
        assertThat(event.attributes()).containsExactly(entry("table-name", "inet6.0"),
                entry("logical-router-name", "default"), entry("address-family", "inet6"), entry("route-type", "bgp"),
                entry("route-prefix", "2001:db8::/32"), entry("next-hop-address", List.of("2001:db8:ffff::1", "fe80::2")),
                entry("flags", 0));
    }

    @Test
    void theDefaultRoutes() {
        assertThat(device.addRoute(RouteSpec.parse("inet.0", "0.0.0.0/0", List.of("192.0.2.2"), "static")).get(0).topic())
                .isEqualTo("/junos/events/kernel/route/add/inet/0.0.0.0/0");
        assertThat(device.addRoute(RouteSpec.parse("inet6.0", "::/0", List.of(), "static")).get(0).topic())
                .isEqualTo("/junos/events/kernel/route/add/inet6/::/0");
    }

    @Test
    void aChangeReplacesNextHopsAndTypeAndCarriesEverything() {
        device.addRoute(RouteSpec.parse("inet.0", "10.1.0.0/16", List.of("192.0.2.2"), "static"));

        JetEvent event = device.changeRoute(RouteSpec.parse("inet.0", "10.1.0.0/16", List.of("192.0.2.6", "192.0.2.10"), "bgp")).get(0);

        assertThat(event.topic()).isEqualTo("/junos/events/kernel/route/change/inet/10.1.0.0/16");
        assertThat(event.eventId()).isEqualTo("KERNEL_EVENT_ROUTE_CHANGE");
        assertThat(event.attributes()).containsExactly(entry("table-name", "inet.0"),
                entry("logical-router-name", "default"), entry("address-family", "inet"), entry("route-type", "bgp"),
                entry("route-prefix", "10.1.0.0/16"), entry("next-hop-address", List.of("192.0.2.6", "192.0.2.10")),
                entry("flags", 0));
    }

    @Test
    void aDeleteCarriesTheRoutesLastAttributes() {
        device.addRoute(RouteSpec.parse("inet.0", "10.1.0.0/16", List.of("192.0.2.2"), "static"));

        JetEvent event = device.deleteRoute("inet.0", "default", "10.1.0.0/16").get(0);

        assertThat(event.topic()).isEqualTo("/junos/events/kernel/route/delete/inet/10.1.0.0/16");
        assertThat(event.eventId()).isEqualTo("KERNEL_EVENT_ROUTE_DELETE");
        assertThat(event.attribute("next-hop-address")).isEqualTo(List.of("192.0.2.2"));
        assertThat(device.route("inet.0", "default", IpPrefix.parse("10.1.0.0/16"))).isEmpty();
    }

    @Test
    void routeTablesOfOtherInstancesAndLogicalRouters() {
        JetEvent added = device.addRouteTable("red.inet.0", "default").get(0);
        JetEvent lr = device.addRouteTable("inet6.0", "lr1").get(0);

        assertThat(added.topic()).isEqualTo("/junos/events/kernel/route-table/add/red.inet.0/default");
        assertThat(added.eventId()).isEqualTo("KERNEL_EVENT_ROUTE_TABLE_ADD");
        assertThat(added.attributes()).containsExactly(entry("name", "red.inet.0"), entry("logical-router-name", "default"),
                entry("address-family", "inet"), entry("flags", 0));
        assertThat(lr.topic()).isEqualTo("/junos/events/kernel/route-table/add/inet6.0/lr1");
        assertThat(lr.attribute("address-family")).isEqualTo("inet6");

        JetEvent route = device.addRoute(RouteSpec.parse("inet6.0", "2001:db8:1::/48", List.of("2001:db8::2"), "static")
                .inLogicalRouter("lr1")).get(0);
        assertThat(route.attribute("logical-router-name")).isEqualTo("lr1");
        assertThat(device.routeCount("inet6.0", "lr1")).isEqualTo(1);
        assertThat(device.routeCount("inet6.0", "default")).isZero();

        JetEvent changed = device.changeRouteTable("red.inet.0", "default").get(0);
        assertThat(changed.eventId()).isEqualTo("KERNEL_EVENT_ROUTE_TABLE_CHANGE");
        assertThat(changed.attributes()).isEqualTo(added.attributes());
    }

    @Test
    void deletingATableDeletesItsRoutesFirstInTheOrderAdded() {
        device.addRouteTable("red.inet.0", "default");
        device.addRoute(RouteSpec.parse("red.inet.0", "10.2.0.0/16", List.of("192.0.2.2"), "static"));
        device.addRoute(RouteSpec.parse("red.inet.0", "10.1.0.0/16", List.of("192.0.2.2"), "static"));

        List<JetEvent> events = device.deleteRouteTable("red.inet.0", "default");

        assertThat(topics(events)).containsExactly(
                "/junos/events/kernel/route/delete/inet/10.2.0.0/16",
                "/junos/events/kernel/route/delete/inet/10.1.0.0/16",
                "/junos/events/kernel/route-table/delete/red.inet.0/default");
        assertThat(events.get(0).attribute("table-name")).isEqualTo("red.inet.0");
        assertThat(events.get(2).eventId()).isEqualTo("KERNEL_EVENT_ROUTE_TABLE_DELETE");
        assertThat(device.snapshot().routeTables()).extracting(DeviceSnapshot.TableView::name).containsExactly("inet.0", "inet6.0");
    }

    @Test
    void aMplsTableHasItsFamilyFromItsName() {
        assertThat(device.addRouteTable("mpls.0", "default").get(0).attribute("address-family")).isEqualTo("mpls");
        assertThat(device.addRouteTable("inet.3", "default").get(0).attribute("address-family")).isEqualTo("inet");
    }

    @Test
    void routesWithEqualNextHopsShareOneList() {
        device.addRoute(RouteSpec.parse("inet.0", "10.1.0.0/16", List.of("192.0.2.2"), "bgp"));
        device.addRoute(RouteSpec.parse("inet.0", "10.2.0.0/16", List.of("192.0.2.2"), "bgp"));

        List<String> first = device.route("inet.0", "default", IpPrefix.parse("10.1.0.0/16")).orElseThrow().nextHops();
        List<String> second = device.route("inet.0", "default", IpPrefix.parse("10.2.0.0/16")).orElseThrow().nextHops();
        assertThat(second).isSameAs(first);
    }

    @Test
    void aHundredThousandRoutesComeAndGoAndLeaveTheTableEmpty() {
        List<String> nextHops = List.of("192.0.2.2");
        int count = 100_000;
        int events = 0;
        for (int i = 0; i < count; i++) {
            // 10.0.0.0/8 cut into /24s: 10.0.0.0/24, 10.0.1.0/24, ...
            IpPrefix prefix = new IpPrefix.V4(0x0a000000 | (i << 8), 24);
            events += device.addRoute(RouteSpec.of("inet.0", prefix, nextHops, RouteType.BGP)).size();
        }
        assertThat(device.routeCount("inet.0", "default")).isEqualTo(count);
        assertThat(device.route("inet.0", "default", IpPrefix.parse("10.1.134.0/24")).orElseThrow().routeType()).isEqualTo("bgp");

        for (int i = 0; i < count; i++) {
            events += device.deleteRoute("inet.0", "default", new IpPrefix.V4(0x0a000000 | (i << 8), 24)).size();
        }

        assertThat(events).isEqualTo(2 * count);
        assertThat(device.routeCount("inet.0", "default")).isZero();
    }
}
