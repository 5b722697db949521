package dev.jetemu.diagnostics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagnosticTest {

    @Test
    void printsFileLineColumnAndMessageAsCompilersDo() {
        Diagnostic diagnostic = new Diagnostic("jetemu.yaml", 3, 9,
                "port 70000 is out of range; expected a whole number from 0 to 65535");

        assertThat(diagnostic).hasToString(
                "jetemu.yaml:3:9: port 70000 is out of range; expected a whole number from 0 to 65535");
        assertThat(diagnostic.isNote()).isFalse();
        assertThat(diagnostic.position()).isEqualTo(new Position(3, 9));
    }

    @Test
    void aNoteSaysSoInItsMessage() {
        Diagnostic note = Diagnostic.note("config.set", new Position(4, 1), "ignored 'set interfaces'");

        assertThat(note).hasToString("config.set:4:1: note: ignored 'set interfaces'");
        assertThat(note.isNote()).isTrue();
    }

    @Test
    void anErrorTakesItsPlaceFromAPosition() {
        assertThat(Diagnostic.error("a.yaml", new Position(2, 7), "bad; expected good"))
                .isEqualTo(new Diagnostic("a.yaml", 2, 7, "bad; expected good"));
    }

    @Test
    void linesAndColumnsCountFromOne() {
        assertThatThrownBy(() -> new Diagnostic("a.yaml", 0, 1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Position(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Position.START).isEqualTo(new Position(1, 1));
    }
}
