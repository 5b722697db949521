package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every scenario of the bundled library ({@code scenarios/} at the top of the project) loads and
 * dry-runs without an error, and keeps the library's conventions (see scenarios/FORMAT.md).
 */
class BundledScenariosTest {

    /** Surefire runs in the module's folder; the library is beside it. */
    private static final Path LIBRARY = Path.of("..", "scenarios");

    /** The first line of every scenario: editors that run yaml-language-server check the file against the schema. */
    static final String SCHEMA_LINE = "# yaml-language-server: $schema=../schema/scenario.schema.json";

    private static List<Path> library() throws IOException {
        try (Stream<Path> files = Files.list(LIBRARY)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theLibraryHasTheSituationsItPromises() throws IOException {
        assertThat(library()).extracting(file -> file.getFileName().toString()).contains(
                "interface-flap.yaml", "lag-member-failure.yaml", "bgp-route-churn.yaml", "address-renumbering.yaml",
                "firewall-filter-commit.yaml", "link-down-snmp-trap.yaml", "ipv6-bring-up.yaml",
                "maintenance-drain.yaml");
    }

    @TestFactory
    Stream<DynamicTest> eachScenarioLoadsAndDryRunsCleanly() throws IOException {
        return library().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario scenario;
            try {
                scenario = ScenarioLoader.loadAndCheck(file);
            } catch (UserInputException e) {
                throw new AssertionError(e.diagnostics().stream().map(Diagnostic::toString)
                        .collect(Collectors.joining("\n", "the scenario is not valid:\n", "")), e);
            }
            String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            assertThat(scenario.name()).isEqualTo(name);
            assertThat(scenario.description()).isNotBlank();
            assertThat(Files.readString(file)).as("the schema line, then the header comment")
                    .startsWith(SCHEMA_LINE + "\n# " + name + ": ")
                    .contains("An application should notice");
            assertThat(scenario.steps()).isNotEmpty();
            conventions(scenario);
        }));
    }

    /**
     * The suite runs each scenario with one subscriber and no application that answers: an await
     * must be satisfiable by one subscriber, and nothing may wait for an application's message.
     */
    private static void conventions(Scenario scenario) {
        List<Step> steps = new ArrayList<>();
        flatten(scenario.steps(), steps);
        assertThat(steps.get(0)).as("the first step").isInstanceOf(AwaitSubscribers.class);
        for (Step step : steps) {
            if (step instanceof AwaitSubscribers await) {
                assertThat(await.count()).as("subscribers awaited at " + await.at()).isEqualTo(1);
                assertThat(await.timeout()).as("timeout at " + await.at()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(30));
            } else if (step instanceof ExpectMessage expect) {
                fail("expect-message at " + expect.at() + ": no application answers in the suite");
            }
        }
    }

    private static void flatten(List<Step> steps, List<Step> into) {
        for (Step step : steps) {
            into.add(step);
            if (step instanceof Repeat repeat) {
                flatten(repeat.steps(), into);
            }
        }
    }
}
