package dev.jetemu.sim.event;

import java.util.Locale;

/** What happened to a kernel object; the word is a topic level, the upper case form ends the event id. */
public enum Operation {
    ADD,
    CHANGE,
    DELETE;

    private final String word = name().toLowerCase(Locale.ROOT);

    /** {@code add}, {@code change} or {@code delete}, as in {@code /junos/events/kernel/route/add/...}. */
    public String word() {
        return word;
    }
}
