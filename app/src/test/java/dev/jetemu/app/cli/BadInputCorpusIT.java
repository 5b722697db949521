package dev.jetemu.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jetemu.app.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every case of {@code src/test/resources/bad-inputs} (its README says how they are laid out) meets
 * jetemu the way a user would make the mistake: on the command line, in a configuration file, in a
 * scenario file run or validated, in a body posted to the control API. Each ends with exit code 2
 * (HTTP 400), exactly the expected message lines, file, line and column included, and no stack trace;
 * and nothing is started first: the commands run on a port this test holds, where starting the broker
 * would end with exit code 3 instead.
 */
class BadInputCorpusIT {

    private static final Path CORPUS = Path.of("src", "test", "resources", "bad-inputs");
    private static final String EXPECTED = ".expected";
    private static final String API_EXPECTED = ".api.expected";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A Java exception or error class named in the output: a stack trace's first line. */
    private static final Pattern THROWABLE = Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

    @TempDir
    static Path dir;

    private static ServerSocket heldPort;
    private static Emulator emulator;
    private static Path validScenario;

    @BeforeAll
    static void start() throws Exception {
        heldPort = new ServerSocket(0);
        emulator = Emulator.builder().httpPort(0).start();
        validScenario = Files.writeString(dir.resolve("valid.yaml"), "name: valid\nsteps: []\n");
    }

    @AfterAll
    static void stop() throws IOException {
        emulator.close();
        heldPort.close();
    }

    static Stream<Path> scenarios() throws IOException {
        return cases("scenarios");
    }

    static Stream<Path> configs() throws IOException {
        return cases("configs");
    }

    static Stream<Path> stepBodies() throws IOException {
        return cases("api-bodies/steps");
    }

    static Stream<Path> commandLines() throws IOException {
        return cases("cli").filter(file -> file.toString().endsWith(".args"));
    }

    /** The inputs of one folder: every file but the expectations and the environments of cli cases. */
    private static Stream<Path> cases(String folder) throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
            List<Path> inputs = files.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().endsWith(EXPECTED) && !file.toString().endsWith(".env"))
                    .sorted()
                    .toList();
            assertThat(inputs).as("cases in %s", folder).isNotEmpty();
            return inputs.stream();
        }
    }

    @ParameterizedTest(name = "validate {0}")
    @MethodSource("scenarios")
    void validateReportsIt(Path scenario) {
        CliHarness.Result result = CliHarness.run("validate", scenario.toString());

        assertInvalidInput(result, expectedFor(scenario, scenario.toString()));
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("scenarios")
    void runReportsTheScenarioBeforeStartingTheBroker(Path scenario) {
        CliHarness.Result result = CliHarness.run("run", scenario.toString(), "--port", heldPort());

        assertInvalidInput(result, expectedFor(scenario, scenario.toString()));
    }

    @ParameterizedTest(name = "POST /api/scenarios {0}")
    @MethodSource("scenarios")
    void theControlApiReportsItAsAScenario(Path scenario) throws Exception {
        Path apiExpected = sibling(scenario, API_EXPECTED);
        List<String> expected = Files.exists(apiExpected) ? lines(apiExpected) : expectedFor(scenario, "request");

        assertBadRequest(post("/api/scenarios", scenario), expected);
    }

    @ParameterizedTest(name = "serve --config {0}")
    @MethodSource("configs")
    void serveReportsItBeforeListening(Path config) {
        CliHarness.Result result = CliHarness.run("serve", "--config", config.toString(), "--port", heldPort(),
                "--http-port", "off");

        assertInvalidInput(result, expectedFor(config, config.toString()));
    }

    @ParameterizedTest(name = "run --config {0}")
    @MethodSource("configs")
    void runReportsTheConfigurationBeforeStartingTheBroker(Path config) {
        CliHarness.Result result = CliHarness.run("run", validScenario.toString(), "--config", config.toString(),
                "--port", heldPort());

        assertInvalidInput(result, expectedFor(config, config.toString()));
    }

    @ParameterizedTest(name = "POST /api/steps {0}")
    @MethodSource("stepBodies")
    void theControlApiReportsTheSteps(Path body) throws Exception {
        assertBadRequest(post("/api/steps", body), lines(sibling(body, EXPECTED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void theCommandLineReportsIt(Path args) throws Exception {
        String[] arguments = lines(args).toArray(String[]::new);
        Map<String, String> environment = environment(sibling(args, ".env"));

        // A command line wrongly taken as valid would serve until stopped: give up on it instead.
        CliHarness.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliHarness.runWithEnvironment(environment, arguments));

        assertInvalidInput(result, lines(sibling(args, EXPECTED)));
    }

    private static String heldPort() {
        return String.valueOf(heldPort.getLocalPort());
    }

    /**
     * The expected lines of a file case, with the file named as {@code name} instead of by its own
     * name: {@code bad-duration.yaml:3:12: ...} becomes {@code PATH:3:12: ...}.
     */
    private static List<String> expectedFor(Path input, String name) {
        String file = input.getFileName().toString() + ":";
        List<String> expected = new ArrayList<>();
        for (String line : lines(sibling(input, EXPECTED))) {
            assertThat(line).as("an expected line of %s names the file", input).startsWith(file);
            expected.add(name + ":" + line.substring(file.length()));
        }
        return expected;
    }

    private static Path sibling(Path input, String extension) {
        String name = input.getFileName().toString();
        return input.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }

    private static List<String> lines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isEmpty()).toList();
            assertThat(lines).as("the lines of %s", file).isNotEmpty();
            return lines;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static Map<String, String> environment(Path file) {
        Map<String, String> environment = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : lines(file)) {
                String[] variable = line.split("=", 2);
                environment.put(variable[0], variable[1]);
            }
        }
        return environment;
    }

    private static HttpResponse<String> post(String path, Path body) throws Exception {
        URI uri = URI.create(emulator.httpUri().orElseThrow()).resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofFile(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalidInput(CliHarness.Result result, List<String> expected) {
        assertThat(result.exitCode()).as("exit code; stderr:%n%s", result.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.out()).as("nothing started, nothing printed").isEmpty();
        assertThat(result.err().lines().toList()).containsExactlyElementsOf(expected);
        assertNoStackTrace(result.err());
    }

    private static void assertBadRequest(HttpResponse<String> response, List<String> expected) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText().lines().toList()).containsExactlyElementsOf(expected);
        assertNoStackTrace(response.body());
    }

    private static void assertNoStackTrace(String output) {
        assertThat(output).doesNotContain("\tat ");
        assertThat(THROWABLE.matcher(output).find()).as("a Java exception named in:%n%s", output).isFalse();
    }
}
