package dev.jetemu.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.diagnostics.YamlNode;
import dev.jetemu.diagnostics.YamlScalar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The steps that control the run rather than change the device: {@code await-subscribers},
 * {@code expect-message}, {@code expect-no-message} and {@code raw}. ({@code sleep} and {@code repeat} have shapes of their
 * own and are read by {@link StepReader}.)
 */
final class ControlSteps {

    /** How long an await or an expectation waits when the step does not say. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** How long expect-no-message watches when the step does not say. */
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);

    private static final String FILTER = "filter";
    private static final String COUNT = "count";
    private static final String TIMEOUT = "timeout";
    private static final String WITHIN = "within";
    private static final String TOPIC = "topic";
    private static final String PAYLOAD = "payload";
    private static final String QOS = "qos";

    private static final String COUNT_EXPECTATION = "a whole number of subscribers, at least 1";
    private static final String RAW_PAYLOAD = "a string to send as written, or a map or list to send as JSON";
    private static final String EXPECTED_PAYLOAD = "a map or list that the message's JSON payload must contain, "
            + "or a JSON document in a string";
    private static final String QOS_EXPECTATION = "0, 1 or 2";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ControlSteps() {
    }

    static List<StepType> types() {
        return List.of(
                StepType.withShorthand(AwaitSubscribers.KEYWORD, List.of(FILTER, COUNT, TIMEOUT), TopicRules.FILTER,
                        (f, keyword, at) -> {
                            Optional<String> filter = filter(f);
                            int count = f.integer(COUNT, 1, Integer.MAX_VALUE, COUNT_EXPECTATION).orElse(1);
                            Duration timeout = f.duration(TIMEOUT, true).orElse(DEFAULT_TIMEOUT);
                            return f.ok() ? List.of(new AwaitSubscribers(at, filter.get(), count, timeout)) : List.of();
                        }),
                StepType.withShorthand(ExpectMessage.KEYWORD, List.of(FILTER, PAYLOAD, TIMEOUT), TopicRules.FILTER,
                        (f, keyword, at) -> {
                            Optional<String> filter = filter(f);
                            Optional<JsonNode> payload = f.node(PAYLOAD).flatMap(node -> expectedPayload(f, node));
                            Duration timeout = f.duration(TIMEOUT, true).orElse(DEFAULT_TIMEOUT);
                            return f.ok() ? List.of(new ExpectMessage(at, filter.get(), payload, timeout)) : List.of();
                        }),
                StepType.withShorthand(ExpectNoMessage.KEYWORD, List.of(FILTER, PAYLOAD, WITHIN), TopicRules.FILTER,
                        (f, keyword, at) -> {
                            Optional<String> filter = filter(f);
                            Optional<JsonNode> payload = f.node(PAYLOAD).flatMap(node -> expectedPayload(f, node));
                            Duration within = f.duration(WITHIN, true).orElse(DEFAULT_WINDOW);
                            return f.ok() ? List.of(new ExpectNoMessage(at, filter.get(), payload, within)) : List.of();
                        }),
                StepType.of(Raw.KEYWORD, List.of(TOPIC, PAYLOAD, QOS), (f, keyword, at) -> {
                    Optional<String> topic = f.required(TOPIC, TopicRules.TOPIC)
                            ? f.parsed(TOPIC, TopicRules.TOPIC, text -> TopicRules.checkTopic(f.label(TOPIC), text))
                            : Optional.empty();
                    Optional<byte[]> payload = f.required(PAYLOAD, RAW_PAYLOAD)
                            ? rawPayload(f, f.node(PAYLOAD).orElseThrow()) : Optional.empty();
                    OptionalInt qos = f.integer(QOS, 0, 2, QOS_EXPECTATION).map(OptionalInt::of).orElse(OptionalInt.empty());
                    return f.ok() ? List.of(new Raw(at, topic.get(), payload.get(), qos)) : List.of();
                }));
    }

    static Optional<String> filter(FieldReader f) {
        return f.required(FILTER, TopicRules.FILTER)
                ? f.parsed(FILTER, TopicRules.FILTER, text -> TopicRules.checkFilter(f.label(FILTER), text))
                : Optional.empty();
    }

    /** A scalar is sent as written, {@code ""} included; a map or a list as compact JSON. */
    private static Optional<byte[]> rawPayload(FieldReader f, YamlNode node) {
        if (node instanceof YamlScalar scalar) {
            if (scalar.isNull()) {
                f.error(f.position(PAYLOAD), "payload has no value; expected " + RAW_PAYLOAD + ", or \"\" for an empty payload");
                return Optional.empty();
            }
            return Optional.of(scalar.text().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return Optional.of(JSON.writeValueAsBytes(YamlValues.toJson(node)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree made of JSON nodes did not serialize", e);
        }
    }

    /** A map or list as it is; a string is read as a JSON document ({@code '{"action": "restart"}'}). */
    private static Optional<JsonNode> expectedPayload(FieldReader f, YamlNode node) {
        if (!(node instanceof YamlScalar scalar)) {
            return Optional.of(YamlValues.toJson(node));
        }
        Position at = scalar.position();
        if (scalar.isNull() || scalar.kind() != YamlScalar.Kind.STRING) {
            return scalar.isNull() ? fail(f, at, "payload has no value; expected " + EXPECTED_PAYLOAD)
                    : Optional.of(YamlValues.toJson(scalar));
        }
        try {
            JsonNode parsed = JSON.readTree(scalar.text());
            if (parsed == null || parsed.isMissingNode()) {
                return fail(f, at, "payload is empty; expected " + EXPECTED_PAYLOAD);
            }
            return Optional.of(parsed);
        } catch (JsonProcessingException e) {
            return fail(f, at, "payload '" + scalar.text() + "' is not a JSON document (" + e.getOriginalMessage()
                    + "); expected " + EXPECTED_PAYLOAD);
        }
    }

    private static <T> Optional<T> fail(FieldReader f, Position at, String message) {
        f.error(at, message);
        return Optional.empty();
    }
}
