package dev.jetemu.sim.event;

import java.util.Objects;

/** One attribute of an event kind: its name in the payload, its JSON type, and what the emulator puts there. */
public record AttributeSpec(String name, AttributeType type, String meaning) {

    public AttributeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(meaning, "meaning");
    }
}
