package dev.jetemu.sim.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A topic with named slots, {@code /junos/events/kernel/interfaces/ifd/{op}/{ifd}}. {@code {op}} is the
 * operation word; every other slot takes a value in the order written. A value is inserted verbatim,
 * so {@code ge-0/0/0} fills three topic levels, as the JET client expects.
 */
public final class TopicTemplate {

    private static final String OPERATION = "op";

    private final String template;
    /** Literal text before each slot, and after the last one at the end. */
    private final String[] literals;
    /** For each slot: the index of its value, or -1 for the operation. */
    private final int[] slots;
    private final List<String> placeholders;
    private final boolean hasOperation;

    private TopicTemplate(String template) {
        this.template = template;
        List<String> literalList = new ArrayList<>();
        List<Integer> slotList = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean operation = false;
        int from = 0;
        while (true) {
            int open = template.indexOf('{', from);
            if (open < 0) {
                literalList.add(template.substring(from));
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed slot in topic template " + template);
            }
            literalList.add(template.substring(from, open));
            String name = template.substring(open + 1, close);
            if (name.equals(OPERATION)) {
                operation = true;
                slotList.add(-1);
            } else {
                slotList.add(names.size());
                names.add(name);
            }
            from = close + 1;
        }
        this.literals = literalList.toArray(String[]::new);
        this.slots = slotList.stream().mapToInt(Integer::intValue).toArray();
        this.placeholders = List.copyOf(names);
        this.hasOperation = operation;
    }

    public static TopicTemplate of(String template) {
        return new TopicTemplate(Objects.requireNonNull(template, "template"));
    }

    /** The template as written, slots included. */
    public String template() {
        return template;
    }

    /** The names of the value slots, in order; {@code op} is not among them. */
    public List<String> placeholders() {
        return placeholders;
    }

    public boolean hasOperation() {
        return hasOperation;
    }

    /**
     * The topic with {@code operation} and {@code values} in their slots.
     *
     * @param operation the operation, or null when the template has no {@code {op}}
     * @throws IllegalArgumentException when the count is wrong or a value would not be a plain topic
     *     part: empty, an empty level (leading, trailing or doubled {@code /}), or a wildcard character
     */
    public String expand(Operation operation, String... values) {
        if (hasOperation != (operation != null)) {
            throw new IllegalArgumentException(template + (hasOperation ? " needs" : " takes no") + " operation");
        }
        if (values.length != placeholders.size()) {
            throw new IllegalArgumentException(template + " takes " + placeholders.size() + " values, not " + values.length);
        }
        int size = template.length();
        for (String value : values) {
            size += value.length();
        }
        StringBuilder topic = new StringBuilder(size);
        for (int i = 0; i < slots.length; i++) {
            topic.append(literals[i]);
            if (slots[i] < 0) {
                topic.append(operation.word());
            } else {
                String value = values[slots[i]];
                checkTopicPart(placeholders.get(slots[i]), value);
                topic.append(value);
            }
        }
        topic.append(literals[slots.length]);
        return topic.toString();
    }

    private void checkTopicPart(String slot, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty " + slot + " in topic " + template);
        }
        if (value.charAt(0) == '/' || value.charAt(value.length() - 1) == '/' || value.contains("//")) {
            throw new IllegalArgumentException(slot + " '" + value + "' would make an empty topic level in " + template);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' || c == '#' || c == '\0') {
                throw new IllegalArgumentException(slot + " '" + value + "' holds the MQTT wildcard or NUL character '"
                        + (c == '\0' ? "\\0" : String.valueOf(c)) + "'");
            }
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
