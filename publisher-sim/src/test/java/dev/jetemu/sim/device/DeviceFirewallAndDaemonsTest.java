package dev.jetemu.sim.device;

import dev.jetemu.sim.event.EventKind;
import dev.jetemu.sim.event.Facility;
import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.Severity;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DeviceFirewallAndDaemonsTest {

    private final Device device = new Device();

    @Test
    void aFilterIsAddedChangedWithItsVersionAndDeleted() {
        device.addInterface("lo0");
        device.addUnit(IflName.parse("lo0.0"));

        JetEvent added = device.addFirewallFilter(FirewallFilterSpec.named("protect-re")).get(0);
        JetEvent changed = device.changeFirewallFilter("protect-re",
                f -> f.withInterfaceName("lo0.0").withClientId("fw-app")).get(0);
        JetEvent again = device.changeFirewallFilter("protect-re", f -> f.withProtocol("inet6")).get(0);
        JetEvent deleted = device.deleteFirewallFilter("protect-re").get(0);

        assertThat(added.topic()).isEqualTo("/junos/events/kernel/firewall/filter/add/protect-re");
        assertThat(added.eventId()).isEqualTo("KERNEL_EVENT_FIREWALL_FILTER_ADD");
        assertThat(added.attributes()).containsExactly(entry("name", "protect-re"), entry("version", 1),
                entry("client-id", ""), entry("filter-type", "classic"), entry("protocol", "inet"),
                entry("interface-name", ""), entry("flags", 0));
        assertThat(changed.topic()).isEqualTo("/junos/events/kernel/firewall/filter/change/protect-re");
        assertThat(changed.attributes()).containsExactly(entry("name", "protect-re"), entry("version", 2),
                entry("client-id", "fw-app"), entry("filter-type", "classic"), entry("protocol", "inet"),
                entry("interface-name", "lo0.0"), entry("flags", 0));
        assertThat(again.attributes()).containsExactly(entry("name", "protect-re"), entry("version", 3),
                entry("client-id", "fw-app"), entry("filter-type", "classic"), entry("protocol", "inet6"),
                entry("interface-name", "lo0.0"), entry("flags", 0));
        assertThat(deleted.topic()).isEqualTo("/junos/events/kernel/firewall/filter/delete/protect-re");
        assertThat(deleted.eventId()).isEqualTo("KERNEL_EVENT_FIREWALL_FILTER_DELETE");
        assertThat(deleted.attribute("version")).isEqualTo(3);
        assertThat(device.snapshot().firewallFilters()).isEmpty();
    }

    @Test
    void aSyslogMessage() {
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("snmp-interface-index", 530);
        pairs.put("admin-status", "up(1)");
        pairs.put("operational-status", "down(2)");
        pairs.put("interface-name", "ge-0/0/1");

        List<JetEvent> events = device.syslog("SNMP_TRAP_LINK_DOWN", "warning", "daemon", pairs);

        assertThat(events).hasSize(1);
        JetEvent event = events.get(0);
        assertThat(event.kind()).isEqualTo(EventKind.SYSLOG);
        assertThat(event.topic()).isEqualTo("/junos/events/syslog/SNMP_TRAP_LINK_DOWN");
        assertThat(event.eventId()).isEqualTo("SNMP_TRAP_LINK_DOWN");
        assertThat(event.severity()).isEqualTo(Severity.WARNING);
        assertThat(event.facility()).isEqualTo(Facility.DAEMON);
        assertThat(event.attributes()).containsExactly(entry("snmp-interface-index", 530), entry("admin-status", "up(1)"),
                entry("operational-status", "down(2)"), entry("interface-name", "ge-0/0/1"));
    }

    @Test
    void syslogTakesFacilitiesAsConfigurationWritesThem() {
        assertThat(device.syslog("UI_COMMIT_COMPLETED", "NOTICE", "change-log", null).get(0).facility())
                .isEqualTo(Facility.CHANGE_LOG);
        assertThat(device.syslog("UI_COMMIT_COMPLETED", "notice", "interactive_commands", Map.of()).get(0).facility())
                .isEqualTo(Facility.INTERACTIVE_COMMANDS);
    }

    @Test
    void aConfigUpdate() {
        JetEvent event = device.configUpdate("lab", null).get(0);

        assertThat(event.topic()).isEqualTo("/junos/events/genpub/config-update");
        assertThat(event.eventId()).isEqualTo("CONFIG_UPDATE");
        assertThat(event.severity()).isEqualTo(Severity.NOTICE);
        assertThat(event.facility()).isEqualTo(Facility.CHANGE_LOG);
        assertThat(event.attributes()).containsExactly(entry("username", "lab"), entry("comment", ""));
    }
}
