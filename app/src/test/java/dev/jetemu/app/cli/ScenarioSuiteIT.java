package dev.jetemu.app.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled scenario library run as CI would run it, a Python JET-style decoder of every
 * payload, and the exit codes of {@code run} and {@code validate}.
 */
class ScenarioSuiteIT {

    private static final Path LIBRARY = Path.of("..", "scenarios");
    private static final Path ERROR_CORPUS = Path.of("..", "publisher-sim", "src", "test", "resources",
            "scenario-errors");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void theBundledLibraryRunsToCompletionWithASubscriberConnected() throws Exception {
        int port = RunCommandIT.freePort();
        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(() -> CliHarness.run("run",
                LIBRARY.toString(), "--port", String.valueOf(port), "--virtual-time"));

        try (Subscriber application = Subscriber.connect(port, "/junos/events/#")) {
            CliHarness.Result result = run.get(300, TimeUnit.SECONDS);

            long scenarios;
            try (Stream<Path> files = Files.list(LIBRARY)) {
                scenarios = files.filter(file -> file.toString().endsWith(".yaml")).count();
            }
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out().lines().filter(line -> line.startsWith("PASS "))).hasSize((int) scenarios);
            assertThat(result.out()).contains(scenarios + " scenarios: " + scenarios + " passed, 0 failed");
            assertThat(application.count()).isPositive();
        }
    }

    @Test
    void everyPayloadDecodesAsTheJetClientDecodesIt() throws Exception {
        boolean present = Files.isExecutable(PYTHON);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(PYTHON + " with python3-paho-mqtt is missing; .ci/run installs it");
        }
        Assumptions.assumeTrue(present, "skipped: /usr/bin/python3 (python3-paho-mqtt) is not installed");
        int port = RunCommandIT.freePort();
        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(() -> CliHarness.run("run",
                RunCommandIT.resource("every-event.yaml").toString(), "--port", String.valueOf(port),
                "--virtual-time"));
        Path script = Path.of(getClass().getResource("/interop/jet_decode.py").toURI());
        // every-event.yaml waits for two subscribers: the decoder and this Paho one.
        try (Subscriber paho = Subscriber.connect(port, "/junos/events/#")) {
            Process python = new ProcessBuilder(PYTHON.toString(), script.toString(), "127.0.0.1",
                    String.valueOf(port), "28").redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            }
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.get(60, TimeUnit.SECONDS).exitCode()).isZero();

            assertThat(python.exitValue()).as(String.join("\n", lines)).isZero();
            assertThat(lines.get(0)).isEqualTo("subscribed");
            assertThat(lines.subList(1, lines.size())).hasSize(28).allMatch(line -> line.startsWith("ok "));
            assertThat(lines).contains("ok /junos/events/kernel/interfaces/ifd/add/ge-0/0/3 KERNEL_EVENT_IFD_ADD",
                    "ok /junos/events/genpub/config-update CONFIG_UPDATE");
        }
    }

    @Test
    void aFailedExpectationExitsOneNamingTheStep() throws Exception {
        Path scenario = Files.createTempFile("expect", ".yaml");
        Files.writeString(scenario, """
                steps:
                  - syslog: UI_COMMIT_COMPLETED
                  - expect-message: { filter: "myapp/actions/#", timeout: 200ms }
                """);

        CliHarness.Result result = CliHarness.run("run", scenario.toString(), "--port", "0", "--virtual-time");

        assertThat(result.exitCode()).isEqualTo(ExitCode.SCENARIO_FAILED);
        assertThat(result.out()).contains("FAIL " + scenario.getFileName().toString().replace(".yaml", "") + ": "
                + scenario + ":3:5: expect-message: no message on myapp/actions/# within 200ms");
        assertThat(result.out()).contains("1 scenario: 0 passed, 1 failed");
    }

    @Test
    void anUnreachableBrokerIsAnEnvironmentFailure() throws Exception {
        Path scenario = Files.createTempFile("raw", ".yaml");
        Files.writeString(scenario, "steps:\n  - syslog: UI_COMMIT_COMPLETED\n");

        CliHarness.Result result = CliHarness.run("run", scenario.toString(), "--broker", "tcp://127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(result.err()).startsWith("jetemu: cannot connect to tcp://127.0.0.1:1");
    }

    /** Each file of the corpus is one known mistake and ends with the lines validate must print for it. */
    @Test
    void validateReportsEveryMistakeOfTheErrorCorpusExactlyAndExitsTwo() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(ERROR_CORPUS)) {
            samples = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            List<String> expected = Files.readAllLines(sample).stream()
                    .filter(line -> line.startsWith("# expect: "))
                    .map(line -> sample + ":" + line.substring("# expect: ".length()))
                    .toList();

            CliHarness.Result result = CliHarness.run("validate", sample.toString());

            assertThat(result.exitCode()).as(sample.toString()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(result.err().lines()).as(sample.toString()).containsExactlyElementsOf(expected);
            assertThat(result.err()).doesNotContain("\tat ", "Exception");
        }
    }

    @Test
    void validateAcceptsTheWholeLibrary() {
        CliHarness.Result result = CliHarness.run("validate", LIBRARY.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("scenarios/interface-flap.yaml: valid");
    }
}
