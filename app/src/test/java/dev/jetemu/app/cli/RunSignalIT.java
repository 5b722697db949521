package dev.jetemu.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CI job cancelled in the middle of a suite: SIGTERM stops {@code jetemu run} within 2 s, with
 * exit 1 and the reports of the scenarios that had ended.
 */
class RunSignalIT {

    @TempDir
    Path dir;

    @Test
    void sigtermInTheMiddleOfAScenarioStopsTheRunAtOnceAndKeepsAPartialReport() throws Exception {
        Path suite = Files.createDirectory(dir.resolve("suite"));
        Files.writeString(suite.resolve("01-quick.yaml"), "steps:\n  - syslog: UI_COMMIT_COMPLETED\n");
        Files.writeString(suite.resolve("02-long.yaml"), "steps:\n  - syslog: UI_COMMIT\n  - sleep: 10m\n");
        Files.writeString(suite.resolve("03-never.yaml"), "steps:\n  - syslog: UI_LOGIN_EVENT\n");
        Path junit = dir.resolve("report.xml");
        Path events = dir.resolve("events.json");

        try (JetemuProcess jetemu = JetemuProcess.start("run", suite.toString(), "--port", "0",
                "--report", junit.toString(), "--report", events.toString())) {
            jetemu.awaitReady();
            await().atMost(30, TimeUnit.SECONDS).until(() -> jetemu.out().stream().anyMatch(l -> l.startsWith("PASS 01-quick")));
            Thread.sleep(300);

            long sent = System.nanoTime();
            int exitCode = jetemu.terminateAndKeepOutput(10);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

            assertThat(exitCode).as(String.join("\n", jetemu.err())).isEqualTo(ExitCode.SCENARIO_FAILED);
            assertThat(tookMillis).as("exit after SIGTERM, ms").isLessThan(2000);
            await().atMost(5, TimeUnit.SECONDS).until(() -> jetemu.err().stream().anyMatch(line -> line.equals(
                    "jetemu: stopped by a signal during scenario 2 of 3; the reports hold the 1 that ended")));
        }
        Document report = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList testcases = report.getElementsByTagName("testcase");
        assertThat(testcases.getLength()).isEqualTo(1);
        assertThat(((Element) testcases.item(0)).getAttribute("name")).isEqualTo("01-quick");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(events.toFile())).as("valid JSON")
                .isNotNull();
        assertThat(Files.readString(events)).contains("UI_COMMIT_COMPLETED", "/junos/events/syslog/UI_COMMIT\"")
                .doesNotContain("UI_LOGIN_EVENT");
    }
}
