package dev.jetemu.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.sim.device.Family;
import dev.jetemu.sim.device.RouteType;
import dev.jetemu.sim.event.Facility;
import dev.jetemu.sim.event.Severity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema of scenario files (schema/scenario.schema.json, for editors) and the loader with its
 * dry run (what {@code jetemu validate} does) agree, both ways:
 * <ul>
 * <li>every bundled scenario and every sample of src/test/resources/schema-valid is accepted by both;</li>
 * <li>every sample of src/test/resources/schema-invalid, one realistic mistake each, is refused by both, at the
 * place its {@code # expect-schema:} (instance location) and {@code # expect-validator:} (LINE:COLUMN) lines name;</li>
 * <li>the schema knows exactly the loader's step keywords and the model's enums, so adding a step or a value to
 * one without the other fails the build.</li>
 * </ul>
 */
class ScenarioSchemaTest {

    /** Surefire runs in the module's folder; the schema and the library are beside it. */
    private static final Path SCHEMA_FILE = Path.of("..", "schema", "scenario.schema.json");
    private static final Path LIBRARY = Path.of("..", "scenarios");
    private static final Path RESOURCES = Path.of("src", "test", "resources");
    private static final Path VALID = RESOURCES.resolve("schema-valid");
    private static final Path INVALID = RESOURCES.resolve("schema-invalid");

    private static final String EXPECT_SCHEMA = "# expect-schema: ";
    private static final String EXPECT_VALIDATOR = "# expect-validator: ";

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final JsonNode SCHEMA_NODE = read(SCHEMA_FILE);
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SCHEMA_NODE);

    // ---- bundled scenarios and valid samples: accepted by both

    @TestFactory
    Stream<DynamicTest> everyBundledScenarioReferencesAndMatchesTheSchema() throws IOException {
        List<Path> library = yamlFiles(LIBRARY);
        assertThat(library).isNotEmpty();
        return library.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            assertThat(Files.readAllLines(file).get(0)).as("the first line of " + file).isEqualTo(BundledScenariosTest.SCHEMA_LINE);
            assertThat(schemaErrors(file)).as("what the schema says of " + file).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyValidSampleIsAcceptedByTheSchemaAndTheValidator() throws IOException {
        List<Path> samples = yamlFiles(VALID);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(10);
        return samples.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            assertThat(schemaErrors(file)).as("what the schema says of " + file).isEmpty();
            assertThat(validatorProblems(file)).as("what jetemu validate says of " + file).isEmpty();
        }));
    }

    /** Every step keyword, and every shorthand, is written in some valid sample. */
    @Test
    void theValidSamplesUseEveryStepAndEveryShorthand() throws IOException {
        Set<String> keywords = new LinkedHashSet<>();
        Set<String> shorthands = new LinkedHashSet<>();
        for (Path file : yamlFiles(VALID)) {
            JsonNode root = read(file);
            collectSteps(root.path("steps"), keywords, shorthands);
        }
        Set<String> stepsWithShorthand = new LinkedHashSet<>();
        stepProperties().fields().forEachRemaining(entry -> {
            if (entry.getValue().has("anyOf")) {
                stepsWithShorthand.add(entry.getKey());
            }
        });
        assertThat(keywords).containsAll(schemaKeywords());
        assertThat(shorthands).containsAll(stepsWithShorthand);
    }

    /** The device section's shorthands and lists of one are written in some valid sample too. */
    @Test
    void theValidSamplesUseEveryShorthandOfTheDeviceSection() throws IOException {
        Set<String> written = new LinkedHashSet<>();
        for (Path file : yamlFiles(VALID)) {
            JsonNode device = read(file).path("device");
            device.path("interfaces").forEach(item -> {
                written.add(item.isTextual() ? "interface name alone" : "interface map");
                item.path("units").forEach(unit -> {
                    written.add(unit.isNumber() ? "unit number alone" : "unit map");
                    unit.path("families").forEach(addresses -> written.add(addresses.isTextual() ? "one address"
                            : addresses.isNull() ? "family alone" : "address list"));
                });
            });
            device.path("route-tables").forEach(item -> written.add(item.isTextual() ? "table name alone" : "table map"));
            device.path("firewall-filters").forEach(item -> written.add(item.isTextual() ? "filter name alone"
                    : "filter map"));
            device.path("routes").forEach(route -> written.add(route.path("next-hops").isTextual() ? "one next hop"
                    : "next-hop list"));
        }
        assertThat(written).contains("interface name alone", "interface map", "unit number alone", "unit map",
                "one address", "family alone", "address list", "table name alone", "table map", "filter name alone",
                "filter map", "one next hop", "next-hop list");
    }

    private static void collectSteps(JsonNode steps, Set<String> keywords, Set<String> shorthands) {
        for (JsonNode step : steps) {
            step.fields().forEachRemaining(entry -> {
                if (entry.getKey().equals(StepReader.STEPS)) {
                    collectSteps(entry.getValue(), keywords, shorthands);
                    return;
                }
                keywords.add(entry.getKey());
                if (entry.getValue().isValueNode()) {
                    shorthands.add(entry.getKey());
                }
            });
        }
    }

    // ---- invalid samples: refused by both, for the same mistake

    @TestFactory
    Stream<DynamicTest> everyInvalidSampleIsRefusedByTheSchemaAndTheValidator() throws IOException {
        List<Path> samples = yamlFiles(INVALID);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(25);
        return samples.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).as("the first line says what the mistake is").startsWith("# Mistake: ");
            String schemaAt = marker(lines, EXPECT_SCHEMA, file);
            String validatorAt = marker(lines, EXPECT_VALIDATOR, file);

            List<Error> errors = SCHEMA.validate(read(file));
            assertThat(errors).as("the schema refuses " + file).isNotEmpty();
            assertThat(errors).as("the schema's errors for " + file + ": " + describe(errors))
                    .anySatisfy(error -> assertThat(pointer(error)).startsWith(schemaAt));

            List<Diagnostic> problems = validatorProblems(file);
            assertThat(problems).as("jetemu validate refuses " + file).isNotEmpty();
            assertThat(problems).as("what jetemu validate says of " + file + ": " + problems)
                    .anySatisfy(problem -> assertThat(problem.line() + ":" + problem.column()).isEqualTo(validatorAt));
            if (!file.getFileName().toString().equals("unknown-step.yaml")) {
                // A step the loader does not know yet would be refused wherever its mistake is.
                assertThat(problems).as("what jetemu validate says of " + file)
                        .noneMatch(problem -> problem.message().startsWith("unknown step "));
            }
        }));
    }

    /**
     * Each mistake of the loader's own corpus (src/test/resources/scenario-errors) that is found when the
     * file is loaded is one the schema finds too, but for those a regular expression cannot see. (Of the dry
     * run's, the schema finds those a file shows by itself, such as an IPv6 route in inet.0, and not those
     * that depend on the state.)
     */
    @TestFactory
    Stream<DynamicTest> everyLoadErrorOfTheErrorCorpusIsASchemaErrorToo() throws IOException {
        // 10.1.2.0/16: whether the bits after the length are zero is arithmetic, not a pattern.
        Set<String> beyondTheSchema = Set.of("bad-prefix.yaml");
        return yamlFiles(RESOURCES.resolve(ScenarioSamples.ERRORS)).stream()
                .filter(file -> !beyondTheSchema.contains(file.getFileName().toString()))
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    Optional<JsonNode> document = tryRead(file);
                    boolean loads = loads(file);
                    if (document.isEmpty()) {
                        assertThat(loads).as("a file that is not YAML does not load").isFalse();
                        return;
                    }
                    if (!loads) {
                        assertThat(SCHEMA.validate(document.get())).as("the schema refuses " + file).isNotEmpty();
                    }
                }));
    }

    // ---- the schema knows what the loader and the model know

    @Test
    void theSchemaKnowsExactlyTheStepKeywordsOfTheLoader() {
        assertThat(schemaKeywords()).containsExactlyInAnyOrderElementsOf(StepReader.KEYWORDS);
    }

    @Test
    void theSchemaListsTheStepsInTheLoadersOrder() {
        List<String> known = schemaKeywords().stream().filter(StepReader.KEYWORDS::contains).toList();
        assertThat(known).containsExactlyElementsOf(StepReader.KEYWORDS);
    }

    @Test
    void theSchemasEnumsAreTheModels() {
        assertThat(strings(definition("routeType").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(RouteType.values()).map(RouteType::word).toList());
        assertThat(strings(definition("family").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(Family.values()).map(Family::word).toList());
        assertThat(strings(definition("severity").path("anyOf").path(0).path("enum")))
                .containsExactlyElementsOf(Severity.words());
        assertThat(strings(definition("facility").path("anyOf").path(0).path("enum")))
                .containsExactlyElementsOf(Facility.configWords());
    }

    /** The device checks filter types and protocols; each value the schema offers is one it takes. */
    @Test
    void everyFilterTypeAndProtocolOfTheSchemaIsTakenByTheDevice() {
        List<String> types = strings(definition("filterType").path("enum"));
        List<String> protocols = strings(definition("filterProtocol").path("enum"));
        StringBuilder yaml = new StringBuilder("device:\n  interfaces: [{ name: ge-0/0/0, units: [0] }]\nsteps:\n");
        int n = 0;
        for (String type : types) {
            for (String protocol : protocols) {
                yaml.append("  - firewall-filter-add: { name: f").append(n++).append(", filter-type: ").append(type)
                        .append(", protocol: ").append(protocol).append(", interface: ge-0/0/0.0 }\n");
            }
        }
        assertThat(ScenarioSamples.problems("filters.yaml", yaml.toString())).isEmpty();
        assertThat(ScenarioSamples.problems("filter-type.yaml",
                "steps: [{ firewall-filter-add: { name: f, filter-type: stateless } }]\n")).isNotEmpty();
        assertThat(ScenarioSamples.problems("protocol.yaml",
                "steps: [{ firewall-filter-add: { name: f, protocol: ipv4 } }]\n")).isNotEmpty();
    }

    /** Editors show a property's title and description: every property has both. */
    @Test
    void everyPropertyHasATitleAndADescription() {
        List<String> undocumented = new ArrayList<>();
        walk(SCHEMA_NODE, "#", (path, schema) -> schema.path("properties").fields().forEachRemaining(entry -> {
            JsonNode property = entry.getValue();
            if (!property.isObject() || !property.hasNonNull("title") || !property.hasNonNull("description")) {
                undocumented.add(path + "/properties/" + entry.getKey());
            }
        }));
        assertThat(undocumented).isEmpty();
    }

    /** A misspelt key is refused everywhere, as the loader refuses it. */
    @Test
    void everyMapOfKnownKeysIsClosed() {
        List<String> open = new ArrayList<>();
        walk(SCHEMA_NODE, "#", (path, schema) -> {
            if (schema.has("properties") && !schema.path("additionalProperties").equals(BooleanNode.FALSE)) {
                open.add(path);
            }
        });
        assertThat(open).isEmpty();
    }

    // ---- helpers

    private static List<String> schemaKeywords() {
        List<String> keywords = new ArrayList<>();
        stepProperties().fieldNames().forEachRemaining(keywords::add);
        keywords.remove(StepReader.STEPS);
        return keywords;
    }

    private static JsonNode stepProperties() {
        return definition("step").path("properties");
    }

    private static JsonNode definition(String name) {
        JsonNode definition = SCHEMA_NODE.path("definitions").path(name);
        assertThat(definition.isMissingNode()).as("definitions/" + name).isFalse();
        return definition;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        assertThat(values).isNotEmpty();
        return values;
    }

    /**
     * Calls {@code visit} for each schema that describes a value, with its place; the {@code if}, {@code then}
     * and {@code else} of a conditional only narrow properties described elsewhere, so they are left out.
     */
    private static void walk(JsonNode schema, String path, BiConsumer<String, JsonNode> visit) {
        if (!schema.isObject()) {
            return;
        }
        visit.accept(path, schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "if", "then", "else", "enum", "examples", "default", "const" -> {
                }
                case "properties", "definitions" -> value.fields().forEachRemaining(
                        child -> walk(child.getValue(), path + "/" + key + "/" + child.getKey(), visit));
                case "anyOf", "allOf", "oneOf" -> {
                    for (int i = 0; i < value.size(); i++) {
                        walk(value.get(i), path + "/" + key + "/" + i, visit);
                    }
                }
                default -> walk(value, path + "/" + key, visit);
            }
        }
    }

    private static String marker(List<String> lines, String prefix, Path file) {
        List<String> values = lines.stream().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip()).toList();
        assertThat(values).as("the " + prefix.strip() + " line of " + file).hasSize(1);
        return values.get(0);
    }

    /**
     * Where a schema error is, as a JSON pointer: {@code /steps/1/route-add/prefix}. A missing or unknown key
     * is reported at its map; its name is added, so that the pointer names it.
     */
    private static String pointer(Error error) {
        StringBuilder pointer = new StringBuilder();
        var location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(location.getElement(i));
        }
        if (error.getProperty() != null) {
            pointer.append('/').append(error.getProperty());
        }
        return pointer.toString();
    }

    private static String describe(List<Error> errors) {
        return errors.stream().map(error -> pointer(error) + " " + error.getMessage())
                .collect(Collectors.joining("; ", "[", "]"));
    }

    private static List<String> schemaErrors(Path file) {
        return SCHEMA.validate(read(file)).stream().map(error -> pointer(error) + " " + error.getMessage()).toList();
    }

    /** What {@code jetemu validate} reports: the load's errors, or, when the file loads, the dry run's. */
    private static List<Diagnostic> validatorProblems(Path file) throws IOException {
        try {
            Scenario scenario = ScenarioLoader.parse(file.toString(), Files.readString(file));
            return ScenarioValidator.dryRun(scenario);
        } catch (UserInputException e) {
            return e.diagnostics();
        }
    }

    private static boolean loads(Path file) throws IOException {
        try {
            ScenarioLoader.parse(file.toString(), Files.readString(file));
            return true;
        } catch (UserInputException e) {
            return false;
        }
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null || node.isMissingNode() ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static Optional<JsonNode> tryRead(Path file) {
        try {
            return Optional.of(read(file));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
