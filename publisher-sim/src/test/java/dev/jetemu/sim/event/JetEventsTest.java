package dev.jetemu.sim.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class JetEventsTest {

    @ParameterizedTest
    @CsvSource({
            "ADD, /junos/events/kernel/interfaces/ifd/add/ge-0/0/0, KERNEL_EVENT_IFD_ADD",
            "CHANGE, /junos/events/kernel/interfaces/ifd/change/ge-0/0/0, KERNEL_EVENT_IFD_CHANGE",
            "DELETE, /junos/events/kernel/interfaces/ifd/delete/ge-0/0/0, KERNEL_EVENT_IFD_DELETE",
    })
    void ifd(Operation operation, String topic, String eventId) {
        JetEvent event = JetEvents.ifd(operation, "ge-0/0/0", 520, 8);

        assertThat(event.kind()).isEqualTo(EventKind.IFD);
        assertThat(event.operation()).contains(operation);
        assertThat(event.topic()).isEqualTo(topic);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.facility()).isEqualTo(Facility.KERNEL);
        assertThat(event.attributes()).containsExactly(entry("name", "ge-0/0/0"), entry("snmp-id", 520), entry("flags", 8));
    }

    @Test
    void anIfdNameOfOneLevel() {
        assertThat(JetEvents.ifd(Operation.ADD, "lo0", 6, 8).topic()).isEqualTo("/junos/events/kernel/interfaces/ifd/add/lo0");
    }

    @ParameterizedTest
    @CsvSource({
            "ADD, /junos/events/kernel/interfaces/ifl/add/ge-0/0/0.0, KERNEL_EVENT_IFL_ADD",
            "CHANGE, /junos/events/kernel/interfaces/ifl/change/ge-0/0/0.0, KERNEL_EVENT_IFL_CHANGE",
            "DELETE, /junos/events/kernel/interfaces/ifl/delete/ge-0/0/0.0, KERNEL_EVENT_IFL_DELETE",
    })
    void ifl(Operation operation, String topic, String eventId) {
        JetEvent event = JetEvents.ifl(operation, "ge-0/0/0", 0, 521, 8);

        assertThat(event.kind()).isEqualTo(EventKind.IFL);
        assertThat(event.topic()).isEqualTo(topic);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.facility()).isEqualTo(Facility.KERNEL);
        assertThat(event.attributes()).containsExactly(
                entry("name", "ge-0/0/0"), entry("subunit", 0), entry("snmp-id", 521), entry("flags", 8));
    }

    @Test
    void aLoopbackUnitIsOneTopicLevel() {
        assertThat(JetEvents.ifl(Operation.ADD, "lo0", 0, 16, 8).topic()).isEqualTo("/junos/events/kernel/interfaces/ifl/add/lo0.0");
        assertThat(JetEvents.iff(Operation.ADD, "lo0", 0, "inet", "inet.0").topic())
                .isEqualTo("/junos/events/kernel/interfaces/iff/add/lo0.0/inet");
    }

    @ParameterizedTest
    @CsvSource({
            "ADD, /junos/events/kernel/interfaces/iff/add/ge-0/0/0.0/inet, KERNEL_EVENT_IFF_ADD",
            "CHANGE, /junos/events/kernel/interfaces/iff/change/ge-0/0/0.0/inet, KERNEL_EVENT_IFF_CHANGE",
            "DELETE, /junos/events/kernel/interfaces/iff/delete/ge-0/0/0.0/inet, KERNEL_EVENT_IFF_DELETE",
    })
    void iff(Operation operation, String topic, String eventId) {
        JetEvent event = JetEvents.iff(operation, "ge-0/0/0", 0, "inet", "inet.0");

        assertThat(event.kind()).isEqualTo(EventKind.IFF);
        assertThat(event.topic()).isEqualTo(topic);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.facility()).isEqualTo(Facility.KERNEL);
        assertThat(event.attributes()).containsExactly(entry("name", "ge-0/0/0"), entry("subunit", 0),
                entry("family", "inet"), entry("table-name", "inet.0"), entry("flags", 0));
    }

    @ParameterizedTest
    @CsvSource({
            "ADD, /junos/events/kernel/interfaces/ifa/add/ge-0/0/0.0/inet/192.0.2.1, KERNEL_EVENT_IFA_ADD",
            "CHANGE, /junos/events/kernel/interfaces/ifa/change/ge-0/0/0.0/inet/192.0.2.1, KERNEL_EVENT_IFA_CHANGE",
            "DELETE, /junos/events/kernel/interfaces/ifa/delete/ge-0/0/0.0/inet/192.0.2.1, KERNEL_EVENT_IFA_DELETE",
    })
    void ifa(Operation operation, String topic, String eventId) {
        JetEvent event = JetEvents.ifa(operation, "ge-0/0/0", 0, "inet", "192.0.2.1", "192.0.2.0/30", "192.0.2.3");

        assertThat(event.kind()).isEqualTo(EventKind.IFA);
        assertThat(event.topic()).isEqualTo(topic);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.facility()).isEqualTo(Facility.KERNEL);
        assertThat(event.attributes()).containsExactly(entry("name", "ge-0/0/0"), entry("subunit", 0),
                entry("family", "inet"), entry("local-address", "192.0.2.1"), entry("destination-address", "192.0.2.0/30"),
                entry("broadcast-address", "192.0.2.3"), entry("flags", 0));
    }

    @ParameterizedTest
    @CsvSource({
            "ADD, /junos/events/kernel/firewall/filter/add/protect-re, KERNEL_EVENT_FIREWALL_FILTER_ADD",
            "CHANGE, /junos/events/kernel/firewall/filter/change/protect-re, KERNEL_EVENT_FIREWALL_FILTER_CHANGE",
            "DELETE, /junos/events/kernel/firewall/filter/delete/protect-re, KERNEL_EVENT_FIREWALL_FILTER_DELETE",
    })
    void firewallFilter(Operation operation, String topic, String eventId) {
        JetEvent event = JetEvents.firewallFilter(operation, "protect-re", 2, "app1", "classic", "inet", "lo0.0");

        assertThat(event.kind()).isEqualTo(EventKind.FIREWALL_FILTER);
        assertThat(event.topic()).isEqualTo(topic);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.facility()).isEqualTo(Facility.KERNEL);
        assertThat(event.attributes()).containsExactly(entry("name", "protect-re"), entry("version", 2),
                entry("client-id", "app1"), entry("filter-type", "classic"), entry("protocol", "inet"),
                entry("interface-name", "lo0.0"), entry("flags", 0));
    }

    @ParameterizedTest
    @CsvSource({
            "ADD, /junos/events/kernel/route/add/inet/10.1.0.0/16, KERNEL_EVENT_ROUTE_ADD",
            "CHANGE, /junos/events/kernel/route/change/inet/10.1.0.0/16, KERNEL_EVENT_ROUTE_CHANGE",
            "DELETE, /junos/events/kernel/route/delete/inet/10.1.0.0/16, KERNEL_EVENT_ROUTE_DELETE",
    })
    void ipv4Route(Operation operation, String topic, String eventId) {
        JetEvent event = JetEvents.route(operation, "inet.0", "default", "inet", "static", "10.1.0.0", 16,
                List.of("192.0.2.2", "192.0.2.6"));

        assertThat(event.kind()).isEqualTo(EventKind.ROUTE);
        assertThat(event.topic()).isEqualTo(topic);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.facility()).isEqualTo(Facility.KERNEL);
        assertThat(event.attributes()).containsExactly(entry("table-name", "inet.0"),
                entry("logical-router-name", "default"), entry("address-family", "inet"), entry("route-type", "static"),
                entry("route-prefix", "10.1.0.0/16"), entry("next-hop-address", List.of("192.0.2.2", "192.0.2.6")),
                entry("flags", 0));
    }

    @Test
    void ipv6RouteSplitsThePrefixIntoAddressAndLength() {
        JetEvent event = JetEvents.route(Operation.ADD, "inet6.0", "default", "inet6", "bgp", "2001:db8::", 32,
                List.of("2001:db8:ffff::1"));

        assertThat(event.topic()).isEqualTo("/junos/events/kernel/route/add/inet6/2001:db8::/32");
        assertThat(event.attribute("route-prefix")).isEqualTo("2001:db8::/32");
        assertThat(event.attribute("address-family")).isEqualTo("inet6");
    }

    @ParameterizedTest
    @CsvSource({
            "ADD, /junos/events/kernel/route-table/add/inet.0/default, KERNEL_EVENT_ROUTE_TABLE_ADD",
            "CHANGE, /junos/events/kernel/route-table/change/inet.0/default, KERNEL_EVENT_ROUTE_TABLE_CHANGE",
            "DELETE, /junos/events/kernel/route-table/delete/inet.0/default, KERNEL_EVENT_ROUTE_TABLE_DELETE",
    })
    void routeTable(Operation operation, String topic, String eventId) {
        JetEvent event = JetEvents.routeTable(operation, "inet.0", "default", "inet");

        assertThat(event.kind()).isEqualTo(EventKind.ROUTE_TABLE);
        assertThat(event.topic()).isEqualTo(topic);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.facility()).isEqualTo(Facility.KERNEL);
        assertThat(event.attributes()).containsExactly(entry("name", "inet.0"), entry("logical-router-name", "default"),
                entry("address-family", "inet"), entry("flags", 0));
    }

    @Test
    void syslogUsesItsTagItsSeverityAndItsFacility() {
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("snmp-interface-index", 520);
        pairs.put("admin-status", "up(1)");
        pairs.put("operational-status", "down(2)");
        pairs.put("interface-name", "ge-0/0/1");

        JetEvent event = JetEvents.syslog("SNMP_TRAP_LINK_DOWN", Severity.WARNING, Facility.DAEMON, pairs);

        assertThat(event.kind()).isEqualTo(EventKind.SYSLOG);
        assertThat(event.operation()).isEqualTo(Optional.empty());
        assertThat(event.topic()).isEqualTo("/junos/events/syslog/SNMP_TRAP_LINK_DOWN");
        assertThat(event.eventId()).isEqualTo("SNMP_TRAP_LINK_DOWN");
        assertThat(event.severity()).isEqualTo(Severity.WARNING);
        assertThat(event.facility()).isEqualTo(Facility.DAEMON);
        assertThat(event.attributes()).containsExactly(entry("snmp-interface-index", 520), entry("admin-status", "up(1)"),
                entry("operational-status", "down(2)"), entry("interface-name", "ge-0/0/1"));
    }

    @Test
    void configUpdate() {
        JetEvent event = JetEvents.configUpdate("lab", "add ge-0/0/2");

        assertThat(event.kind()).isEqualTo(EventKind.CONFIG_UPDATE);
        assertThat(event.operation()).isEmpty();
        assertThat(event.topic()).isEqualTo("/junos/events/genpub/config-update");
        assertThat(event.eventId()).isEqualTo("CONFIG_UPDATE");
        assertThat(event.severity()).isEqualTo(Severity.NOTICE);
        assertThat(event.facility()).isEqualTo(Facility.CHANGE_LOG);
        assertThat(event.attributes()).containsExactly(entry("username", "lab"), entry("comment", "add ge-0/0/2"));
    }

    @Test
    void refusesValuesThatWouldBreakATopic() {
        assertThatThrownBy(() -> JetEvents.ifd(Operation.ADD, "ge+0", 1, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wildcard");
        assertThatThrownBy(() -> JetEvents.ifd(Operation.ADD, "#", 1, 8)).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> JetEvents.ifd(Operation.ADD, "/ge-0/0/0", 1, 8)).hasMessageContaining("empty topic level");
        assertThatThrownBy(() -> JetEvents.ifd(Operation.ADD, "ge-0//0", 1, 8)).hasMessageContaining("empty topic level");
        assertThatThrownBy(() -> JetEvents.ifd(Operation.ADD, "", 1, 8)).hasMessageContaining("empty ifd");
    }

    @Test
    void anEventsAttributesCannotBeChanged() {
        JetEvent event = JetEvents.ifd(Operation.ADD, "ge-0/0/0", 520, 8);
        assertThatThrownBy(() -> event.attributes().put("flags", 9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEventCarriesOnlyJsonValues() {
        Map<String, Object> pairs = Map.of("ratio", 1.5);
        assertThatThrownBy(() -> JetEvents.syslog("X", Severity.INFO, Facility.USER, pairs))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio");
    }
}
