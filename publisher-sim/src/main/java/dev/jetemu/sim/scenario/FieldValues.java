package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Suggestions;
import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.device.DeviceModelException;
import dev.jetemu.sim.device.Family;
import dev.jetemu.sim.device.IflName;
import dev.jetemu.sim.device.RouteSpec;
import dev.jetemu.sim.device.RouteType;
import dev.jetemu.sim.event.Facility;
import dev.jetemu.sim.event.Severity;
import dev.jetemu.sim.net.InterfaceAddress;
import dev.jetemu.sim.net.InvalidAddressException;
import dev.jetemu.sim.net.IpAddress;
import dev.jetemu.sim.net.IpPrefix;
import dev.jetemu.sim.net.IpVersion;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of scenario fields: what each field expects, in the words of the messages, and the
 * checks that can be made before any state exists. The checks are the device model's own parsers,
 * so a name or an address is judged by the same rule when the file is loaded as when it is run;
 * what depends on the state (does the unit exist?) is left to {@link ScenarioValidator#dryRun}.
 */
final class FieldValues {

    static final String INTERFACE = "an interface name such as ge-0/0/1";
    static final String UNIT = "a unit name such as ge-0/0/1.0";
    static final String FAMILY = "a family such as inet, inet6 or mpls";
    static final String ADDRESS = "an address with its length, such as 192.0.2.1/30 or 2001:db8::1/64";
    static final String ADDRESSES = "a list of addresses with their lengths, such as [192.0.2.1/30], or [] for none";
    static final String PREFIX = "a prefix such as 10.1.0.0/16";
    static final String NEXT_HOPS = "a list of next-hop addresses such as [192.0.2.2], or [] for a discard route";
    static final String ROUTE_TYPE = "a route type such as static, bgp or ospf";
    static final String TABLE = "a route table name such as inet.0 or red.inet.0";
    static final String LOGICAL_ROUTER = "a logical-router name such as " + Device.DEFAULT_LOGICAL_ROUTER;
    static final String SNMP_ID = "a whole number from 1 to " + Integer.MAX_VALUE;
    static final String UNIT_NUMBER = "a unit number from 0 to " + IflName.MAX_UNIT;
    static final String FILTER = "a firewall filter name such as protect-re";
    static final String FILTER_TYPE = "a filter type: classic, simple-filter or service-filter";
    static final String PROTOCOL = "a filter family such as inet, inet6 or any";
    static final String FILTER_INTERFACE = "the unit the filter is applied to, such as ge-0/0/1.0, or \"\" for none";
    static final String CLIENT_ID = "the id of the JET client that installed the filter, or \"\" for a configured filter";
    static final String EVENT_ID = "a syslog tag such as UI_COMMIT_COMPLETED";
    static final String SEVERITY = "one of " + String.join(", ", Severity.words());
    static final String FACILITY = "one of " + String.join(", ", Facility.configWords());
    static final String ATTRIBUTES = "a map of attribute names to values, such as { username: lab }";
    static final String ATTRIBUTE_VALUE = "a string, a whole number, true or false, or a list of strings";
    static final String USERNAME = "the name of the user who committed, such as lab";
    static final String COMMENT = "the commit comment";
    static final String HOSTNAME = "a host name such as vmx1";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9-]{1,63})*");

    private FieldValues() {
    }

    /** Checks a physical interface name with the device's rule (an {@link IflName}'s interface part). */
    static String interfaceName(String text) {
        new IflName(text, 0);
        return text;
    }

    static IflName unitName(String text) {
        return IflName.parse(text);
    }

    /** {@code inet}, checked: the device takes the family as its word. */
    static String family(String text) {
        return Family.parse(text).word();
    }

    static IpPrefix prefix(String text) {
        return RouteSpec.parsePrefix(text);
    }

    static RouteType routeType(String text) {
        return RouteType.parse(text);
    }

    /**
     * Checks an address for a family of a unit, in the device's words; what the unit already has is
     * the dry run's to check.
     *
     * @param unit   the unit as written, for the message
     * @param family the family, when it is known
     */
    static String address(String unit, Optional<Family> family, String text) {
        String owner = family.map(f -> "family " + f + " of " + unit).orElse(unit);
        if (family.isPresent() && family.get().addressVersion().isEmpty()) {
            throw new DeviceModelException(owner + " takes no IP address; expected family inet or inet6 for address " + text);
        }
        InterfaceAddress address;
        try {
            address = InterfaceAddress.parse(text);
        } catch (InvalidAddressException e) {
            throw new DeviceModelException("address of " + owner + ": " + e.getMessage());
        }
        IpVersion version = family.flatMap(Family::addressVersion).orElse(address.version());
        if (address.version() != version) {
            throw new DeviceModelException("address " + address + " is " + address.version() + " but " + owner
                    + " takes " + version + " addresses; expected family " + address.version().junosFamily());
        }
        return text;
    }

    /** The family an address belongs to: inet for IPv4, inet6 for IPv6. */
    static String familyOf(String address) {
        return InterfaceAddress.parse(address).version().junosFamily();
    }

    /**
     * Checks a next hop of a route, in the device's words.
     *
     * @param version the IP version of the route, when it is known
     * @param routes  the route, for the message: {@code route 10.1.0.0/16}
     */
    static String nextHop(Optional<IpVersion> version, String routes, String text) {
        IpAddress address;
        try {
            address = IpAddress.parse(text);
        } catch (InvalidAddressException e) {
            throw new DeviceModelException("next hop of " + routes + ": " + e.getMessage());
        }
        if (version.isPresent() && address.version() != version.get()) {
            throw new DeviceModelException("next hop " + address + " of " + routes + " is an " + address.version()
                    + " address; expected an " + version.get() + " address, as the route is " + version.get());
        }
        return text;
    }

    static String hostname(String text) {
        if (text.length() > 255 || !HOST_NAME.matcher(text).matches()) {
            throw new DeviceModelException("hostname '" + text + "' is not a host name; expected letters, digits and "
                    + "'-', in labels separated by dots, such as vmx1 or vmx1.lab.example.net");
        }
        return text;
    }

    static String severity(String text) {
        return Severity.find(text).map(Severity::word).orElseThrow(() -> unknown("severity", text, Severity.words()));
    }

    static String facility(String text) {
        return Facility.find(text).map(Facility::configWord).orElseThrow(() -> unknown("facility", text,
                Facility.configWords()));
    }

    /**
     * Checks a syslog tag with the device's rule. Syslog messages change no state, so asking a device
     * made for the purpose is exact and keeps the rule in one place.
     */
    static String syslogTag(String text) {
        new Device().syslog(text, Severity.NOTICE.word(), Facility.DAEMON.configWord(), Map.of());
        return text;
    }

    private static DeviceModelException unknown(String what, String value, List<String> known) {
        String suggestion = Suggestions.didYouMean(value, known).map(s -> " (did you mean " + s + "?)").orElse("");
        return new DeviceModelException("syslog " + what + " '" + value + "' is not known; expected one of "
                + String.join(", ", known) + suggestion);
    }
}
