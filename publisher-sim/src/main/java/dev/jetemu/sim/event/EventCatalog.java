package dev.jetemu.sim.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.jetemu.sim.event.AttributeType.INTEGER;
import static dev.jetemu.sim.event.AttributeType.STRING;
import static dev.jetemu.sim.event.AttributeType.STRING_ARRAY;

/**
 * Every kind of jet-event the emulated device publishes: topic template, event id per operation,
 * attributes with their JSON types, severity and facility, and the interface flag bits. The one
 * source of truth: the device model builds events through {@link JetEvents}, which reads this
 * catalog, and the {@code jetemu events} command prints {@link #describe()}.
 *
 * <p>The vendor documents the topics, the attribute names and one example payload
 * ({@code KERNEL_EVENT_IFD_ADD}). What it does not document is marked here as inferred or as the
 * emulator's choice, so that it can be corrected in this one place.
 */
public final class EventCatalog {

    /** How the {@code time} header is written; the vendor's example shows only a date ("2016-01-07"). */
    public static final String TIME_FORMAT =
            "ISO-8601 in UTC with milliseconds, such as 2026-11-21T08:05:12.345Z (chosen: the vendor's example "
                    + "shows only a date, 2016-01-07; a full timestamp orders events and still starts with that date)";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Optional<Severity> INFO = Optional.of(Severity.INFO);
    private static final Optional<Facility> KERNEL = Optional.of(Facility.KERNEL);
    private static final Set<Operation> ADD_ONLY = Set.of(Operation.ADD);
    private static final Set<Operation> NONE = Set.of();

    private static final AttributeSpec NO_FLAGS = new AttributeSpec("flags", INTEGER,
            "always 0: no state of this kind is modelled that flags would show");
    private static final String IFL_NAME_NOTE = "name is the physical interface's name (ge-0/0/0) and subunit the "
            + "unit number, as the documented attribute list has both (the topic carries the full unit name ge-0/0/0.0)";

    public static final EventSpec IFD = new EventSpec(EventKind.IFD, "physical interface",
            TopicTemplate.of("/junos/events/kernel/interfaces/ifd/{op}/{ifd}"),
            new EventIdRule.PerOperation("KERNEL_EVENT_IFD", ADD_ONLY), INFO, KERNEL,
            List.of(new AttributeSpec("name", STRING, "the interface name, ge-0/0/0 or lo0"),
                    new AttributeSpec("snmp-id", INTEGER, "the SNMP ifIndex"),
                    new AttributeSpec("flags", INTEGER, "interface flag bits; see the flag bits below")),
            false, List.of());

    public static final EventSpec IFL = new EventSpec(EventKind.IFL, "logical interface (unit)",
            TopicTemplate.of("/junos/events/kernel/interfaces/ifl/{op}/{ifl}"),
            new EventIdRule.PerOperation("KERNEL_EVENT_IFL", NONE), INFO, KERNEL,
            List.of(new AttributeSpec("name", STRING, "the physical interface's name, ge-0/0/0"),
                    new AttributeSpec("subunit", INTEGER, "the unit number, 0 in ge-0/0/0.0"),
                    new AttributeSpec("snmp-id", INTEGER, "the SNMP ifIndex of the unit"),
                    new AttributeSpec("flags", INTEGER, "interface flag bits; see the flag bits below")),
            false, List.of(IFL_NAME_NOTE));

    public static final EventSpec IFF = new EventSpec(EventKind.IFF, "protocol family of a unit",
            TopicTemplate.of("/junos/events/kernel/interfaces/iff/{op}/{ifl}/{family}"),
            new EventIdRule.PerOperation("KERNEL_EVENT_IFF", NONE), INFO, KERNEL,
            List.of(new AttributeSpec("name", STRING, "the physical interface's name, ge-0/0/0"),
                    new AttributeSpec("subunit", INTEGER, "the unit number"),
                    new AttributeSpec("family", STRING, "inet, inet6, iso, mpls, ethernet-switching, bridge or ccc"),
                    new AttributeSpec("table-name", STRING, "the family's table: inet.0, inet6.0, iso.0, mpls.0 "
                            + "(ccc too), default-switch.bridge (ethernet-switching, bridge)"),
                    NO_FLAGS),
            false, List.of(IFL_NAME_NOTE));

    public static final EventSpec IFA = new EventSpec(EventKind.IFA, "address of a family",
            TopicTemplate.of("/junos/events/kernel/interfaces/ifa/{op}/{ifl}/{family}/{address}"),
            new EventIdRule.PerOperation("KERNEL_EVENT_IFA", NONE), INFO, KERNEL,
            List.of(new AttributeSpec("name", STRING, "the physical interface's name, ge-0/0/0"),
                    new AttributeSpec("subunit", INTEGER, "the unit number"),
                    new AttributeSpec("family", STRING, "inet or inet6"),
                    new AttributeSpec("local-address", STRING, "the interface's own address, 192.0.2.1"),
                    new AttributeSpec("destination-address", STRING,
                            "the subnet with its length, 192.0.2.0/30; empty for a /32 or /128"),
                    new AttributeSpec("broadcast-address", STRING,
                            "the IPv4 subnet's broadcast address, 192.0.2.3 for 192.0.2.1/30; empty for /31, /32 and IPv6"),
                    NO_FLAGS),
            false, List.of(IFL_NAME_NOTE,
                    "the topic's {address} is the local address without its length (192.0.2.1), one topic level",
                    "the values follow show interfaces: Destination: 192.0.2.0/30, Local: 192.0.2.1, Broadcast: 192.0.2.3"));

    public static final EventSpec FIREWALL_FILTER = new EventSpec(EventKind.FIREWALL_FILTER, "firewall filter",
            TopicTemplate.of("/junos/events/kernel/firewall/filter/{op}/{filter}"),
            new EventIdRule.PerOperation("KERNEL_EVENT_FIREWALL_FILTER", NONE), INFO, KERNEL,
            List.of(new AttributeSpec("name", STRING, "the filter name"),
                    new AttributeSpec("version", INTEGER, "1 when added, one more at each change"),
                    new AttributeSpec("client-id", STRING, "the JET client that installed the filter; empty when configured"),
                    new AttributeSpec("filter-type", STRING, "classic (default), simple-filter or service-filter"),
                    new AttributeSpec("protocol", STRING, "the filter's family: inet (default), inet6, any, mpls, "
                            + "ethernet-switching, bridge, vpls or ccc"),
                    new AttributeSpec("interface-name", STRING, "the unit it is applied to, ge-0/0/0.0; empty when none"),
                    NO_FLAGS),
            false, List.of("the types of version (integer) and client-id (string) are inferred"));

    public static final EventSpec ROUTE = new EventSpec(EventKind.ROUTE, "route",
            TopicTemplate.of("/junos/events/kernel/route/{op}/{family}/{prefix-address}/{length}"),
            new EventIdRule.PerOperation("KERNEL_EVENT_ROUTE", NONE), INFO, KERNEL,
            List.of(new AttributeSpec("table-name", STRING, "inet.0, inet6.0, red.inet.0 ..."),
                    new AttributeSpec("logical-router-name", STRING, "default for the main router"),
                    new AttributeSpec("address-family", STRING, "inet or inet6"),
                    new AttributeSpec("route-type", STRING, "static, direct, local, bgp, ospf, isis, rip, aggregate ..."),
                    new AttributeSpec("route-prefix", STRING, "the prefix with its length, 10.1.0.0/16 or 2001:db8::/32"),
                    new AttributeSpec("next-hop-address", STRING_ARRAY,
                            "the next hops' addresses; empty for direct and local routes and discard routes"),
                    NO_FLAGS),
            false, List.of("the topic splits the prefix into two parts: 10.1.0.0/16 is .../inet/10.1.0.0/16, "
                    + "2001:db8::/32 is .../inet6/2001:db8::/32 (address level, then length level)"));

    public static final EventSpec ROUTE_TABLE = new EventSpec(EventKind.ROUTE_TABLE, "route table",
            TopicTemplate.of("/junos/events/kernel/route-table/{op}/{table}/{logical-router}"),
            new EventIdRule.PerOperation("KERNEL_EVENT_ROUTE_TABLE", NONE), INFO, KERNEL,
            List.of(new AttributeSpec("name", STRING, "the table name, inet.0"),
                    new AttributeSpec("logical-router-name", STRING, "default for the main router"),
                    new AttributeSpec("address-family", STRING, "inet, inet6, iso or mpls: read from the table name"),
                    NO_FLAGS),
            false, List.of());

    public static final EventSpec SYSLOG = new EventSpec(EventKind.SYSLOG, "syslog message",
            TopicTemplate.of("/junos/events/syslog/{event-id}"),
            new EventIdRule.SyslogTag(), Optional.empty(), Optional.empty(), List.of(), true,
            List.of("severity and facility are the syslog message's own (documented)",
                    "attributes are the message's attribute-value pairs, as given"));

    public static final EventSpec CONFIG_UPDATE = new EventSpec(EventKind.CONFIG_UPDATE, "configuration update",
            TopicTemplate.of("/junos/events/genpub/config-update"),
            new EventIdRule.Fixed("CONFIG_UPDATE", Provenance.CHOSEN),
            Optional.of(Severity.NOTICE), Optional.of(Facility.CHANGE_LOG),
            List.of(new AttributeSpec("username", STRING, "who committed the change"),
                    new AttributeSpec("comment", STRING, "the commit comment; empty when none")),
            false, List.of("the payload of a config update is not documented: its event id, severity notice, "
                    + "facility CHANGE-LOG (the Junos facility for configuration changes) and attributes are the "
                    + "emulator's choice"));

    private static final Map<EventKind, EventSpec> BY_KIND = new EnumMap<>(EventKind.class);

    static {
        for (EventSpec spec : List.of(IFD, IFL, IFF, IFA, FIREWALL_FILTER, ROUTE, ROUTE_TABLE, SYSLOG, CONFIG_UPDATE)) {
            BY_KIND.put(spec.kind(), spec);
        }
    }

    private EventCatalog() {
    }

    /** Every kind, in {@link EventKind} order. */
    public static List<EventSpec> specs() {
        return List.copyOf(BY_KIND.values());
    }

    public static EventSpec spec(EventKind kind) {
        return BY_KIND.get(kind);
    }

    /** The {@code time} header for {@code time}: see {@link #TIME_FORMAT}. */
    public static String formatTime(Instant time) {
        return TIME.format(time);
    }

    /** The catalog as text, one line per element, for people (the {@code jetemu events} command). */
    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("jet-event catalog");
        lines.add("payload: {\"jet-event\":{\"event-id\":...,\"hostname\":...,\"time\":...,\"severity\":...,"
                + "\"facility\":...,\"attributes\":{...}}}");
        lines.add("  one compact JSON object in UTF-8, nothing after it; numbers are JSON numbers");
        lines.add("time: " + TIME_FORMAT);
        for (EventSpec spec : BY_KIND.values()) {
            lines.add("");
            describe(spec, lines);
        }
        lines.add("");
        lines.add("flag bits of IFD and IFL events (flags attribute):");
        for (InterfaceFlag flag : InterfaceFlag.values()) {
            lines.add(String.format(Locale.ROOT, "  0x%x %-8s IFD: %s", flag.bit(), flag.name(), flag.meaningOnIfd()));
            lines.add(String.format(Locale.ROOT, "      %-8s IFL: %s", "", flag.meaningOnIfl()));
        }
        lines.add("  the flag bits are the emulator's choice, made to agree with the vendor's example (flags 8 "
                + "for an added ge-0/0/0)");
        return lines;
    }

    private static void describe(EventSpec spec, List<String> lines) {
        lines.add(spec.kind() + ": " + spec.title());
        String operations = spec.topic().hasOperation() ? "   ({op}: add, change, delete)" : "";
        lines.add("  topic:      " + spec.topic().template() + operations);
        lines.add("  event-id:   " + spec.eventIds().describe());
        lines.add("  severity:   " + spec.severity().map(Severity::word).orElse("the message's")
                + "   facility: " + spec.facility().map(Facility::word).orElse("the message's"));
        if (spec.freeFormAttributes()) {
            lines.add("  attributes: the message's attribute-value pairs (string, integer, boolean or array of strings)");
        } else {
            lines.add("  attributes:");
            int width = spec.attributes().stream().mapToInt(a -> a.name().length()).max().orElse(0);
            for (AttributeSpec attribute : spec.attributes()) {
                lines.add(String.format(Locale.ROOT, "    %-" + width + "s  %-16s  %s",
                        attribute.name(), attribute.type().description(), attribute.meaning()));
            }
        }
        for (String note : spec.notes()) {
            lines.add("  note: " + note);
        }
    }
}
