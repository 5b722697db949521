package dev.jetemu.diagnostics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserInputExceptionTest {

    @Test
    void theMessageIsEveryDiagnosticOnItsOwnLine() {
        UserInputException e = new UserInputException(List.of(
                new Diagnostic("a.yaml", 1, 1, "first; expected x"),
                new Diagnostic("a.yaml", 2, 3, "second; expected y")));

        assertThat(e).hasMessage("a.yaml:1:1: first; expected x\na.yaml:2:3: second; expected y");
        assertThat(e.diagnostics()).extracting(Diagnostic::line).containsExactly(1, 2);
    }

    @Test
    void thereIsAlwaysAtLeastOneDiagnostic() {
        assertThatThrownBy(() -> new UserInputException(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
