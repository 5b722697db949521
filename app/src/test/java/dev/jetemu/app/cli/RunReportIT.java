package dev.jetemu.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The reports of {@code run --report}: JUnit XML that CI parses, and the JSON log of what was published. */
class RunReportIT {

    @TempDir
    Path dir;

    @Test
    void theJUnitReportHasATestcasePerScenarioAndNamesTheFailingStep() throws Exception {
        Path suite = Files.createDirectory(dir.resolve("suite"));
        Files.writeString(suite.resolve("a-commit.yaml"), "steps:\n  - syslog: UI_COMMIT_COMPLETED\n");
        Files.writeString(suite.resolve("b-expects-an-answer.yaml"), """
                steps:
                  - config-update: lab
                  - expect-message: { filter: "myapp/ack/#", timeout: 100ms }
                """);
        Path report = dir.resolve("report.xml");

        CliHarness.Result result = CliHarness.run("run", suite.toString(), "--port", "0", "--virtual-time",
                "--report", report.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.SCENARIO_FAILED);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element testsuite = xml.getDocumentElement();
        assertThat(testsuite.getTagName()).isEqualTo("testsuite");
        assertThat(testsuite.getAttribute("tests")).isEqualTo("2");
        assertThat(testsuite.getAttribute("failures")).isEqualTo("1");
        NodeList testcases = testsuite.getElementsByTagName("testcase");
        assertThat(((Element) testcases.item(0)).getAttribute("name")).isEqualTo("a-commit");
        assertThat(((Element) testcases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        Element failure = (Element) ((Element) testcases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("expect-message");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("expect-message at line 3: no message on myapp/ack/# within 100ms");
        assertThat(failure.getTextContent()).isEqualTo(suite.resolve("b-expects-an-answer.yaml")
                + ":3:5: expect-message: no message on myapp/ack/# within 100ms");
    }

    @Test
    void theJsonReportHoldsExactlyWhatASubscriberReceived() throws Exception {
        int port = RunCommandIT.freePort();
        Path report = dir.resolve("events.json");
        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(() -> CliHarness.run("run",
                RunCommandIT.resource("every-event.yaml").toString(), "--port", String.valueOf(port),
                "--virtual-time", "--start-time", "2026-01-01T00:00:00Z", "--report", report.toString()));
        try (Subscriber first = Subscriber.connect(port, "/junos/events/#");
             Subscriber second = Subscriber.connect(port, "/junos/events/#")) {

            CliHarness.Result result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            await().atMost(10, TimeUnit.SECONDS).until(() -> first.count() >= 28);

            JsonNode events = new ObjectMapper().readTree(report.toFile()).get("events");
            assertThat(events).hasSize(28);
            List<String> reportedTopics = new ArrayList<>();
            for (JsonNode event : events) {
                reportedTopics.add(event.get("topic").asText());
                assertThat(event.get("scenario").asText()).isEqualTo("every-event");
                assertThat(event.get("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
            }
            assertThat(events.get(0).get("sequence").asLong()).isEqualTo(1);
            assertThat(events.get(27).get("sequence").asLong()).isEqualTo(28);
            assertThat(reportedTopics).isEqualTo(first.topics());
            ObjectMapper json = new ObjectMapper();
            for (int i = 0; i < 28; i++) {
                assertThat(events.get(i).get("payload"))
                        .isEqualTo(json.readTree(first.payloads().get(i).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void aReportThatCannotBeWrittenIsAUsageError() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), "steps: []\n");

        CliHarness.Result wrongKind = CliHarness.run("run", scenario.toString(), "--report", "out.txt");
        CliHarness.Result noFolder = CliHarness.run("run", scenario.toString(), "--report",
                dir.resolve("missing/report.xml").toString());

        assertThat(wrongKind.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(wrongKind.err()).startsWith("jetemu: --report out.txt: expected a file ending in .xml");
        assertThat(noFolder.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noFolder.err()).contains("does not exist or cannot be written");
    }
}
