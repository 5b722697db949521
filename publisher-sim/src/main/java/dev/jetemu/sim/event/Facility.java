package dev.jetemu.sim.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Junos syslog facilities, named as in {@code [edit system syslog]} and written in upper case in the
 * payload, the way the documented kernel events carry {@code "facility": "KERNEL"}.
 */
public enum Facility {
    AUTHORIZATION,
    CHANGE_LOG,
    CONFLICT_LOG,
    DAEMON,
    DFC,
    EXTERNAL,
    FIREWALL,
    FTP,
    INTERACTIVE_COMMANDS,
    KERNEL,
    NTP,
    PFE,
    SECURITY,
    USER;

    private static final List<String> WORDS = Arrays.stream(values()).map(Facility::configWord).toList();

    private final String word = name().replace('_', '-');

    /** {@code KERNEL}, {@code CHANGE-LOG}: the payload's {@code facility}. */
    public String word() {
        return word;
    }

    /** {@code kernel}, {@code change-log}: as a Junos configuration (and a scenario) spells it. */
    public String configWord() {
        return word.toLowerCase(Locale.ROOT);
    }

    /** The facility named {@code word} in any letter case, with dashes or underscores. */
    public static Optional<Facility> find(String word) {
        String wanted = word.replace('_', '-');
        return Arrays.stream(values()).filter(f -> f.word.equalsIgnoreCase(wanted)).findFirst();
    }

    /** Every facility as configuration spells it: for "expected one of" messages and suggestions. */
    public static List<String> configWords() {
        return WORDS;
    }
}
