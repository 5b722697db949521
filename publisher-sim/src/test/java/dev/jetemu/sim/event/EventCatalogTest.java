package dev.jetemu.sim.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogTest {

    @Test
    void hasEveryKindOnce() {
        assertThat(EventCatalog.specs()).extracting(EventSpec::kind).containsExactly(EventKind.values());
    }

    @Test
    void topicTemplatesAreTheDocumentedOnes() {
        assertThat(EventCatalog.specs()).extracting(s -> s.topic().template()).containsExactly(
                "/junos/events/kernel/interfaces/ifd/{op}/{ifd}",
                "/junos/events/kernel/interfaces/ifl/{op}/{ifl}",
                "/junos/events/kernel/interfaces/iff/{op}/{ifl}/{family}",
                "/junos/events/kernel/interfaces/ifa/{op}/{ifl}/{family}/{address}",
                "/junos/events/kernel/firewall/filter/{op}/{filter}",
                "/junos/events/kernel/route/{op}/{family}/{prefix-address}/{length}",
                "/junos/events/kernel/route-table/{op}/{table}/{logical-router}",
                "/junos/events/syslog/{event-id}",
                "/junos/events/genpub/config-update");
    }

    @Test
    void attributeNamesAreTheDocumentedOnesInOrder() {
        assertThat(EventCatalog.IFD.attributeNames()).containsExactly("name", "snmp-id", "flags");
        assertThat(EventCatalog.IFL.attributeNames()).containsExactly("name", "subunit", "snmp-id", "flags");
        assertThat(EventCatalog.IFF.attributeNames()).containsExactly("name", "subunit", "family", "table-name", "flags");
        assertThat(EventCatalog.IFA.attributeNames()).containsExactly("name", "subunit", "family", "local-address",
                "destination-address", "broadcast-address", "flags");
        assertThat(EventCatalog.FIREWALL_FILTER.attributeNames()).containsExactly("name", "version", "client-id",
                "filter-type", "protocol", "interface-name", "flags");
        assertThat(EventCatalog.ROUTE.attributeNames()).containsExactly("table-name", "logical-router-name",
                "address-family", "route-type", "route-prefix", "next-hop-address", "flags");
        assertThat(EventCatalog.ROUTE_TABLE.attributeNames()).containsExactly("name", "logical-router-name",
                "address-family", "flags");
        assertThat(EventCatalog.SYSLOG.attributes()).isEmpty();
        assertThat(EventCatalog.SYSLOG.freeFormAttributes()).isTrue();
    }

    @Test
    void numbersAreIntegersAndNextHopsAnArray() {
        assertThat(EventCatalog.IFL.attributes()).extracting(AttributeSpec::type).containsExactly(
                AttributeType.STRING, AttributeType.INTEGER, AttributeType.INTEGER, AttributeType.INTEGER);
        assertThat(EventCatalog.ROUTE.attributes().get(5).type()).isEqualTo(AttributeType.STRING_ARRAY);
        assertThat(EventCatalog.FIREWALL_FILTER.attributes().get(1).type()).isEqualTo(AttributeType.INTEGER);
    }

    @Test
    void onlyIfdAddIsDocumented() {
        EventIdRule.PerOperation ifd = (EventIdRule.PerOperation) EventCatalog.IFD.eventIds();
        assertThat(ifd.provenance(Operation.ADD)).isEqualTo(Provenance.DOCUMENTED);
        assertThat(ifd.provenance(Operation.CHANGE)).isEqualTo(Provenance.INFERRED);
        EventIdRule.PerOperation route = (EventIdRule.PerOperation) EventCatalog.ROUTE.eventIds();
        assertThat(route.provenance(Operation.ADD)).isEqualTo(Provenance.INFERRED);
        assertThat(EventCatalog.CONFIG_UPDATE.eventIds()).isEqualTo(new EventIdRule.Fixed("CONFIG_UPDATE", Provenance.CHOSEN));
    }

    @Test
    void kernelEventsAreInfoAndKernelAndSyslogBringsItsOwn() {
        assertThat(EventCatalog.ROUTE.severity()).contains(Severity.INFO);
        assertThat(EventCatalog.ROUTE.facility()).contains(Facility.KERNEL);
        assertThat(EventCatalog.SYSLOG.severity()).isEqualTo(Optional.empty());
        assertThat(EventCatalog.SYSLOG.operations()).isEmpty();
        assertThat(EventCatalog.IFA.operations()).containsExactly(Operation.ADD, Operation.CHANGE, Operation.DELETE);
    }

    @Test
    void timeIsUtcWithMilliseconds() {
        assertThat(EventCatalog.formatTime(Instant.parse("2026-11-21T08:05:12.345678Z"))).isEqualTo("2026-11-21T08:05:12.345Z");
        assertThat(EventCatalog.formatTime(Instant.parse("2016-01-07T00:00:00Z"))).isEqualTo("2016-01-07T00:00:00.000Z");
    }

    @Test
    void flagBitsAgreeWithTheVendorsExample() {
        assertThat(InterfaceFlag.flags(false, false)).isEqualTo(8);
        assertThat(InterfaceFlag.flags(true, false)).isEqualTo(9);
        assertThat(InterfaceFlag.flags(false, true)).isEqualTo(10);
        assertThat(InterfaceFlag.flags(true, true)).isEqualTo(11);
        assertThat(InterfaceFlag.DOWN.isSetIn(9)).isTrue();
        assertThat(InterfaceFlag.DOWN.isSetIn(8)).isFalse();
    }

    @Test
    void describesItselfForPeople() {
        List<String> lines = EventCatalog.describe();

        assertThat(lines).contains(
                "IFD: physical interface",
                "  topic:      /junos/events/kernel/interfaces/ifd/{op}/{ifd}   ({op}: add, change, delete)",
                "  event-id:   KERNEL_EVENT_IFD_ADD (documented), KERNEL_EVENT_IFD_CHANGE (inferred), "
                        + "KERNEL_EVENT_IFD_DELETE (inferred)",
                "  severity:   info   facility: KERNEL",
                "  topic:      /junos/events/kernel/route/{op}/{family}/{prefix-address}/{length}   ({op}: add, change, delete)",
                "  event-id:   the syslog tag, such as SNMP_TRAP_LINK_DOWN or UI_COMMIT_COMPLETED (documented)",
                "  severity:   the message's   facility: the message's",
                "  event-id:   CONFIG_UPDATE (chosen)",
                "  severity:   notice   facility: CHANGE-LOG",
                "flag bits of IFD and IFL events (flags attribute):");
        assertThat(lines).anyMatch(l -> l.startsWith("    snmp-id  integer"));
        assertThat(lines).anyMatch(l -> l.startsWith("    next-hop-address     array of strings"));
        assertThat(lines).anyMatch(l -> l.startsWith("  0x8 PRESENT "));
        assertThat(lines).anyMatch(l -> l.startsWith("  0x1 DOWN "));
        assertThat(lines).anyMatch(l -> l.startsWith("time: ISO-8601 in UTC with milliseconds"));
    }
}
