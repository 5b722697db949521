package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.LocatedYaml;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.diagnostics.TextFiles;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.diagnostics.YamlList;
import dev.jetemu.diagnostics.YamlMap;
import dev.jetemu.diagnostics.YamlNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a scenario file into a {@link Scenario}, or fails with a {@link UserInputException} that
 * lists every mistake in the file at once, each as {@code FILE:LINE:COLUMN: what is wrong; expected
 * what}.
 *
 * <p>The format is documented field by field in {@code scenarios/FORMAT.md}. In short:
 * <pre>
 * name: interface-flap            # optional: the file name without extension
 * description: ...                # optional
 * device: { hostname, interfaces, route-tables, routes, firewall-filters }   # the initial state
 * steps: [ ... ]                  # required; [] for none
 * </pre>
 * Each step is a map of one keyword ({@link #stepKeywords()}) to its value; {@code repeat} has
 * the two keys {@code repeat: N} and {@code steps}.
 *
 * <p>Loading checks everything that does not depend on the device's state: the shape of the file,
 * names, addresses, prefixes, durations and topic filters, with the device model's own parsers.
 * What depends on the state (deleting a route that was never added) is checked by
 * {@link ScenarioValidator#dryRun}; {@link #loadAndCheck} does both.
 */
public final class ScenarioLoader {

    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String DEVICE = "device";
    static final List<String> TOP_LEVEL_KEYS = List.of(NAME, DESCRIPTION, DEVICE, StepReader.STEPS);

    private ScenarioLoader() {
    }

    /**
     * Reads and checks a scenario file; diagnostics name the file as {@code file} is written.
     *
     * @throws UserInputException listing every mistake, or saying why the file cannot be read
     */
    public static Scenario load(Path file) {
        return parse(file.toString(), TextFiles.read(file, "scenario file", "a readable YAML scenario file"));
    }

    /**
     * Reads and checks a scenario from its text.
     *
     * @param displayName how diagnostics name the source, and where the default name comes from
     * @throws UserInputException listing every mistake
     */
    public static Scenario parse(String displayName, String content) {
        Diagnostics diagnostics = new Diagnostics(displayName);
        Optional<Scenario> scenario = LocatedYaml.parse(content, diagnostics)
                .flatMap(root -> scenario(displayName, root, diagnostics));
        diagnostics.throwIfErrors();
        return scenario.orElseThrow();
    }

    /**
     * Reads steps to apply to a running device: a list of steps, or a map with {@code steps:} alone
     * (a {@code device:} section would describe another device). Checked as a scenario file's steps
     * are; the device's refusals come when they are applied.
     *
     * @param displayName how diagnostics name the source ({@code request})
     * @return a scenario without initial state, named after the source
     * @throws UserInputException listing every mistake
     */
    public static Scenario parseSteps(String displayName, String content) {
        Diagnostics diagnostics = new Diagnostics(displayName);
        Optional<YamlNode> root = LocatedYaml.parse(content, diagnostics);
        List<Step> steps = List.of();
        if (root.isPresent()) {
            YamlNode node = root.get();
            StepReader reader = new StepReader(diagnostics);
            if (node instanceof YamlList) {
                steps = reader.steps(new YamlMap.Entry(StepReader.STEPS, node.position(), node), true);
            } else if (node instanceof YamlMap map) {
                steps = stepsOf(map, reader, diagnostics);
            } else {
                diagnostics.error(node.position(), "the steps are " + YamlValues.describe(node) + "; expected "
                        + STEPS_EXPECTATION);
            }
        }
        diagnostics.throwIfErrors();
        return new Scenario(displayName, defaultName(displayName), "", Optional.empty(), List.of(), steps);
    }

    private static final String STEPS_EXPECTATION = "a list of steps, such as [{interface-down: ge-0/0/1}], "
            + "or a map with steps:";

    /**
     * The steps of a request written as a map: its {@code steps:}. A map whose first key is a step
     * keyword is one step written without its list, the likeliest mistake, and is told as such.
     */
    private static List<Step> stepsOf(YamlMap map, StepReader reader, Diagnostics diagnostics) {
        Optional<YamlMap.Entry> steps = map.entry(StepReader.STEPS);
        if (steps.isEmpty() && !map.entries().isEmpty()
                && StepReader.KEYWORDS.contains(map.entries().get(0).key())) {
            YamlMap.Entry step = map.entries().get(0);
            diagnostics.error(step.keyPosition(), "the request is a single step ('" + step.key()
                    + "') outside a list; expected " + STEPS_EXPECTATION);
            return List.of();
        }
        FieldReader top = FieldReader.of(map, "the request", Position.START, "in a request for steps",
                List.of(StepReader.STEPS), diagnostics);
        // Unknown keys were reported (with a did-you-mean for steps); a missing steps: adds nothing to that.
        if (steps.isEmpty() && !map.entries().isEmpty()) {
            return List.of();
        }
        return top.required(StepReader.STEPS, STEPS_EXPECTATION) ? reader.steps(steps.orElseThrow(), true) : List.of();
    }

    /**
     * Loads the file and dry-runs it ({@link ScenarioValidator#dryRun}): what {@code jetemu validate}
     * does. A file with mistakes in its own right is not dry-run, since the steps missing from it would
     * only add misleading errors; those come once the file loads.
     *
     * @throws UserInputException listing every mistake the load or the dry run found
     */
    public static Scenario loadAndCheck(Path file) {
        Scenario scenario = load(file);
        List<Diagnostic> refused = ScenarioValidator.dryRun(scenario);
        if (!refused.isEmpty()) {
            throw new UserInputException(refused);
        }
        return scenario;
    }

    /** Every step keyword a scenario may use, in the order messages list them. */
    public static List<String> stepKeywords() {
        return StepReader.KEYWORDS;
    }

    private static Optional<Scenario> scenario(String displayName, YamlNode root, Diagnostics diagnostics) {
        if (!(root instanceof YamlMap map)) {
            diagnostics.error(root.position(), "the top level is " + YamlValues.describe(root)
                    + "; expected a map with keys " + String.join(", ", TOP_LEVEL_KEYS));
            return Optional.empty();
        }
        FieldReader top = FieldReader.of(map, "the scenario", Position.START, "at the top level", TOP_LEVEL_KEYS,
                diagnostics);
        String name = top.text(NAME, "the scenario's name, such as interface-flap").orElse(defaultName(displayName));
        if (name.isBlank()) {
            top.error(top.position(NAME), "name is empty; expected the scenario's name, such as interface-flap, "
                    + "or no name: to use the file's");
        }
        String description = top.text(DESCRIPTION, "a sentence saying what the scenario represents").orElse("");

        DeviceSectionReader device = new DeviceSectionReader(diagnostics);
        top.node(DEVICE).filter(node -> !YamlValues.isNull(node)).ifPresent(node -> {
            if (node instanceof YamlMap section) {
                device.read(section, section.position());
            } else {
                top.wrongType(map.entry(DEVICE).orElseThrow(), "a map with keys " + String.join(", ",
                        DeviceSectionReader.KEYS));
            }
        });

        List<Step> steps = List.of();
        if (top.required(StepReader.STEPS, "a list of steps, or steps: [] for none")) {
            steps = new StepReader(diagnostics).steps(map.entry(StepReader.STEPS).orElseThrow(), true);
        }
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Scenario(displayName, name, description, device.hostname(), device.changes(), steps));
    }

    /** {@code interface-flap} for {@code scenarios/interface-flap.yaml}. */
    static String defaultName(String displayName) {
        String base = displayName.substring(Math.max(displayName.lastIndexOf('/'), displayName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
