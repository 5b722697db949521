package dev.jetemu.sim.event;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One notification, ready to publish: the topic, and the payload's content except the host name and
 * the time, which are the publisher's to stamp ({@link JetEventCodec#encode}).
 *
 * @param operation  add, change or delete for kernel objects; empty for syslog and config updates
 * @param attributes in payload order; values are {@code String}, {@code Integer}, {@code Long},
 *                   {@code Boolean} or {@code List<String>}; kept as an immutable copy
 */
public record JetEvent(
        EventKind kind,
        Optional<Operation> operation,
        String topic,
        String eventId,
        Severity severity,
        Facility facility,
        Map<String, Object> attributes) {

    public JetEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(facility, "facility");
        attributes = EventAttributes.copyOf(attributes);
    }

    /** The value of one attribute, or null when the event has no such attribute. */
    public Object attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String toString() {
        return topic + " " + eventId + " " + attributes;
    }
}
