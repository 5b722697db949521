package dev.jetemu.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark harness end to end, small: every case on both brokers, a few thousand events,
 * one run. It checks that the harness works and that nothing was lost, never how fast anything
 * was: speed is what the benchmark itself reports.
 */
class DeliveryBenchmarkSmokeIT {

    @Test
    void everyCaseDeliversEveryEventAndGetsARowOfFigures(@TempDir Path folder) throws Exception {
        requireMosquitto();
        Path report = folder.resolve("benchmarks.md");
        BenchOptions options = BenchOptions.parse("--events", "3000", "--runs", "1", "--warmup", "1000",
                "--out", report.toString());

        DeliveryBenchmark.Outcome outcome = new DeliveryBenchmark(options, System.err).run();

        assertThat(outcome.summaries()).extracting(CaseSummary::spec).containsExactlyElementsOf(CaseSpec.ALL);
        assertThat(outcome.results()).hasSize(CaseSpec.ALL.size() * 2 * 2); // (warm-up + 1 run) x 2 brokers
        for (RunResult result : outcome.results()) {
            assertThat(result.problems()).as("%s on %s, run %d", result.spec().label(), result.broker(), result.run())
                    .isEmpty();
        }
        String markdown = Files.readString(report);
        for (CaseSpec spec : CaseSpec.ALL) {
            // case | jetemu events/s | Mosquitto events/s | ratio | jetemu CPU | Mosquitto CPU | CPU ratio | result
            // (the CPU ratio may be "–": a short run can take Mosquitto less than one 10 ms tick)
            Pattern row = Pattern.compile("^\\| " + Pattern.quote(spec.label())
                    + " \\| [\\d,]+ \\| [\\d,]+ \\| \\d+\\.\\d\\d \\| \\d+\\.\\d \\| \\d+\\.\\d \\| (\\d+\\.\\d\\d|–) \\| ok \\|$",
                    Pattern.MULTILINE);
            assertThat(row.matcher(markdown).find()).as("a row of figures for %s in%n%s", spec.label(), markdown)
                    .isTrue();
        }
    }

    /** Skipped where Mosquitto is not installed, except in CI (CI=true), whose .ci/run installs it. */
    private static void requireMosquitto() {
        Path mosquitto = BenchOptions.DEFAULT_MOSQUITTO;
        boolean present = Files.isExecutable(mosquitto);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(mosquitto + " is missing; CI must install it (apt-get install mosquitto)");
        }
        Assumptions.assumeTrue(present, () -> "skipped: the benchmark compares with Eclipse Mosquitto and "
                + mosquitto + " is not installed (apt-get install mosquitto)");
    }
}
