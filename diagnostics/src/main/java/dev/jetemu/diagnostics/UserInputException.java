package dev.jetemu.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The user's input (a configuration or scenario file, say) is wrong. The command line reports the
 * diagnostics as they are, one per line, and exits with the "invalid input" code; the stack trace is
 * of no use to the user and is not shown.
 */
public class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public UserInputException(List<Diagnostic> diagnostics) {
        super(joined(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public UserInputException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    /** Every problem found, in the order the user should read them; never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String joined(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a UserInputException needs at least one diagnostic");
        }
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
