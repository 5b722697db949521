package dev.jetemu.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** JSON bodies of the control API. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static HttpReply reply(HttpResponseStatus status, Object body) {
        try {
            return new HttpReply(status, HttpReply.JSON, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply did not serialize", e);
        }
    }

    static HttpReply ok(Object body) {
        return reply(HttpResponseStatus.OK, body);
    }

    /** {@code {"error": message, "diagnostics": [...]}}: the diagnostics when there are several. */
    static HttpReply error(HttpResponseStatus status, String message, List<String> diagnostics) {
        ObjectNode body = MAPPER.createObjectNode().put("error", message);
        if (diagnostics.size() > 1) {
            diagnostics.forEach(body.putArray("diagnostics")::add);
        }
        return reply(status, body);
    }

    static HttpReply error(HttpResponseStatus status, String message) {
        return error(status, message, List.of());
    }

    /** The payload as JSON when it is a JSON document, as text otherwise. */
    static JsonNode payload(byte[] payload) {
        try {
            JsonNode parsed = MAPPER.readTree(payload);
            if (parsed != null && !parsed.isMissingNode()) {
                return parsed;
            }
        } catch (IOException notJson) {
            // sent as text below
        }
        return MAPPER.getNodeFactory().textNode(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
