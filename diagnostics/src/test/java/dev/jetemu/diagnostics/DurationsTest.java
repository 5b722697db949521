package dev.jetemu.diagnostics;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Test
    void readsEveryUnit() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsWhatIsNotADuration() {
        assertThatThrownBy(() -> Durations.parse("10"))
                .hasMessage("'10' is not a duration; expected a number with a unit, ms, s, m or h, such as 10s or 500ms");
        assertThatThrownBy(() -> Durations.parse("10 sec")).hasMessageStartingWith("'10 sec' is not a duration");
        assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageStartingWith("'-1s' is not a duration");
    }

    @Test
    void formatsWhatItReads() {
        assertThat(Durations.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.parse(Durations.format(Duration.ofMillis(250)))).isEqualTo(Duration.ofMillis(250));
    }
}
