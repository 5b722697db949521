package dev.jetemu.sim.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed constructors of every kind of event, built from the {@link EventCatalog}'s topic templates,
 * event ids and attribute names. Values are taken as they are: checking that they make sense is the
 * device model's work; these methods only refuse what would break a topic or a payload.
 */
public final class JetEvents {

    private JetEvents() {
    }

    public static JetEvent ifd(Operation operation, String name, int snmpId, int flags) {
        return EventCatalog.IFD.event(operation, new String[] {name}, name, snmpId, flags);
    }

    /** An IFL event; the topic names the unit {@code ifd.subunit}, the attributes carry the two apart. */
    public static JetEvent ifl(Operation operation, String ifd, int subunit, int snmpId, int flags) {
        return EventCatalog.IFL.event(operation, new String[] {iflName(ifd, subunit)}, ifd, subunit, snmpId, flags);
    }

    public static JetEvent iff(Operation operation, String ifd, int subunit, String family, String tableName) {
        return EventCatalog.IFF.event(operation, new String[] {iflName(ifd, subunit), family},
                ifd, subunit, family, tableName, 0);
    }

    /**
     * An IFA event.
     *
     * @param destination the subnet with its length, or empty
     * @param broadcast   the broadcast address, or empty
     */
    public static JetEvent ifa(Operation operation, String ifd, int subunit, String family,
                               String local, String destination, String broadcast) {
        return EventCatalog.IFA.event(operation, new String[] {iflName(ifd, subunit), family, local},
                ifd, subunit, family, local, destination, broadcast, 0);
    }

    public static JetEvent firewallFilter(Operation operation, String name, int version, String clientId,
                                          String filterType, String protocol, String interfaceName) {
        return EventCatalog.FIREWALL_FILTER.event(operation, new String[] {name},
                name, version, clientId, filterType, protocol, interfaceName, 0);
    }

    /**
     * A route event.
     *
     * @param prefixAddress the prefix's network address, {@code 10.1.0.0}
     * @param length        the prefix length, {@code 16}
     */
    public static JetEvent route(Operation operation, String tableName, String logicalRouter, String family,
                                 String routeType, String prefixAddress, int length, List<String> nextHops) {
        String lengthText = Integer.toString(length);
        return EventCatalog.ROUTE.event(operation, new String[] {family, prefixAddress, lengthText},
                tableName, logicalRouter, family, routeType, prefixAddress + "/" + lengthText, nextHops, 0);
    }

    public static JetEvent routeTable(Operation operation, String name, String logicalRouter, String family) {
        return EventCatalog.ROUTE_TABLE.event(operation, new String[] {name, logicalRouter},
                name, logicalRouter, family, 0);
    }

    /**
     * A syslog event; its id is the message's tag and its topic {@code /junos/events/syslog/TAG}.
     *
     * @param attributes the message's attribute-value pairs, in the order given
     */
    public static JetEvent syslog(String tag, Severity severity, Facility facility, Map<String, ?> attributes) {
        String topic = EventCatalog.SYSLOG.topic().expand(null, tag);
        return new JetEvent(EventKind.SYSLOG, Optional.empty(), topic, tag, severity, facility,
                new LinkedHashMap<>(attributes));
    }

    public static JetEvent configUpdate(String username, String comment) {
        return EventCatalog.CONFIG_UPDATE.event(null, new String[0], username, comment);
    }

    private static String iflName(String ifd, int subunit) {
        return ifd + "." + subunit;
    }
}
