package dev.jetemu.sim.device;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every user error: its message names the object and says what was expected; and nothing changes. */
class DeviceErrorsTest {

    private final Device device = new Device();
    private final IflName ge000 = IflName.parse("ge-0/0/0.0");

    @BeforeEach
    void buildADevice() {
        device.addInterface("ge-0/0/0");
        device.addUnit(ge000);
        device.addFamily(ge000, "inet");
        device.addFamily(ge000, "iso");
        device.addAddress(ge000, "inet", "192.0.2.1/30");
        device.addRoute(RouteSpec.parse("inet.0", "10.1.0.0/16", List.of("192.0.2.2"), "static"));
    }

    @Test
    void anInterfaceThatDoesNotExist() {
        assertRefused(() -> device.deleteInterface("ge-0/0/9"),
                "interface ge-0/0/9 does not exist; expected an interface added in the device section or by an ifd-add step");
        assertRefused(() -> device.interfaceDown("ge-0/0/9"),
                "interface ge-0/0/9 does not exist; expected an interface added in the device section or by an ifd-add step");
        assertRefused(() -> device.changeInterface("ge-0/0/9", true),
                "interface ge-0/0/9 does not exist; expected an interface added in the device section or by an ifd-add step");
    }

    @Test
    void anInterfaceThatExists() {
        assertRefused(() -> device.addInterface("ge-0/0/0"),
                "interface ge-0/0/0 already exists; expected a new interface name, or an ifd-delete step before adding it again");
    }

    @Test
    void aUnitWithoutItsInterface() {
        assertRefused(() -> device.addUnit(IflName.parse("ge-0/0/9.0")), "cannot add unit ge-0/0/9.0: interface ge-0/0/9 "
                + "does not exist; expected an interface added in the device section or by an ifd-add step");
    }

    @Test
    void aUnitThatExistsOrDoesNot() {
        assertRefused(() -> device.addUnit(ge000),
                "unit ge-0/0/0.0 already exists; expected a new unit number, or an ifl-delete step before adding it again");
        assertRefused(() -> device.deleteUnit(IflName.parse("ge-0/0/0.5")),
                "unit ge-0/0/0.5 does not exist; expected a unit added in the device section or by an ifl-add step");
    }

    @Test
    void aFamilyWithoutItsUnit() {
        assertRefused(() -> device.addFamily(IflName.parse("ge-0/0/0.7"), "inet"), "cannot add family inet to ge-0/0/0.7: "
                + "unit ge-0/0/0.7 does not exist; expected a unit added in the device section or by an ifl-add step");
    }

    @Test
    void aFamilyThatExistsOrDoesNot() {
        assertRefused(() -> device.addFamily(ge000, "inet"), "family inet of ge-0/0/0.0 already exists; expected a family "
                + "the unit does not have, or an iff-delete step before adding it again");
        assertRefused(() -> device.deleteFamily(ge000, "inet6"),
                "family inet6 of ge-0/0/0.0 does not exist; expected a family added in the device section or by an iff-add step");
    }

    @Test
    void anUnknownFamilyWithASuggestion() {
        assertRefused(() -> device.addFamily(ge000, "inet7"), "family 'inet7' is not a known family; expected one of "
                + "inet, inet6, iso, mpls, ethernet-switching, bridge, ccc (did you mean inet?)");
        assertRefused(() -> device.addFamily(ge000, "ethernet-swiching"), "family 'ethernet-swiching' is not a known family; "
                + "expected one of inet, inet6, iso, mpls, ethernet-switching, bridge, ccc (did you mean ethernet-switching?)");
        assertRefused(() -> device.addFamily(ge000, "vxlan"), "family 'vxlan' is not a known family; expected one of "
                + "inet, inet6, iso, mpls, ethernet-switching, bridge, ccc");
    }

    @Test
    void anAddressWithoutItsFamily() {
        assertRefused(() -> device.addAddress(ge000, "inet6", "2001:db8::1/64"), "cannot add address 2001:db8::1/64 to "
                + "ge-0/0/0.0: family inet6 of ge-0/0/0.0 does not exist; expected a family added in the device section "
                + "or by an iff-add step");
    }

    @Test
    void anAddressTheFamilyCannotTake() {
        assertRefused(() -> device.addAddress(ge000, "iso", "192.0.2.5/30"),
                "family iso of ge-0/0/0.0 takes no IP address; expected family inet or inet6 for address 192.0.2.5/30");
        assertRefused(() -> device.addAddress(ge000, "inet", "2001:db8::1/64"),
                "address 2001:db8::1/64 is IPv6 but family inet of ge-0/0/0.0 takes IPv4 addresses; expected family inet6");
        assertRefused(() -> device.addAddress(ge000, "inet", "192.0.2"), "address of family inet of ge-0/0/0.0: "
                + "'192.0.2' is not an IPv4 address: it has 3 parts; expected four numbers from 0 to 255 separated by dots, "
                + "such as 192.0.2.1");
        assertRefused(() -> device.addAddress(ge000, "inet", "198.51.100.0/24"), "address 198.51.100.0/24 of family inet "
                + "of ge-0/0/0.0 is its subnet's network address; expected a host address of the subnet, such as 198.51.100.1/24");
        assertRefused(() -> device.addAddress(ge000, "inet", "198.51.100.255/24"), "address 198.51.100.255/24 of family "
                + "inet of ge-0/0/0.0 is its subnet's broadcast address; expected a host address of the subnet, such as "
                + "198.51.100.1/24");
    }

    @Test
    void anAddressThatExistsOrDoesNot() {
        assertRefused(() -> device.addAddress(ge000, "inet", "192.0.2.1/29"), "address 192.0.2.1 of family inet of "
                + "ge-0/0/0.0 already exists (as 192.0.2.1/30); expected a new address, or an ifa-delete step before adding it again");
        assertRefused(() -> device.deleteAddress(ge000, "inet", "192.0.2.9/30"), "address 192.0.2.9/30 of family inet of "
                + "ge-0/0/0.0 does not exist; expected an address added in the device section or by an ifa-add step");
        assertRefused(() -> device.deleteAddress(ge000, "inet", "192.0.2.1/29"), "address 192.0.2.1/29 of family inet of "
                + "ge-0/0/0.0 does not exist: the address is configured as 192.0.2.1/30; expected 192.0.2.1/30");
    }

    @Test
    void anAddressWhoseRoutesAnotherHas() {
        device.addInterface("ge-0/0/1");
        IflName ge010 = IflName.parse("ge-0/0/1.0");
        device.addUnit(ge010);
        device.addFamily(ge010, "inet");

        assertRefused(() -> device.addAddress(ge010, "inet", "192.0.2.2/30"), "address 192.0.2.2/30 on ge-0/0/1.0 would "
                + "add the direct route 192.0.2.0/30 to inet.0, which already has that prefix (direct); expected an address "
                + "whose subnet and address no other interface or route uses");
        assertRefused(() -> device.addAddress(ge010, "inet", "10.1.0.1/16"), "address 10.1.0.1/16 on ge-0/0/1.0 would add "
                + "the direct route 10.1.0.0/16 to inet.0, which already has that prefix (static); expected an address "
                + "whose subnet and address no other interface or route uses");
        assertThat(device.snapshot().interfaces().get(1).units().get(0).families().get(0).addresses()).isEmpty();
    }

    @Test
    void linkDownTwiceOrUpWhenUp() {
        assertRefused(() -> device.interfaceUp("ge-0/0/0"),
                "ge-0/0/0 is already up; expected interface-up only after interface-down");
        device.interfaceDown("ge-0/0/0");
        assertRefused(() -> device.interfaceDown("ge-0/0/0"),
                "ge-0/0/0 is already down; expected interface-down only on an interface whose link is up");
    }

    @Test
    void anSnmpIdInUse() {
        assertRefused(() -> device.addInterface("ge-0/0/1", 501), "snmp-id 501 of ge-0/0/1 is already used by ge-0/0/0; "
                + "expected an snmp-id no other interface or unit has, or none to have one assigned");
        assertRefused(() -> device.addUnit(IflName.parse("ge-0/0/0.1"), 502), "snmp-id 502 of ge-0/0/0.1 is already used "
                + "by ge-0/0/0.0; expected an snmp-id no other interface or unit has, or none to have one assigned");
        assertRefused(() -> device.addInterface("ge-0/0/1", 0),
                "snmp-id 0 of ge-0/0/1 is not valid; expected a number from 1 to 2147483647");
    }

    @Test
    void aRouteInATableThatDoesNotExist() {
        assertRefused(() -> device.addRoute(RouteSpec.parse("red.inet.0", "10.2.0.0/16", List.of(), "static")),
                "route table red.inet.0 does not exist; expected inet.0, inet6.0 or a table added in the device section or "
                        + "by a route-table-add step");
        assertRefused(() -> device.addRoute(RouteSpec.parse("inet.0", "10.2.0.0/16", List.of(), "static").inLogicalRouter("lr1")),
                "route table inet.0 of logical router lr1 does not exist; expected inet.0, inet6.0 or a table added in the "
                        + "device section or by a route-table-add step");
    }

    @Test
    void aRouteOfTheWrongFamily() {
        assertRefused(() -> device.addRoute(RouteSpec.parse("inet6.0", "10.2.0.0/16", List.of(), "static")),
                "route 10.2.0.0/16 is IPv4 but table inet6.0 holds inet6 routes; expected an inet table such as inet.0");
        assertRefused(() -> device.addRoute(RouteSpec.parse("inet.0", "2001:db8::/32", List.of(), "static")),
                "route 2001:db8::/32 is IPv6 but table inet.0 holds inet routes; expected an inet6 table such as inet6.0");
        device.addRouteTable("mpls.0", "default");
        assertRefused(() -> device.addRoute(RouteSpec.parse("mpls.0", "10.2.0.0/16", List.of(), "static")),
                "route table mpls.0 holds mpls routes, not IP prefixes; expected an inet table such as inet.0 for route 10.2.0.0/16");
        assertRefused(() -> device.addRoute(RouteSpec.parse("inet.0", "10.2.0.0/16", List.of("2001:db8::2"), "static")),
                "next hop 2001:db8::2 of route 10.2.0.0/16 is an IPv6 address; expected an IPv4 address, as the route is IPv4");
    }

    @Test
    void aRouteThatExistsOrDoesNot() {
        assertRefused(() -> device.addRoute(RouteSpec.parse("inet.0", "10.1.0.0/16", List.of(), "bgp")),
                "route 10.1.0.0/16 already exists in inet.0 (static); expected a new prefix, or a route-change step to change it");
        assertRefused(() -> device.deleteRoute("inet.0", "default", "10.9.0.0/16"),
                "route 10.9.0.0/16 does not exist in inet.0; expected a route added in the device section or by a route-add step");
        assertRefused(() -> device.changeRoute(RouteSpec.parse("inet.0", "10.9.0.0/16", List.of(), "bgp")),
                "route 10.9.0.0/16 does not exist in inet.0; expected a route added in the device section or by a route-add step");
    }

    @Test
    void aRouteWrittenWrongly() {
        assertRefused(() -> RouteSpec.parse("inet.0", "10.1.2.3/16", List.of(), "static"), "route prefix: prefix "
                + "'10.1.2.3/16' has bits set after its length /16; expected the network address, 10.1.0.0/16");
        assertRefused(() -> RouteSpec.parse("inet.0", "10.1.0.0/16", List.of(), "statc"), "route type 'statc' is not known; "
                + "expected one of static, direct, local, bgp, ospf, ospf3, isis, rip, ripng, aggregate, generated, ldp, rsvp, "
                + "access, access-internal (did you mean static?)");
        assertRefused(() -> device.addRoute(RouteSpec.parse("inet.0", "10.2.0.0/16", List.of("192.0.2.2", "192.0.2.2"), "static")),
                "next hop 192.0.2.2 of route 10.2.0.0/16 is listed twice; expected each next hop once");
        assertRefused(() -> device.addRoute(RouteSpec.parse("inet.0", "10.2.0.0/16", List.of("router1"), "static")),
                "next hop of route 10.2.0.0/16: 'router1' is not an IPv4 address: it has characters other than digits and "
                        + "dots (names are not looked up); expected four numbers from "
                        + "0 to 255 separated by dots, such as 192.0.2.1");
    }

    @Test
    void routeTables() {
        assertRefused(() -> device.addRouteTable("inet.0", "default"),
                "route table inet.0 already exists; expected a new table, or a route-table-delete step before adding it again");
        assertRefused(() -> device.addRouteTable("red", "default"), "route table name 'red' does not tell its family; "
                + "expected a name ending in inet.N, inet6.N, iso.N or mpls.N, such as red.inet.0");
        assertRefused(() -> device.deleteRouteTable("inet.0", "default"), "route table inet.0 is the main router's inet "
                + "table and cannot be deleted; expected a table added by a route-table-add step");
        assertRefused(() -> device.addRouteTable("red inet.0", "default"), "route table name 'red inet.0' is not valid; "
                + "expected letters, digits, '_', '.', ':' and '-' (and '/' between parts), without spaces, '+', '#' or a "
                + "leading '/', which would break the event topics, such as red.inet.0");
        assertRefused(() -> device.addRouteTable("red.inet.0", "lr+1"), "logical router name 'lr+1' is not valid; "
                + "expected letters, digits, '_', '.', ':' and '-' (and '/' between parts), without spaces, '+', '#' or a "
                + "leading '/', which would break the event topics, such as default");
    }

    @Test
    void interfaceNamesThatWouldBreakTopics() {
        String expected = "; expected a name such as ge-0/0/0, xe-1/2/3, et-0/0/1:2, ae0, irb or lo0: lower-case letters, "
                + "then a number or -FPC/PIC/PORT, without spaces, '+', '#' or a leading '/', which would break the event topics";
        for (String name : List.of("ge 0/0/0", "ge-0/0/+", "#", "/ge-0/0/0", "ge-0/0", "ge-0/0/0/", "0ge")) {
            assertRefused(() -> device.addInterface(name), "'" + name + "' is not a Junos interface name" + expected);
        }
        assertRefused(() -> device.addInterface(""), "the interface name is empty; expected a Junos interface name such as "
                + "ge-0/0/0, xe-1/2/3, et-0/0/1:2, ae0, irb or lo0");
        assertRefused(() -> device.addInterface("ge-0/0/1.0"),
                "'ge-0/0/1.0' is a unit (logical interface), not an interface; expected the interface name ge-0/0/1");
        assertRefused(() -> device.addInterface("GE-0/0/1"), "interface name 'GE-0/0/1' has upper-case letters; expected ge-0/0/1");
    }

    @Test
    void unitNames() {
        assertRefused(() -> IflName.parse("ge-0/0/0"), "'ge-0/0/0' has no unit number; expected a unit name such as ge-0/0/0.0");
        assertRefused(() -> IflName.parse("ge-0/0/0.x"), "unit 'x' in 'ge-0/0/0.x' is not a unit number; expected a number "
                + "from 0 to 1073741823 without leading zeros, such as ge-0/0/0.0");
        assertRefused(() -> IflName.parse("ge-0/0/0.1073741824"),
                "unit 1073741824 in 'ge-0/0/0.1073741824' is out of range; expected 0 to 1073741823");
        assertRefused(() -> new IflName("ge-0/0/0", -1), "unit -1 of ge-0/0/0 is out of range; expected 0 to 1073741823");
        assertThat(IflName.parse("ge-0/0/0.1073741823")).isEqualTo(new IflName("ge-0/0/0", 1_073_741_823));
    }

    @Test
    void firewallFilters() {
        device.addFirewallFilter(FirewallFilterSpec.named("protect-re"));
        assertRefused(() -> device.addFirewallFilter(FirewallFilterSpec.named("protect-re")), "firewall filter protect-re "
                + "already exists; expected a new filter name, or a firewall-filter-delete step before adding it again");
        assertRefused(() -> device.deleteFirewallFilter("other"),
                "firewall filter other does not exist; expected a filter added in the device section or by a firewall-filter-add step");
        assertRefused(() -> device.addFirewallFilter(FirewallFilterSpec.named("f2").withFilterType("clasic")),
                "filter-type 'clasic' of firewall filter f2 is not known; expected one of classic, simple-filter, "
                        + "service-filter (did you mean classic?)");
        assertRefused(() -> device.addFirewallFilter(FirewallFilterSpec.named("f2").withProtocol("inet4")),
                "protocol 'inet4' of firewall filter f2 is not known; expected one of inet, inet6, any, mpls, "
                        + "ethernet-switching, bridge, vpls, ccc (did you mean inet?)");
        assertRefused(() -> device.changeFirewallFilter("protect-re", f -> f.withInterfaceName("ge-0/0/9.0")),
                "firewall filter protect-re is applied to unit ge-0/0/9.0, which does not exist; expected a unit added in "
                        + "the device section or by an ifl-add step");
        assertRefused(() -> device.changeFirewallFilter("protect-re", f -> FirewallFilterSpec.named("other")),
                "firewall filter protect-re cannot be renamed to other; expected a delete of the old filter and an add of the new one");
        assertThat(device.snapshot().firewallFilters().get(0).version()).isEqualTo(1);
    }

    @Test
    void syslogMessages() {
        assertRefused(() -> device.syslog("ui_commit_completed", "notice", "user", Map.of()), "syslog event-id "
                + "'ui_commit_completed' is not a syslog tag; expected upper-case letters, digits and underscores, such as "
                + "UI_COMMIT_COMPLETED (did you mean UI_COMMIT_COMPLETED?)");
        assertRefused(() -> device.syslog("UI_COMMIT_COMPLETED", "notic", "user", Map.of()), "syslog severity 'notic' is not "
                + "known; expected one of emergency, alert, critical, error, warning, notice, info, debug (did you mean notice?)");
        assertRefused(() -> device.syslog("UI_COMMIT_COMPLETED", "notice", "demon", Map.of()), "syslog facility 'demon' is "
                + "not known; expected one of authorization, change-log, conflict-log, daemon, dfc, external, firewall, ftp, "
                + "interactive-commands, kernel, ntp, pfe, security, user (did you mean daemon?)");
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("ratio", 0.5);
        assertRefused(() -> device.syslog("UI_COMMIT_COMPLETED", "notice", "user", pairs), "syslog UI_COMMIT_COMPLETED "
                + "attribute ratio has the value 0.5; expected a string, a whole number, true or false, or a list of strings");
        assertRefused(() -> device.configUpdate("", "x"),
                "the config update has no user name; expected the name of the user who committed, such as lab");
    }

    @Test
    void aRefusedOperationChangesNothing() {
        DeviceSnapshot before = device.snapshot();

        assertThatThrownBy(() -> device.addAddress(ge000, "inet", "10.1.0.1/16")).isInstanceOf(DeviceModelException.class);
        assertThatThrownBy(() -> device.addInterface("ge-0/0/1", 501)).isInstanceOf(DeviceModelException.class);

        assertThat(device.snapshot()).isEqualTo(before);
        // 501 was refused, so the counter goes on where it was
        assertThat(device.addInterface("ge-0/0/1").get(0).attribute("snmp-id")).isEqualTo(503);
    }

    private static void assertRefused(ThrowingCallable operation, String message) {
        assertThatThrownBy(operation).isInstanceOf(DeviceModelException.class).hasMessage(message);
    }
}
