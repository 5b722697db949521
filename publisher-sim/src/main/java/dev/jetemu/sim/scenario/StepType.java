package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

import java.util.List;

/**
 * One kind of step as a file writes it: its keyword, the fields of its map, the field a plain value
 * stands for ({@code ifd-add: ge-0/0/2} for {@code ifd-add: { name: ge-0/0/2 }}), and how to build it.
 *
 * @param shorthand            the field a scalar value fills, or null when the step takes a map only
 * @param shorthandExpectation what that scalar should be, for messages; null with {@code shorthand}
 */
record StepType(String keyword, List<String> fields, String shorthand, String shorthandExpectation, Builder builder) {

    /** Builds the step from its fields; an empty list when a field was wrong (and reported). */
    @FunctionalInterface
    interface Builder {
        List<Step> build(FieldReader fields, String keyword, Position at);
    }

    StepType {
        fields = List.copyOf(fields);
    }

    /** A step that takes a map only. */
    static StepType of(String keyword, List<String> fields, Builder builder) {
        return new StepType(keyword, fields, null, null, builder);
    }

    /** A step that also takes a scalar, standing for its first field. */
    static StepType withShorthand(String keyword, List<String> fields, String shorthandExpectation, Builder builder) {
        return new StepType(keyword, fields, fields.get(0), shorthandExpectation, builder);
    }

    /** What the step's value should be: {@code an interface name such as ge-0/0/2, or a map with keys name, snmp-id}. */
    String expectation() {
        String map = fields.size() == 1 ? "a map with the key " + fields.get(0)
                : "a map with keys " + String.join(", ", fields);
        return shorthand == null ? map : shorthandExpectation + ", or " + map;
    }

    /** A single device change at the step's keyword. */
    static List<Step> change(String keyword, Position at, DeviceOperation operation) {
        return List.of(new DeviceChange(keyword, at, operation));
    }
}
