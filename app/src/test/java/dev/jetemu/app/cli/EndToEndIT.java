package dev.jetemu.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JET application and a scenario suite, end to end: the link monitor of {@code /e2e/link_monitor.py}
 * (Python, paho-mqtt) reacts to IFD events by publishing alerts on its own topic, the suite of
 * {@code /e2e/suite} asserts them with {@code expect-message}, and {@code jetemu run --report}
 * writes the JUnit XML that CI would read. The second scenario fails on purpose, so the report
 * holds a pass and a failure.
 *
 * <p>The interpreter is {@code /usr/bin/python3} with Debian's python3-paho-mqtt, or the one named by
 * the system property {@code jetemu.e2e.python} (for a paho-mqtt 2.x in a virtualenv). Without it
 * the test is skipped, except in CI ({@code CI=true}), where it fails.
 */
class EndToEndIT {

    private static final String PYTHON = System.getProperty("jetemu.e2e.python", "/usr/bin/python3");
    private static final String ALERTS = "app/link-monitor/alerts";
    private static final String FAILING_REASON = "no message on " + ALERTS
            + " containing {\"interface\":\"ge-0/0/0\",\"state\":\"down\"} within 2s";

    @TempDir
    Path dir;

    @Test
    void theLinkMonitorsAlertsAreExpectedByTheSuiteAndReportedAsJUnit() throws Exception {
        String paho = pahoVersion();
        Path suite = resource("/e2e/suite");
        Path passing = suite.resolve("01-link-down-alert.yaml");
        Path failing = suite.resolve("02-wrong-expectation.yaml");
        Path report = dir.resolve("report.xml");
        int port = RunCommandIT.freePort();

        try (JetemuProcess jetemu = JetemuProcess.start("run", suite.toString(), "--port", String.valueOf(port),
                "--virtual-time", "--start-time", "2026-01-01T00:00:00Z", "--report", report.toString());
             Application monitor = Application.start(PYTHON, resource("/e2e/link_monitor.py").toString(),
                     "127.0.0.1", String.valueOf(port), "link-monitor")) {
            // Started with jetemu's JVM still starting: the monitor retries until the broker listens.
            assertThat(jetemu.awaitReady()).isEqualTo(port);
            List<String> alerts;
            // The first scenario waits for this dashboard too, so it cannot miss an alert.
            try (Subscriber dashboard = Subscriber.connect(port, ALERTS)) {
                int exitCode = jetemu.awaitExit(120);
                alerts = dashboard.payloads();
                assertThat(exitCode).as("paho-mqtt %s; jetemu: %s %s; monitor: %s %s", paho, jetemu.out(),
                        jetemu.err(), monitor.out, monitor.err).isEqualTo(ExitCode.SCENARIO_FAILED);
            }

            String failure = failing + ":" + stepPosition(failing, "expect-message") + ": expect-message: "
                    + FAILING_REASON;
            // The process is gone; the last of its output may still be on its way to the reader.
            awaitLines(jetemu.out(), lines -> lines.stream().anyMatch(line -> line.matches("\\d+ scenarios: .*")));
            assertThat(jetemu.out()).anyMatch(line -> line.startsWith("PASS 01-link-down-alert (5 events, "))
                    .contains("FAIL 02-wrong-expectation: " + failure)
                    .endsWith("2 scenarios: 1 passed, 1 failed");

            assertReport(report, passing, failing, failure);

            // The application's side: what it says it did, and what another client received.
            awaitLines(monitor.out, lines -> lines.size() >= 4);
            assertThat(monitor.out).as("the monitor's stdout; stderr: %s", monitor.err)
                    .startsWith("subscribed", "alert ge-0/0/1 down", "alert ge-0/0/1 up", "alert ge-0/0/1 down");
            assertThat(alerts).hasSize(3);
            assertAlert(alerts.get(0), "down");
            assertAlert(alerts.get(1), "up");
            assertAlert(alerts.get(2), "down");

            assertThat(monitor.terminate(10)).as("the monitor's exit code after SIGTERM; stderr: %s", monitor.err)
                    .isZero();
        }
    }

    private static void assertReport(Path report, Path passing, Path failing, String failureText) throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element testsuite = xml.getDocumentElement();
        assertThat(testsuite.getTagName()).isEqualTo("testsuite");
        assertThat(testsuite.getAttribute("tests")).isEqualTo("2");
        assertThat(testsuite.getAttribute("failures")).isEqualTo("1");
        assertThat(testsuite.getAttribute("errors")).isEqualTo("0");
        NodeList testcases = testsuite.getElementsByTagName("testcase");
        assertThat(testcases.getLength()).isEqualTo(2);

        Element first = (Element) testcases.item(0);
        assertThat(first.getAttribute("name")).isEqualTo("01-link-down-alert");
        assertThat(first.getAttribute("classname")).isEqualTo(passing.toString());
        assertThat(first.getElementsByTagName("failure").getLength()).isZero();
        assertThat(first.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("5 events published");

        Element second = (Element) testcases.item(1);
        assertThat(second.getAttribute("name")).isEqualTo("02-wrong-expectation");
        assertThat(second.getAttribute("classname")).isEqualTo(failing.toString());
        NodeList failures = second.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        int line = Integer.parseInt(stepPosition(failing, "expect-message").split(":")[0]);
        assertThat(failure.getAttribute("type")).isEqualTo("expect-message");
        assertThat(failure.getAttribute("message")).isEqualTo("expect-message at line " + line + ": " + FAILING_REASON);
        assertThat(failure.getTextContent()).isEqualTo(failureText);
    }

    private static void assertAlert(String payload, String state) throws IOException {
        JsonNode alert = new ObjectMapper().readTree(payload);
        assertThat(alert.get("interface").asText()).as(payload).isEqualTo("ge-0/0/1");
        assertThat(alert.get("state").asText()).as(payload).isEqualTo(state);
        assertThat(alert.get("snmp-id").isInt()).as(payload).isTrue();
        assertThat(alert.get("snmp-id").asInt()).as(payload).isEqualTo(527);
        assertThat(alert.get("hostname").asText()).as(payload).isEqualTo("vmx1");
        assertThat(Instant.parse(alert.get("time").asText())).as(payload)
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Gives a process's output up to 5 s to reach {@code lines}; the assertions that follow say what is missing. */
    private static void awaitLines(List<String> lines, Predicate<List<String>> complete) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!complete.test(lines) && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
    }

    /** "LINE:COLUMN" of the only step with this keyword, as the scenario file has it. */
    private static String stepPosition(Path scenario, String keyword) throws IOException {
        List<String> lines = Files.readAllLines(scenario);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("- " + keyword + ":")) {
                found.add((i + 1) + ":" + (line.indexOf(keyword) + 1));
            }
        }
        assertThat(found).as("%s steps in %s", keyword, scenario).hasSize(1);
        return found.get(0);
    }

    /** The version of paho-mqtt the interpreter imports; skips the test (fails it in CI) without one. */
    private static String pahoVersion() throws Exception {
        String version = null;
        if (Files.isExecutable(Path.of(PYTHON))) {
            Process check = new ProcessBuilder(PYTHON, "-c", "import paho.mqtt; print(paho.mqtt.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                version = out;
            }
        }
        if (version == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(PYTHON + " with python3-paho-mqtt is missing; .ci/run installs it");
        }
        Assumptions.assumeTrue(version != null, "skipped: " + PYTHON + " with paho-mqtt is not installed");
        return version;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EndToEndIT.class.getResource(name).toURI());
    }

    /** The Python application in its own process, its stdout and stderr kept line by line. */
    private static final class Application implements AutoCloseable {
        private final Process process;
        final List<String> out = new CopyOnWriteArrayList<>();
        final List<String> err = new CopyOnWriteArrayList<>();

        private Application(Process process) {
            this.process = process;
            JetemuProcess.drain(process.getInputStream(), out, "link-monitor-output");
            JetemuProcess.drain(process.getErrorStream(), err, "link-monitor-errors");
        }

        static Application start(String... command) throws IOException {
            return new Application(new ProcessBuilder(command).start());
        }

        /** Sends SIGTERM and returns the exit code, failing if the process is not gone within {@code seconds}. */
        int terminate(int seconds) throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS))
                    .as("the application stops within %d s of SIGTERM", seconds).isTrue();
            return process.exitValue();
        }

        /** Whatever happened: the process must not outlive the test. */
        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
