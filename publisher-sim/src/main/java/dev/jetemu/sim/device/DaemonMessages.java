package dev.jetemu.sim.device;

import dev.jetemu.diagnostics.Suggestions;
import dev.jetemu.sim.event.AttributeType;
import dev.jetemu.sim.event.Facility;
import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.JetEvents;
import dev.jetemu.sim.event.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The events that come from the device's daemons rather than its kernel state: syslog messages
 * (eventd) and configuration updates (the generic publisher). They change nothing in the model.
 */
final class DaemonMessages {

    /** Junos syslog tags: {@code SNMP_TRAP_LINK_DOWN}, {@code UI_COMMIT_COMPLETED}. */
    private static final Pattern TAG = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private DaemonMessages() {
    }

    static List<JetEvent> syslog(String tag, String severity, String facility, Map<String, ?> attributes) {
        checkTag(tag);
        Severity level = Severity.find(severity == null ? "" : severity).orElseThrow(() -> unknown(
                "severity", severity, Severity.words()));
        Facility source = Facility.find(facility == null ? "" : facility).orElseThrow(() -> unknown(
                "facility", facility, Facility.configWords()));
        Map<String, ?> pairs = attributes == null ? Map.of() : attributes;
        pairs.forEach((name, value) -> checkAttribute(tag, name, value));
        return List.of(JetEvents.syslog(tag, level, source, pairs));
    }

    static List<JetEvent> configUpdate(String username, String comment) {
        if (username == null || username.isEmpty()) {
            throw new DeviceModelException("the config update has no user name; expected the name of the user who "
                    + "committed, such as lab");
        }
        return List.of(JetEvents.configUpdate(username, comment == null ? "" : comment));
    }

    private static void checkTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            String upper = tag == null ? "" : tag.toUpperCase(Locale.ROOT).replace('-', '_');
            String suggestion = TAG.matcher(upper).matches() ? " (did you mean " + upper + "?)" : "";
            throw new DeviceModelException("syslog event-id '" + tag + "' is not a syslog tag; expected upper-case "
                    + "letters, digits and underscores, such as UI_COMMIT_COMPLETED" + suggestion);
        }
    }

    private static void checkAttribute(String tag, String name, Object value) {
        if (name == null || name.isEmpty()) {
            throw new DeviceModelException("syslog " + tag + " has an attribute without a name; expected "
                    + "attribute-value pairs such as username: lab");
        }
        if (AttributeType.of(value).isEmpty()) {
            throw new DeviceModelException("syslog " + tag + " attribute " + name + " has the value " + value
                    + "; expected a string, a whole number, true or false, or a list of strings");
        }
    }

    private static DeviceModelException unknown(String what, String value, List<String> known) {
        String suggestion = value == null ? "" : Suggestions.didYouMean(value, known).map(s -> " (did you mean " + s + "?)").orElse("");
        return new DeviceModelException("syslog " + what + " '" + value + "' is not known; expected one of "
                + String.join(", ", known) + suggestion);
    }
}
