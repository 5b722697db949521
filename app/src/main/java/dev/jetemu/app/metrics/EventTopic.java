package dev.jetemu.app.metrics;

import dev.jetemu.sim.event.EventCatalog;
import dev.jetemu.sim.event.EventKind;
import dev.jetemu.sim.event.EventSpec;
import dev.jetemu.sim.event.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What kind of event a topic the device published on carries, and which operation, as the
 * {@code type} and {@code operation} labels of {@code jetemu_events_published_total} name them.
 * Read from the event catalog's topic templates, so a template changed there is followed here.
 *
 * @param type      {@code ifd}, {@code ifl}, {@code iff}, {@code ifa}, {@code route}, {@code route-table},
 *                  {@code firewall-filter}, {@code syslog}, {@code config-update}, or {@code other} for a
 *                  topic no template makes (a {@code raw} step's)
 * @param operation {@code add}, {@code change}, {@code delete}, or {@code none} for a kind without one
 */
public record EventTopic(String type, String operation) {

    public static final String OTHER = "other";
    public static final String NO_OPERATION = "none";

    /** Each catalog template, cut at its first slot. */
    private record Pattern(String type, String literal, boolean exact, boolean operationFirst) {
    }

    private static final List<Pattern> PATTERNS = patterns();

    private static List<Pattern> patterns() {
        List<Pattern> patterns = new ArrayList<>();
        for (EventSpec spec : EventCatalog.specs()) {
            String template = spec.topic().template();
            int slot = template.indexOf('{');
            if (slot < 0) {
                patterns.add(new Pattern(type(spec.kind()), template, true, false));
            } else {
                boolean operationFirst = template.startsWith("{op}", slot);
                if (spec.topic().hasOperation() && !operationFirst) {
                    throw new IllegalStateException("the operation is not the first slot of " + template);
                }
                patterns.add(new Pattern(type(spec.kind()), template.substring(0, slot), false, operationFirst));
            }
        }
        return List.copyOf(patterns);
    }

    /** {@code ROUTE_TABLE} is {@code route-table}. */
    public static String type(EventKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every type and operation the device can publish, {@code other} included: what metrics pre-register. */
    public static List<EventTopic> all() {
        List<EventTopic> all = new ArrayList<>();
        for (EventSpec spec : EventCatalog.specs()) {
            if (spec.topic().hasOperation()) {
                for (Operation operation : Operation.values()) {
                    all.add(new EventTopic(type(spec.kind()), operation.word()));
                }
            } else {
                all.add(new EventTopic(type(spec.kind()), NO_OPERATION));
            }
        }
        all.add(new EventTopic(OTHER, NO_OPERATION));
        return List.copyOf(all);
    }

    /**
     * The type and operation of a topic: {@code /junos/events/kernel/route/add/inet/10.1.0.0/16} is
     * {@code route}, {@code add}. A topic under a kernel template whose operation level is not
     * {@code add}, {@code change} or {@code delete} is {@code other}: no template makes it.
     */
    public static EventTopic of(String topic) {
        for (Pattern pattern : PATTERNS) {
            if (pattern.exact()) {
                if (topic.equals(pattern.literal())) {
                    return new EventTopic(pattern.type(), NO_OPERATION);
                }
            } else if (topic.startsWith(pattern.literal()) && topic.length() > pattern.literal().length()) {
                if (!pattern.operationFirst()) {
                    return new EventTopic(pattern.type(), NO_OPERATION);
                }
                String operation = operation(topic, pattern.literal().length());
                return operation == null ? new EventTopic(OTHER, NO_OPERATION)
                        : new EventTopic(pattern.type(), operation);
            }
        }
        return new EventTopic(OTHER, NO_OPERATION);
    }

    /** The operation word at {@code from}, followed by another level; null when there is none. */
    private static String operation(String topic, int from) {
        int end = topic.indexOf('/', from);
        if (end < 0 || end == topic.length() - 1) {
            return null;
        }
        for (Operation operation : Operation.values()) {
            String word = operation.word();
            if (end - from == word.length() && topic.startsWith(word, from)) {
                return word;
            }
        }
        return null;
    }
}
