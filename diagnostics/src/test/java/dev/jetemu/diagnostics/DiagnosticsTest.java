package dev.jetemu.diagnostics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DiagnosticsTest {

    @Test
    void errorsAreListedInFileOrderWhateverOrderTheyWereFoundIn() {
        Diagnostics diagnostics = new Diagnostics("c.yaml");
        diagnostics.error(new Position(5, 1), "late");
        diagnostics.error(new Position(2, 9), "early, right");
        diagnostics.error(new Position(2, 3), "early, left");
        diagnostics.error(new Position(2, 3), "early, left, found second");

        UserInputException e = catchThrowableOfType(UserInputException.class, diagnostics::throwIfErrors);

        assertThat(e.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "c.yaml:2:3: early, left",
                "c.yaml:2:3: early, left, found second",
                "c.yaml:2:9: early, right",
                "c.yaml:5:1: late");
    }

    @Test
    void notesAloneDoNotFailTheFile() {
        Diagnostics diagnostics = new Diagnostics("c.set");
        diagnostics.note(new Position(4, 1), "ignored 'set snmp'");

        diagnostics.throwIfErrors();

        assertThat(diagnostics.hasErrors()).isFalse();
        assertThat(diagnostics.notes()).extracting(Diagnostic::toString)
                .containsExactly("c.set:4:1: note: ignored 'set snmp'");
    }

    @Test
    void notesAreNotErrors() {
        Diagnostics diagnostics = new Diagnostics("c.set");
        diagnostics.note(new Position(1, 1), "a note");
        diagnostics.error(new Position(2, 1), "an error");

        assertThatThrownBy(diagnostics::throwIfErrors).hasMessage("c.set:2:1: an error");
    }
}
