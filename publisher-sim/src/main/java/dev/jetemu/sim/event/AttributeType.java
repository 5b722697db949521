package dev.jetemu.sim.event;

import java.util.List;
import java.util.Optional;

/** The JSON type of an attribute value, and the Java types that carry it in a {@link JetEvent}. */
public enum AttributeType {
    STRING("string"),
    /** A JSON number without a fraction; {@code Integer} or {@code Long} in Java. */
    INTEGER("integer"),
    BOOLEAN("boolean"),
    /** A JSON array of strings; a {@code List<String>} in Java. */
    STRING_ARRAY("array of strings");

    private static final AttributeType[] ALL = values();

    private final String description;

    AttributeType(String description) {
        this.description = description;
    }

    /** The name a reader (and a JSON Schema) knows: {@code string}, {@code integer}, ... */
    public String description() {
        return description;
    }

    public boolean accepts(Object value) {
        return switch (this) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Integer || value instanceof Long;
            case BOOLEAN -> value instanceof Boolean;
            case STRING_ARRAY -> value instanceof List<?> list && allStrings(list);
        };
    }

    private static boolean allStrings(List<?> list) {
        for (Object element : list) {
            if (!(element instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a jet-event can carry the value: {@link #of} is not empty. */
    public static boolean carries(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Boolean
                || value instanceof List<?> list && allStrings(list);
    }

    /** The type of an attribute value, or none when a jet-event cannot carry such a value. */
    public static Optional<AttributeType> of(Object value) {
        for (AttributeType type : ALL) {
            if (type.accepts(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
