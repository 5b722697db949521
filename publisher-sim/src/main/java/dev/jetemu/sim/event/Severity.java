package dev.jetemu.sim.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Junos syslog severities, most severe first; the word is what the payload's {@code severity} carries. */
public enum Severity {
    EMERGENCY,
    ALERT,
    CRITICAL,
    ERROR,
    WARNING,
    NOTICE,
    INFO,
    DEBUG;

    private static final List<String> WORDS = Arrays.stream(values()).map(Severity::word).toList();

    private final String word = name().toLowerCase(Locale.ROOT);

    public String word() {
        return word;
    }

    /** The severity named {@code word}, in any letter case. */
    public static Optional<Severity> find(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equalsIgnoreCase(word)).findFirst();
    }

    /** Every word, most severe first: for "expected one of" messages and suggestions. */
    public static List<String> words() {
        return WORDS;
    }
}
