package dev.jetemu.sim.event;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the {@link EventCatalog}: what every event of a kind looks like.
 *
 * @param severity  the fixed severity, or empty when each message brings its own (syslog)
 * @param facility  the fixed facility, or empty when each message brings its own (syslog)
 * @param attributes the attributes in payload order; empty when {@code freeFormAttributes}
 * @param freeFormAttributes true when each message brings its own attribute-value pairs (syslog)
 * @param notes     the choices and inferences a reader should know about, one per entry
 */
public record EventSpec(
        EventKind kind,
        String title,
        TopicTemplate topic,
        EventIdRule eventIds,
        Optional<Severity> severity,
        Optional<Facility> facility,
        List<AttributeSpec> attributes,
        boolean freeFormAttributes,
        List<String> notes) {

    public EventSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(eventIds, "eventIds");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(facility, "facility");
        attributes = List.copyOf(attributes);
        notes = List.copyOf(notes);
    }

    /** The operations the topic takes: all three for kernel objects, none for syslog and config updates. */
    public Set<Operation> operations() {
        return Collections.unmodifiableSet(
                topic.hasOperation() ? EnumSet.allOf(Operation.class) : EnumSet.noneOf(Operation.class));
    }

    public List<String> attributeNames() {
        return attributes.stream().map(AttributeSpec::name).toList();
    }

    /**
     * An event of this kind: the topic from {@code topicValues}, the attributes from {@code values}
     * in catalog order. Kinds with a fixed severity and facility only (not syslog).
     */
    JetEvent event(Operation operation, String[] topicValues, Object... values) {
        if (values.length != attributes.size()) {
            throw new IllegalArgumentException(kind + " takes " + attributes.size() + " attribute values, not " + values.length);
        }
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            AttributeSpec attribute = attributes.get(i);
            if (!attribute.type().accepts(values[i])) {
                throw new IllegalArgumentException(kind + " attribute " + attribute.name() + " must be "
                        + attribute.type().description() + ", not " + values[i]);
            }
            names[i] = attribute.name();
        }
        String eventId;
        if (eventIds instanceof EventIdRule.PerOperation perOperation) {
            eventId = perOperation.eventId(operation);
        } else if (eventIds instanceof EventIdRule.Fixed fixed) {
            eventId = fixed.eventId();
        } else {
            throw new IllegalStateException(kind + " events take their id from the message");
        }
        return new JetEvent(kind, Optional.ofNullable(operation), topic.expand(operation, topicValues), eventId,
                severity.orElseThrow(), facility.orElseThrow(), EventAttributes.of(names, values));
    }
}
