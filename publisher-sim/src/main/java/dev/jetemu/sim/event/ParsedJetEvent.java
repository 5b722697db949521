package dev.jetemu.sim.event;

import java.util.Map;
import java.util.Objects;

/**
 * A jet-event payload as read back: the header fields as written, and the attributes.
 *
 * @param time       as written: the emulator writes {@link EventCatalog#TIME_FORMAT}, a device may not
 * @param attributes in payload order; JSON integers are {@code Long}, other numbers {@code Double},
 *                   arrays {@code List}, objects {@code Map}, null is {@code null}
 */
public record ParsedJetEvent(
        String eventId,
        String hostname,
        String time,
        String severity,
        String facility,
        Map<String, Object> attributes) {

    public ParsedJetEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(attributes, "attributes");
    }
}
