package dev.jetemu.diagnostics;

import java.util.Objects;

/**
 * A single YAML value. {@code text} is exactly what the user wrote (without quotes): {@code 0x10},
 * {@code yes} and {@code 1.50} keep their spelling, so a loader can treat a value by its text when
 * the YAML type does not matter (a host name that happens to be all digits) and by its kind when it
 * does (a quoted {@code "1883"} is not a port number).
 */
public record YamlScalar(String text, Kind kind, Position position) implements YamlNode {

    /** The YAML 1.1 type the parser gave the value; quoting a value always makes it a string. */
    public enum Kind {
        STRING("a string"),
        INTEGER("a whole number"),
        FLOAT("a decimal number"),
        BOOLEAN("a boolean"),
        NULL("empty");

        private final String name;

        Kind(String name) {
            this.name = name;
        }
    }

    public YamlScalar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
    }

    /** True for {@code ~}, {@code null}, and a key written with no value at all. */
    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public String kindName() {
        return kind.name;
    }
}
