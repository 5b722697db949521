package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Durations;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.diagnostics.Suggestions;
import dev.jetemu.diagnostics.YamlList;
import dev.jetemu.diagnostics.YamlMap;
import dev.jetemu.diagnostics.YamlNode;
import dev.jetemu.diagnostics.YamlScalar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the {@code steps} list: each item a map of one step keyword to its value, except
 * {@code repeat}, whose item has the two keys {@code repeat} and {@code steps}.
 */
final class StepReader {

    static final String STEPS = "steps";

    private static final String STEP_EXAMPLE = "a step keyword and its value, such as sleep: 2s";
    private static final String TIMES = "a whole number of times, at least 1";
    private static final String STEP_LIST = "a list of steps, each starting with '-'";

    /** Every step kind but sleep and repeat, in the order "expected one of" lists them. */
    private static final Map<String, StepType> TYPES = types();

    /** Every keyword, for "did you mean" and "expected one of". */
    static final List<String> KEYWORDS = Stream.concat(
            Stream.of(AwaitSubscribers.KEYWORD, Sleep.KEYWORD, Repeat.KEYWORD),
            TYPES.keySet().stream().filter(keyword -> !keyword.equals(AwaitSubscribers.KEYWORD))).toList();

    private final Diagnostics diagnostics;

    StepReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    private static Map<String, StepType> types() {
        Map<String, StepType> types = new LinkedHashMap<>();
        Stream.of(ControlSteps.types(), InterfaceSteps.types(), FirewallFilterSteps.types(), RouteSteps.types(),
                        RoutesGenerator.types(), FlapsGenerator.types(),
                        DaemonSteps.types(), FaultSteps.types())
                .flatMap(List::stream)
                .forEach(type -> types.put(type.keyword(), type));
        return Collections.unmodifiableMap(types);
    }

    /**
     * The steps of a {@code steps:} entry, those that could be read; every mistake is reported.
     *
     * @param allowEmpty whether {@code steps: []} is fine (at the top level) or a mistake (in a repeat)
     */
    List<Step> steps(YamlMap.Entry entry, boolean allowEmpty) {
        if (!(entry.value() instanceof YamlList list)) {
            if (YamlValues.isNull(entry.value())) {
                diagnostics.error(entry.keyPosition(), entry.key() + " has no value; expected " + STEP_LIST
                        + (allowEmpty ? ", or [] for none" : ""));
            } else {
                diagnostics.error(entry.value().position(), entry.key() + " is " + YamlValues.describe(entry.value())
                        + "; expected " + STEP_LIST);
            }
            return List.of();
        }
        if (list.items().isEmpty() && !allowEmpty) {
            diagnostics.error(list.position(), "the repeat has no steps; expected at least one step to repeat");
        }
        List<Step> steps = new ArrayList<>();
        list.items().forEach(item -> step(item, steps));
        return steps;
    }

    private void step(YamlNode item, List<Step> into) {
        if (!(item instanceof YamlMap map) || map.isEmpty()) {
            notAStep(item);
            return;
        }
        if (map.entry(Repeat.KEYWORD).isPresent()) {
            repeat(map, into);
            return;
        }
        Optional<YamlMap.Entry> strayBody = map.entry(STEPS);
        if (strayBody.isPresent()) {
            diagnostics.error(strayBody.get().keyPosition(), "steps without repeat; expected steps: in the same list "
                    + "item as repeat: N, at the same indentation");
            return;
        }
        YamlMap.Entry first = map.entries().get(0);
        boolean known = isKnown(first);
        List<String> fields = TYPES.containsKey(first.key()) ? TYPES.get(first.key()).fields() : List.of();
        List<YamlMap.Entry> others = map.entries().subList(1, map.entries().size());
        boolean fieldsBeside = !others.isEmpty() && others.stream().allMatch(other -> fields.contains(other.key()));
        for (YamlMap.Entry other : others) {
            diagnostics.error(other.keyPosition(), secondKey(first.key(), other.key(), fieldsBeside));
        }
        // "route-add:" with its fields beside it rather than under it: one mistake, reported at the fields.
        if (known && !(fieldsBeside && YamlValues.isNull(first.value()))) {
            into.addAll(first.key().equals(Sleep.KEYWORD) ? sleep(first) : build(TYPES.get(first.key()), first));
        }
    }

    private String secondKey(String keyword, String key, boolean fieldOfStep) {
        if (fieldOfStep) {
            return "'" + key + "' is beside " + keyword + " instead of under it; expected the fields of " + keyword
                    + " indented below it, or in { } after it";
        }
        if (KEYWORDS.contains(key)) {
            return "a second step keyword '" + key + "' in the list item of " + keyword + "; expected one step per "
                    + "list item, each starting with '-'";
        }
        return "'" + key + "' is a second key in the step " + keyword + "; expected one step keyword per list item, "
                + "each starting with '-'";
    }

    private void notAStep(YamlNode item) {
        if (item instanceof YamlScalar scalar && !scalar.isNull()) {
            String text = scalar.text().strip();
            String word = text.split("\\s+", 2)[0];
            if (KEYWORDS.contains(text)) {
                diagnostics.error(item.position(), text + " has no value; expected " + text + ": and "
                        + expectation(text));
                return;
            }
            if (KEYWORDS.contains(word)) {
                diagnostics.error(item.position(), "step is " + YamlValues.describe(item) + "; expected a ':' after "
                        + "the keyword, as in " + word + ": " + text.substring(word.length()).strip());
                return;
            }
        }
        String what = item instanceof YamlMap ? "an empty map" : YamlValues.describe(item);
        diagnostics.error(item.position(), "step is " + what + "; expected " + STEP_EXAMPLE);
    }

    private String expectation(String keyword) {
        if (keyword.equals(Sleep.KEYWORD)) {
            return Durations.EXPECTATION;
        }
        if (keyword.equals(Repeat.KEYWORD)) {
            return TIMES + ", with steps: beside it";
        }
        return TYPES.get(keyword).expectation();
    }

    /** Whether the entry's key is a step keyword; an unknown one is reported with the closest known one. */
    private boolean isKnown(YamlMap.Entry entry) {
        String keyword = entry.key();
        if (keyword.equals(Sleep.KEYWORD) || TYPES.containsKey(keyword)) {
            return true;
        }
        String suggestion = Suggestions.didYouMean(keyword, KEYWORDS).map(s -> " (did you mean '" + s + "'?)").orElse("");
        diagnostics.error(entry.keyPosition(), "unknown step '" + keyword + "'" + suggestion + "; expected one of "
                + String.join(", ", KEYWORDS));
        return false;
    }

    private List<Step> build(StepType type, YamlMap.Entry entry) {
        String keyword = entry.key();
        Position at = entry.keyPosition();
        YamlNode value = entry.value();
        FieldReader fields;
        if (value instanceof YamlMap map) {
            fields = FieldReader.of(map, keyword, at, "in " + keyword, type.fields(), diagnostics);
        } else if (value instanceof YamlScalar scalar && !scalar.isNull() && type.shorthand() != null) {
            fields = FieldReader.shorthand(scalar, keyword, at, type.shorthand(), diagnostics);
        } else {
            wrongValue(entry, type.expectation());
            return List.of();
        }
        return type.builder().build(fields, keyword, at);
    }

    private List<Step> sleep(YamlMap.Entry entry) {
        if (!(entry.value() instanceof YamlScalar scalar) || scalar.isNull()) {
            wrongValue(entry, Durations.EXPECTATION);
            return List.of();
        }
        Optional<Duration> duration = FieldReader.shorthand(scalar, Sleep.KEYWORD, entry.keyPosition(), "duration",
                diagnostics).duration("duration", false);
        return duration.<List<Step>>map(d -> List.of(new Sleep(entry.keyPosition(), d))).orElse(List.of());
    }

    private void repeat(YamlMap map, List<Step> into) {
        YamlMap.Entry keyword = map.entry(Repeat.KEYWORD).orElseThrow();
        FieldReader fields = FieldReader.of(map, Repeat.KEYWORD, keyword.keyPosition(), "in a repeat step",
                List.of(Repeat.KEYWORD, STEPS), diagnostics);
        Optional<Integer> times = fields.integer(Repeat.KEYWORD, 1, Integer.MAX_VALUE, TIMES);
        List<Step> body = fields.required(STEPS, "a list of steps under steps:, at the same indentation as repeat:")
                ? steps(map.entry(STEPS).orElseThrow(), false) : List.of();
        if (fields.ok() && times.isPresent() && !body.isEmpty()) {
            into.add(new Repeat(keyword.keyPosition(), times.get(), body));
        }
    }

    private void wrongValue(YamlMap.Entry entry, String expectation) {
        if (YamlValues.isNull(entry.value())) {
            diagnostics.error(entry.keyPosition(), entry.key() + " has no value; expected " + expectation);
        } else {
            diagnostics.error(entry.value().position(), entry.key() + " is " + YamlValues.describe(entry.value())
                    + "; expected " + expectation);
        }
    }
}
