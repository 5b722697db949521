package dev.jetemu.sim.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link JetEvent} as the payload a JET application decodes:
 * {@code {"jet-event":{"event-id":..,"hostname":..,"time":..,"severity":..,"facility":..,"attributes":{..}}}},
 * keys in that order, compact, UTF-8.
 *
 * <p>The JET client decodes with a raw JSON decode and logs an error when anything follows the
 * document, so nothing does: no newline, no padding. Numbers are written as JSON numbers.
 *
 * <p>Streams through one shared, thread-safe {@link JsonFactory}, without a tree or data binding,
 * because a route generator encodes a million events.
 */
public final class JetEventCodec {

    private static final JsonFactory JSON = new JsonFactory();

    /** The envelope's names, UTF-8 encoded and quoted once rather than per event. */
    private static final SerializedString JET_EVENT = new SerializedString("jet-event");
    private static final SerializedString EVENT_ID = new SerializedString("event-id");
    private static final SerializedString HOSTNAME = new SerializedString("hostname");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString SEVERITY = new SerializedString("severity");
    private static final SerializedString FACILITY = new SerializedString("facility");
    private static final SerializedString ATTRIBUTES = new SerializedString("attributes");

    /** Most payloads fit: a route event with two next hops is about 340 bytes. */
    private static final int INITIAL_BUFFER = 384;

    /** The last time written, and its text: events of a burst share their millisecond, and formatting costs. */
    private record TimeText(long epochMilli, String text) {
    }

    private static volatile TimeText lastTime = new TimeText(Long.MIN_VALUE, "");

    private JetEventCodec() {
    }

    /**
     * The payload of {@code event} from device {@code hostname} at {@code time}.
     *
     * @param time written as {@link EventCatalog#TIME_FORMAT} says
     */
    public static byte[] encode(JetEvent event, String hostname, Instant time) {
        // Jackson's own buffer: unlike ByteArrayOutputStream it takes no lock per write.
        ByteArrayBuilder buffer = new ByteArrayBuilder(INITIAL_BUFFER);
        try (JsonGenerator json = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeFieldName(JET_EVENT);
            json.writeStartObject();
            json.writeFieldName(EVENT_ID);
            json.writeString(event.eventId());
            json.writeFieldName(HOSTNAME);
            json.writeString(hostname);
            json.writeFieldName(TIME);
            json.writeString(timeText(time));
            json.writeFieldName(SEVERITY);
            json.writeString(event.severity().word());
            json.writeFieldName(FACILITY);
            json.writeString(event.facility().word());
            json.writeFieldName(ATTRIBUTES);
            json.writeStartObject();
            for (Map.Entry<String, Object> attribute : event.attributes().entrySet()) {
                json.writeFieldName(attribute.getKey());
                writeValue(json, attribute.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return buffer.toByteArray();
    }

    private static String timeText(Instant time) {
        long epochMilli = time.toEpochMilli();
        TimeText last = lastTime;
        if (last.epochMilli() != epochMilli) {
            last = new TimeText(epochMilli, EventCatalog.formatTime(time));
            lastTime = last;
        }
        return last.text();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                json.writeString((String) element);
            }
            json.writeEndArray();
        } else {
            // JetEvent's constructor admits nothing else.
            throw new IllegalStateException("unexpected attribute value " + value);
        }
    }
}
