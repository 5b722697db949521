package dev.jetemu.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void defaultsMeasureEverySectionWithTheIssuesSizes() throws Exception {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.sections()).containsExactly(Section.values());
        assertThat(options.events()).isEqualTo(200_000);
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.warmupEvents()).isEqualTo(50_000);
        assertThat(options.cases()).isEqualTo(CaseSpec.ALL);
        assertThat(options.latencyEvents()).isEqualTo(50_000);
        assertThat(options.latencyWarmupEvents()).isEqualTo(10_000);
        assertThat(options.routes()).isEqualTo(1_000_000);
        assertThat(options.startups()).isEqualTo(5);
        assertThat(options.jitterRounds()).isEqualTo(300);
        assertThat(options.out()).isEqualTo(Path.of("docs/benchmarks.md"));
        assertThat(options.jar()).isEqualTo(Path.of("app/target/jetemu.jar"));
        assertThat(options.reproduceCommand()).isEqualTo("bench/run --events 200000 --runs 3");
    }

    @Test
    void sectionsAreSelectedByNameAndKeepTheReportsOrder() throws Exception {
        BenchOptions options = BenchOptions.parse("--only", "startup,latency");

        assertThat(options.sections()).containsExactly(Section.LATENCY, Section.STARTUP);
        assertThat(options.runs(Section.LATENCY)).isTrue();
        assertThat(options.runs(Section.THROUGHPUT)).isFalse();
        assertThat(options.reproduceCommand()).isEqualTo("bench/run --only startup,latency --events 200000 --runs 3");
    }

    @Test
    void casesAreSelectedByNameOrPartOfIt() throws Exception {
        assertThat(BenchOptions.parse("--cases", "qos1").cases()).extracting(CaseSpec::name)
                .containsExactly("1sub-qos1", "10sub-qos1");
        assertThat(BenchOptions.parse("--cases", "10sub-qos1,1sub").cases()).extracting(CaseSpec::name)
                .containsExactly("1sub-qos0", "1sub-qos1", "10sub-qos1");
    }

    @Test
    void theReproduceCommandCarriesWhatDiffersFromTheDefaults() throws Exception {
        BenchOptions options = BenchOptions.parse("--events", "1000", "--runs", "1", "--cases", "qos0", "--out", "x.md",
                "--latency-events", "2000", "--routes", "10000", "--startups", "1", "--jitter-rounds", "20");

        assertThat(options.warmupEvents()).isEqualTo(1000);
        assertThat(options.latencyWarmupEvents()).isEqualTo(2000);
        assertThat(options.reproduceCommand()).isEqualTo("bench/run --events 1000 --runs 1 --cases qos0 "
                + "--latency-events 2000 --routes 10000 --startups 1 --jitter-rounds 20");
    }

    @Test
    void mistakesSayWhatWasExpected() {
        assertThatThrownBy(() -> BenchOptions.parse("--events", "many")).isInstanceOf(UsageException.class)
                .hasMessage("--events 'many': expected a whole number of at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("--cases", "qos2")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'qos2' matches no case; the cases are 1sub-qos0, 10sub-qos0");
        assertThatThrownBy(() -> BenchOptions.parse("--only", "latency,speed")).isInstanceOf(UsageException.class)
                .hasMessage("--only: 'speed' is no section; expected a comma-separated list of throughput, latency, "
                        + "startup, memory, edge, jitter");
        assertThatThrownBy(() -> BenchOptions.parse("--runs")).isInstanceOf(UsageException.class)
                .hasMessage("--runs needs a value; see --help");
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--fast'; see --help");
    }

    @Test
    void theHelpNamesEveryOptionAndSection() {
        for (String option : new String[] {"--only", "--events", "--runs", "--warmup", "--cases", "--latency-events",
                "--routes", "--startups", "--jitter-rounds", "--out", "--mosquitto", "--jar"}) {
            assertThat(BenchOptions.USAGE).contains(option + " ");
        }
        for (Section section : Section.values()) {
            assertThat(BenchOptions.USAGE).contains(section.key());
        }
    }
}
