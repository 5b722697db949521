package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.YamlList;
import dev.jetemu.diagnostics.YamlMap;
import dev.jetemu.diagnostics.YamlNode;
import dev.jetemu.diagnostics.YamlScalar;
import dev.jetemu.sim.event.Facility;
import dev.jetemu.sim.event.Severity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.jetemu.sim.scenario.FieldValues.ATTRIBUTES;
import static dev.jetemu.sim.scenario.FieldValues.ATTRIBUTE_VALUE;
import static dev.jetemu.sim.scenario.FieldValues.COMMENT;
import static dev.jetemu.sim.scenario.FieldValues.EVENT_ID;
import static dev.jetemu.sim.scenario.FieldValues.FACILITY;
import static dev.jetemu.sim.scenario.FieldValues.SEVERITY;
import static dev.jetemu.sim.scenario.FieldValues.USERNAME;
import static dev.jetemu.sim.scenario.StepType.change;

/**
 * The messages of the device's daemons: {@code syslog} (eventd) and {@code config-update} (the
 * generic publisher). They change no state, so every check is made when the file is loaded.
 */
final class DaemonSteps {

    static final String SYSLOG = "syslog";
    static final String CONFIG_UPDATE = "config-update";

    /** Most Junos event messages an application watches for are notices (UI_COMMIT_COMPLETED is one). */
    static final Severity DEFAULT_SEVERITY = Severity.NOTICE;
    /** Messages of system processes (mib2d, rpd, lacpd ...) are logged under daemon. */
    static final Facility DEFAULT_FACILITY = Facility.DAEMON;

    private static final String EVENT_ID_FIELD = "event-id";
    private static final String SEVERITY_FIELD = "severity";
    private static final String FACILITY_FIELD = "facility";
    private static final String ATTRIBUTES_FIELD = "attributes";
    private static final String USERNAME_FIELD = "username";
    private static final String COMMENT_FIELD = "comment";

    private DaemonSteps() {
    }

    static List<StepType> types() {
        return List.of(
                StepType.withShorthand(SYSLOG, List.of(EVENT_ID_FIELD, SEVERITY_FIELD, FACILITY_FIELD, ATTRIBUTES_FIELD),
                        EVENT_ID, (f, keyword, at) -> {
                            Optional<String> tag = f.requiredParsed(EVENT_ID_FIELD, EVENT_ID, FieldValues::syslogTag);
                            String severity = f.parsed(SEVERITY_FIELD, SEVERITY, FieldValues::severity)
                                    .orElse(DEFAULT_SEVERITY.word());
                            String facility = f.parsed(FACILITY_FIELD, FACILITY, FieldValues::facility)
                                    .orElse(DEFAULT_FACILITY.configWord());
                            Map<String, Object> attributes = attributes(f);
                            return f.ok() ? change(keyword, at,
                                    device -> device.syslog(tag.get(), severity, facility, attributes)) : List.of();
                        }),
                StepType.withShorthand(CONFIG_UPDATE, List.of(USERNAME_FIELD, COMMENT_FIELD), USERNAME,
                        (f, keyword, at) -> {
                            Optional<String> username = f.requiredText(USERNAME_FIELD, USERNAME);
                            String comment = f.text(COMMENT_FIELD, COMMENT).orElse("");
                            if (username.isPresent() && username.get().isEmpty()) {
                                f.error(f.position(USERNAME_FIELD), f.label(USERNAME_FIELD) + " is empty; expected " + USERNAME);
                            }
                            return f.ok() ? change(keyword, at, device -> device.configUpdate(username.get(), comment))
                                    : List.of();
                        }));
    }

    /** The attribute-value pairs in the order written; each value a type a jet-event carries. */
    private static Map<String, Object> attributes(FieldReader f) {
        Optional<YamlMap.Entry> field = f.entry(ATTRIBUTES_FIELD);
        if (field.isEmpty()) {
            return Map.of();
        }
        if (!(field.get().value() instanceof YamlMap map)) {
            f.wrongType(field.get(), ATTRIBUTES);
            return Map.of();
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (YamlMap.Entry entry : map.entries()) {
            attributeValue(entry, f).ifPresent(value -> attributes.put(entry.key(), value));
        }
        return Collections.unmodifiableMap(attributes);
    }

    private static Optional<Object> attributeValue(YamlMap.Entry entry, FieldReader f) {
        YamlNode value = entry.value();
        if (value instanceof YamlScalar scalar) {
            switch (scalar.kind()) {
                case STRING:
                    return Optional.of(scalar.text());
                case BOOLEAN:
                    return Optional.of(YamlValues.bool(scalar).orElseThrow());
                case INTEGER:
                    Optional<BigInteger> number = YamlValues.wholeNumber(scalar);
                    if (number.isPresent() && number.get().bitLength() < Long.SIZE) {
                        long whole = number.get().longValue();
                        return Optional.of(whole == (int) whole ? (Object) (int) whole : (Object) whole);
                    }
                    break;
                case NULL:
                    f.error(entry.keyPosition(), "attribute " + entry.key() + " has no value; expected " + ATTRIBUTE_VALUE);
                    return Optional.empty();
                default:
                    break;
            }
        } else if (value instanceof YamlList list && list.items().stream().allMatch(
                item -> item instanceof YamlScalar scalar && !scalar.isNull())) {
            List<String> texts = new ArrayList<>(list.items().size());
            list.items().forEach(item -> texts.add(((YamlScalar) item).text()));
            return Optional.of(List.copyOf(texts));
        }
        f.error(value.position(), "attribute " + entry.key() + " is " + YamlValues.describe(value) + "; expected "
                + ATTRIBUTE_VALUE);
        return Optional.empty();
    }
}
