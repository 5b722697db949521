package dev.jetemu.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole benchmark end to end, small: every section, both brokers (and Moquette on its own),
 * a few thousand events, one run, 10,000 routes for memory, one start of each. It checks that the
 * harness works and that every event arrived once, in order and as published; never how fast
 * anything was: speed is what the benchmark itself reports.
 */
class BenchmarkSmokeIT {

    /** Built by the app module's package phase, before this module's integration tests in a reactor build. */
    private static final Path JAR = Path.of("..", "app", "target", "jetemu.jar");

    @Test
    void everySectionRunsAndEveryEventArrivesOnceInOrder() throws Exception {
        require(BenchOptions.parse().mosquitto(), "the benchmark compares with Eclipse Mosquitto (apt-get install "
                + "mosquitto)");
        require(JAR, "start-up and memory run jetemu's packaged jar (mvn -pl app -am package)");
        Path report = Path.of("target", "benchmarks-smoke.md");
        BenchOptions options = BenchOptions.parse("--events", "2000", "--runs", "1", "--warmup", "500",
                "--latency-events", "1000", "--routes", "10000", "--startups", "1", "--jitter-rounds", "20",
                "--jar", JAR.toString(), "--out", report.toString());

        Benchmark.Outcome outcome = new Benchmark(options, System.err).run();
        Results results = outcome.results();

        assertThat(results.errors).isEmpty();
        // (warm-up + 1 run) x 4 cases x 2 brokers, and Moquette on the edge case
        assertThat(results.throughput).hasSize(2 * (CaseSpec.ALL.size() * 2 + 1));
        for (RunResult run : results.throughput) {
            // Moquette on its own is the edge section's reference, measured as it is: it drops QoS 0
            // messages by design and, on a loaded machine, has closed a subscriber's connection.
            // The report shows what it did; the smoke run holds jetemu and Mosquitto to every event.
            if (!run.broker().equals("Moquette")) {
                assertThat(run.problems()).as("%s on %s, run %d", run.spec().label(), run.broker(), run.run()).isEmpty();
                assertThat(run.elapsedNanos()).isPositive();
            }
        }
        // (warm-up + 1 run) x (QoS 0 and 1 on both brokers, and QoS 0 on Moquette)
        assertThat(results.latency).hasSize(2 * 5);
        for (LatencyResult run : results.latency) {
            if (!run.broker().equals("Moquette")) {
                assertThat(run.problems()).as("latency, QoS %d on %s, run %d", run.qos(), run.broker(), run.run())
                        .isEmpty();
                assertThat(run.latencies()).as("every event's latency, %s", run.broker()).hasSize(run.events());
            }
        }
        // (warm-up + 1 start) x (jetemu as the launcher starts it, as a plain jar, Mosquitto)
        assertThat(results.starts).hasSize(2 * 3).allSatisfy(start -> assertThat(start.problem()).isEmpty());
        assertThat(results.starts).extracting(StartupBenchmark.Start::broker).containsOnly(StartupBenchmark.JETEMU,
                StartupBenchmark.PLAIN_JAR, StartupBenchmark.MOSQUITTO);
        assertThat(results.memory.jetemu().problems()).isEmpty();
        assertThat(results.memory.jetemu().passed()).isTrue();
        assertThat(results.memory.jetemu().received()).isEqualTo(20_000);
        assertThat(results.memory.jetemu().heap().peakUsedBytes()).isPositive();
        assertThat(results.memory.mosquitto().problems()).isEmpty();
        assertThat(results.memory.mosquitto().received()).isEqualTo(20_000);
        assertThat(results.jitter).hasSize(SleepJitter.SLEEPS.size());
        assertThat(results.clocks).containsOnlyKeys("jetemu", "Moquette")
                .allSatisfy((broker, reading) -> assertThat(reading.between()).as(broker).isTrue());
        // outcome.ok() also counts the Moquette reference's runs, held to nothing above.
        assertThat(outcome.report()).isNotNull();

        String markdown = Files.readString(report);
        for (Section section : Section.values()) {
            assertThat(markdown).contains("## " + section.heading());
        }
        assertThat(markdown).contains("## Targets", "## The harness", "## Machine", "Load average",
                "bench/run --events 2000 --runs 1 --warmup 500 --latency-events 1000 --routes 10000 --startups 1 "
                        + "--jitter-rounds 20 --jar " + JAR);
        for (CaseSpec spec : CaseSpec.ALL) {
            // case | jetemu events/s | Mosquitto events/s | ratio | ≥ 1.5? | ...
            Pattern row = Pattern.compile("^\\| " + Pattern.quote(spec.label())
                    + " \\| [\\d,]+ \\| [\\d,]+ \\| \\d+\\.\\d\\d \\| (yes|no) \\|.* \\| ok \\|$", Pattern.MULTILINE);
            assertThat(row.matcher(markdown).find()).as("a row of figures for %s in%n%s", spec.label(), markdown)
                    .isTrue();
        }
    }

    /** Skipped where it is missing, except in CI (CI=true), whose .ci/run installs and builds everything. */
    private static void require(Path file, String why) {
        boolean present = Files.exists(file);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(file + " is missing: " + why);
        }
        Assumptions.assumeTrue(present, () -> "skipped: " + file + " is missing; " + why);
    }
}
