package dev.jetemu.sim.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a jet-event payload as strictly as the JET client does: it decodes one JSON value with a raw
 * decode and treats anything after it as an error, so this parser refuses a payload with any byte
 * before the opening brace or after the closing one, whitespace included. For tests and for Java
 * applications that consume the emulator's (or a device's) events.
 */
public final class JetEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> HEADER = List.of("event-id", "hostname", "time", "severity", "facility");

    private JetEventParser() {
    }

    /** @throws MalformedJetEventException when {@code payload} is not exactly one jet-event object */
    public static ParsedJetEvent parse(byte[] payload) {
        if (payload.length == 0 || payload[0] != '{') {
            throw new MalformedJetEventException("the payload does not start with '{'; expected one JSON object");
        }
        JsonNode root;
        long end;
        try (JsonParser parser = JSON.createParser(payload)) {
            root = JSON.readTree(parser);
            end = parser.currentLocation().getByteOffset();
        } catch (JsonProcessingException e) {
            throw new MalformedJetEventException("the payload is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedJetEventException("the payload could not be read: " + e.getMessage(), e);
        }
        if (end != payload.length) {
            throw new MalformedJetEventException((payload.length - end) + " bytes follow the JSON object at offset "
                    + end + "; expected nothing after it");
        }
        return event(root);
    }

    private static ParsedJetEvent event(JsonNode root) {
        if (root.size() != 1 || !root.has("jet-event")) {
            throw new MalformedJetEventException("the object's keys are " + names(root) + "; expected only \"jet-event\"");
        }
        JsonNode event = root.get("jet-event");
        if (!event.isObject()) {
            throw new MalformedJetEventException("\"jet-event\" is not an object");
        }
        List<String> header = new ArrayList<>(HEADER.size());
        for (String field : HEADER) {
            JsonNode value = event.get(field);
            if (value == null || !value.isTextual()) {
                throw new MalformedJetEventException("\"" + field + "\" is " + (value == null ? "missing" : value)
                        + "; expected a string in \"jet-event\"");
            }
            header.add(value.textValue());
        }
        JsonNode attributes = event.get("attributes");
        if (attributes == null || !attributes.isObject()) {
            throw new MalformedJetEventException("\"attributes\" is " + (attributes == null ? "missing" : attributes)
                    + "; expected an object in \"jet-event\"");
        }
        return new ParsedJetEvent(header.get(0), header.get(1), header.get(2), header.get(3), header.get(4),
                objectValue(attributes));
    }

    private static Map<String, Object> objectValue(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), value(field.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object value(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.bigIntegerValue() : node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(value(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            return objectValue(node);
        }
        return null;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
