package dev.jetemu.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void defaultsMeasureEveryCaseThreeTimesWithTwoHundredThousandEvents() throws Exception {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.events()).isEqualTo(200_000);
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.warmupEvents()).isEqualTo(50_000);
        assertThat(options.cases()).isEqualTo(CaseSpec.ALL);
        assertThat(options.out()).isEqualTo(Path.of("docs/benchmarks.md"));
        assertThat(options.reproduceCommand()).isEqualTo("bench/run --events 200000 --runs 3");
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
        BenchOptions options = BenchOptions.parse("--events", "1000", "--runs", "1", "--cases", "qos0", "--out", "x.md");

        assertThat(options.warmupEvents()).isEqualTo(1000);
        assertThat(options.reproduceCommand()).isEqualTo("bench/run --events 1000 --runs 1 --cases qos0");
    }

    @Test
    void mistakesSayWhatWasExpected() {
        assertThatThrownBy(() -> BenchOptions.parse("--events", "many")).isInstanceOf(UsageException.class)
                .hasMessage("--events 'many': expected a whole number of at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("--cases", "qos2")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'qos2' matches no case; the cases are 1sub-qos0, 10sub-qos0");
        assertThatThrownBy(() -> BenchOptions.parse("--runs")).isInstanceOf(UsageException.class)
                .hasMessage("--runs needs a value; see --help");
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--fast'; see --help");
    }
}
