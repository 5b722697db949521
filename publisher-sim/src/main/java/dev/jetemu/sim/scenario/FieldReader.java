package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Durations;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.diagnostics.Suggestions;
import dev.jetemu.diagnostics.YamlList;
import dev.jetemu.diagnostics.YamlMap;
import dev.jetemu.diagnostics.YamlNode;
import dev.jetemu.diagnostics.YamlScalar;
import dev.jetemu.sim.device.DeviceModelException;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one step, or of one item of the device section, read with each mistake reported at
 * its place: an unknown field at its key, a wrong value at the value, a missing field at the step.
 * Reading goes on after a mistake so that every one is reported; {@link #ok()} tells the caller
 * whether the values it got are enough to build from.
 */
final class FieldReader {

    /** Turns the text of a field into a value, or throws with a {@code what is wrong; expected what} message. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text);
    }

    private final YamlMap map;
    private final String subject;
    private final Position subjectAt;
    private final String shorthand;
    private final Diagnostics diagnostics;
    private List<String> fields = List.of();
    private boolean failed;

    /**
     * @param subject   what the fields belong to, as messages name it: {@code route-add}, {@code unit}
     * @param subjectAt where a missing field is reported: the step's keyword, the item
     */
    private FieldReader(YamlMap map, String subject, Position subjectAt, String shorthand, Diagnostics diagnostics) {
        this.map = map;
        this.subject = subject;
        this.subjectAt = subjectAt;
        this.shorthand = shorthand;
        this.diagnostics = diagnostics;
    }

    /**
     * Reads {@code map}, reporting its keys that are not {@code fields}.
     *
     * @param where how the unknown-key message places the map: {@code in route-add}
     */
    static FieldReader of(YamlMap map, String subject, Position subjectAt, String where, List<String> fields,
                          Diagnostics diagnostics) {
        FieldReader reader = new FieldReader(map, subject, subjectAt, null, diagnostics);
        reader.fields = List.copyOf(fields);
        if (!fields.containsAll(map.keys())) {
            map.reportUnknownKeys(fields, where, diagnostics);
            reader.failed = true;
        }
        return reader;
    }

    /**
     * Reads a scalar written in place of the map, as the one field {@code field}: {@code ifd-add: ge-0/0/2}
     * is {@code ifd-add: { name: ge-0/0/2 }}. Messages about the value name the subject, as the user wrote it.
     */
    static FieldReader shorthand(YamlScalar value, String subject, Position subjectAt, String field,
                                 Diagnostics diagnostics) {
        YamlMap map = new YamlMap(List.of(new YamlMap.Entry(field, value.position(), value)), value.position());
        return new FieldReader(map, subject, subjectAt, field, diagnostics);
    }

    /** True when nothing read so far was wrong or missing. */
    boolean ok() {
        return !failed;
    }

    boolean has(String field) {
        return map.entry(field).isPresent();
    }

    /** Where the field's value is written; the subject's place when it is not. */
    Position position(String field) {
        return map.entry(field).map(entry -> entry.value().position()).orElse(subjectAt);
    }

    Optional<YamlNode> node(String field) {
        return map.entry(field).map(YamlMap.Entry::value);
    }

    Optional<YamlMap.Entry> entry(String field) {
        return map.entry(field);
    }

    /** Reports a mistake found by the caller; the reader is then not {@link #ok()}. */
    void error(Position at, String message) {
        diagnostics.error(at, message);
        failed = true;
    }

    // ---- text

    /** Any scalar, by its spelling: a name of digits is still a name. Empty when absent or wrong. */
    Optional<String> text(String field, String expectation) {
        Optional<YamlMap.Entry> entry = map.entry(field);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (entry.get().value() instanceof YamlScalar scalar && !scalar.isNull()) {
            return Optional.of(scalar.text());
        }
        wrongType(entry.get(), expectation);
        return Optional.empty();
    }

    Optional<String> requiredText(String field, String expectation) {
        return required(field, expectation) ? text(field, expectation) : Optional.empty();
    }

    /** The text, turned into a value by {@code parser}; its refusal is reported at the value. */
    <T> Optional<T> parsed(String field, String expectation, Parser<T> parser) {
        return text(field, expectation).flatMap(text -> parse(position(field), text, parser));
    }

    <T> Optional<T> requiredParsed(String field, String expectation, Parser<T> parser) {
        return required(field, expectation) ? parsed(field, expectation, parser) : Optional.empty();
    }

    /** Applies {@code parser}, reporting its {@link DeviceModelException} or {@link IllegalArgumentException} at {@code at}. */
    <T> Optional<T> parse(Position at, String text, Parser<T> parser) {
        try {
            return Optional.of(parser.parse(text));
        } catch (DeviceModelException | IllegalArgumentException e) {
            error(at, e.getMessage());
            return Optional.empty();
        }
    }

    // ---- numbers, booleans, durations

    /** A whole number from {@code min} to {@code max}, written as a YAML number (not in quotes). */
    Optional<Long> number(String field, long min, long max, String expectation) {
        Optional<YamlMap.Entry> entry = map.entry(field);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (!(entry.get().value() instanceof YamlScalar scalar) || scalar.isNull()) {
            wrongType(entry.get(), expectation);
            return Optional.empty();
        }
        Optional<BigInteger> value = YamlValues.wholeNumber(scalar);
        if (value.isEmpty()) {
            wrongType(entry.get(), expectation + (scalar.kind() == YamlScalar.Kind.STRING
                    && YamlValues.looksLikeWholeNumber(scalar.text()) ? ", written without quotes" : ""));
            return Optional.empty();
        }
        if (value.get().compareTo(BigInteger.valueOf(min)) < 0 || value.get().compareTo(BigInteger.valueOf(max)) > 0) {
            error(scalar.position(), label(field) + " is " + value.get() + "; expected " + expectation);
            return Optional.empty();
        }
        return Optional.of(value.get().longValue());
    }

    Optional<Integer> integer(String field, int min, int max, String expectation) {
        return number(field, min, max, expectation).map(Long::intValue);
    }

    Optional<Boolean> bool(String field) {
        Optional<YamlMap.Entry> entry = map.entry(field);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Optional<Boolean> value = entry.get().value() instanceof YamlScalar scalar ? YamlValues.bool(scalar) : Optional.empty();
        if (value.isEmpty()) {
            wrongType(entry.get(), "true or false");
        }
        return value;
    }

    /** A duration such as {@code 30s}; {@code positive} refuses zero. */
    Optional<Duration> duration(String field, boolean positive) {
        Optional<Duration> duration = text(field, Durations.EXPECTATION)
                .flatMap(text -> parse(position(field), text, t -> parseDuration(field, t)));
        if (positive && duration.isPresent() && duration.get().isZero()) {
            error(position(field), label(field) + " is " + text(field, "").orElse("0")
                    + "; expected a duration longer than zero, such as 30s");
            return Optional.empty();
        }
        return duration;
    }

    private Duration parseDuration(String field, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label(field) + " " + e.getMessage(), e);
        }
    }

    // ---- lists

    /**
     * The scalars of a list, or a single scalar as a list of one ({@code next-hops: 192.0.2.2}). An
     * item that is not a scalar is reported and left out, so that the others can still be checked.
     * Empty when the field is absent or not a list.
     */
    Optional<List<YamlScalar>> scalars(String field, String expectation) {
        Optional<YamlMap.Entry> entry = map.entry(field);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        YamlNode value = entry.get().value();
        if (value instanceof YamlScalar scalar && !scalar.isNull()) {
            return Optional.of(List.of(scalar));
        }
        if (!(value instanceof YamlList list)) {
            wrongType(entry.get(), expectation);
            return Optional.empty();
        }
        List<YamlScalar> items = new ArrayList<>(list.items().size());
        for (YamlNode item : list.items()) {
            if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                items.add(scalar);
            } else {
                error(item.position(), "an item of " + label(field) + " is " + YamlValues.describe(item)
                        + "; expected " + expectation);
            }
        }
        return Optional.of(items);
    }

    // ---- mistakes

    /** Reports a field that must be there and is not; true when it is there. */
    boolean required(String field, String expectation) {
        if (has(field)) {
            return true;
        }
        if (misspelt(field)) {
            // Its unknown key was reported with a did-you-mean for this field: saying it is missing adds nothing.
            failed = true;
            return false;
        }
        error(subjectAt, subject + " has no " + field + "; expected " + expectation);
        return false;
    }

    /** Whether some unknown key of the map was reported as a misspelling of {@code field}. */
    private boolean misspelt(String field) {
        return map.keys().stream().filter(key -> !fields.contains(key))
                .anyMatch(key -> Suggestions.didYouMean(key, fields).filter(field::equals).isPresent());
    }

    /** A missing value is reported at its key, since an empty value has no place of its own to point at. */
    void wrongType(YamlMap.Entry entry, String expectation) {
        if (YamlValues.isNull(entry.value())) {
            error(entry.keyPosition(), label(entry.key()) + " has no value; expected " + expectation);
        } else {
            error(entry.value().position(), label(entry.key()) + " is " + YamlValues.describe(entry.value())
                    + "; expected " + expectation);
        }
    }

    /** How messages name a field: by its key, or by the step's keyword when the value was written in its place. */
    String label(String field) {
        return field.equals(shorthand) ? subject : field;
    }
}
