package dev.jetemu.app.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jetemu.sim.run.RunListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The JSON report of a run: every message the device published, in order, streamed to the file
 * as it happens so that a million-route scenario needs no memory for it.
 *
 * <pre>{"events": [{"sequence": 1, "scenario": "interface-flap", "time": "...", "topic": "...",
 *   "payload": {...}}, ...]}</pre>
 *
 * A payload that is JSON (every jet-event) is written as JSON; any other ({@code raw} steps) as
 * a string.
 */
public final class EventLog implements AutoCloseable {

    /** Strict: a payload with anything after its JSON document is logged as the string it is. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonGenerator json;
    private long sequence;

    private EventLog(JsonGenerator json) {
        this.json = json;
    }

    public static EventLog open(Path file) throws IOException {
        // The mapper's own factory, so that parsed payloads can be written as trees.
        JsonGenerator json = JSON.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeArrayFieldStart("events");
        return new EventLog(json);
    }

    /** A listener that logs what {@code scenario} publishes. */
    public RunListener listener(String scenario, RunListener next) {
        return new RunListener() {
            @Override
            public void stepStarted(int number, int total, dev.jetemu.sim.scenario.Step step) {
                next.stepStarted(number, total, step);
            }

            @Override
            public void published(String topic, byte[] payload, Instant scenarioTime) {
                write(scenario, topic, payload, scenarioTime);
                next.published(topic, payload, scenarioTime);
            }
        };
    }

    private void write(String scenario, String topic, byte[] payload, Instant time) {
        try {
            json.writeStartObject();
            json.writeNumberField("sequence", ++sequence);
            json.writeStringField("scenario", scenario);
            json.writeStringField("time", time.toString());
            json.writeStringField("topic", topic);
            json.writeFieldName("payload");
            JsonNode document = parsed(payload);
            if (document == null) {
                json.writeString(new String(payload, StandardCharsets.UTF_8));
            } else {
                json.writeTree(document);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the event report failed", e);
        }
    }

    private static JsonNode parsed(byte[] payload) {
        try {
            JsonNode document = JSON.readTree(payload);
            return document == null || document.isMissingNode() ? null : document;
        } catch (IOException notJson) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
