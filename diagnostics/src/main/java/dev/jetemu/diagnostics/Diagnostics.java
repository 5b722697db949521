package dev.jetemu.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects what is wrong with one file, so that a loader can go on after the first mistake and the
 * user can fix them all in one pass.
 */
public final class Diagnostics {

    private static final Comparator<Diagnostic> IN_FILE_ORDER =
            Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column);

    private final String file;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> notes = new ArrayList<>();

    /** @param file the file's name as the user wrote it, which is how every diagnostic names it */
    public Diagnostics(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void error(Position at, String message) {
        errors.add(Diagnostic.error(file, at, message));
    }

    public void note(Position at, String message) {
        notes.add(Diagnostic.note(file, at, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors so far, ordered by their place in the file (a stable sort: same place, same order as found). */
    public List<Diagnostic> errors() {
        return errors.stream().sorted(IN_FILE_ORDER).toList();
    }

    public List<Diagnostic> notes() {
        return notes.stream().sorted(IN_FILE_ORDER).toList();
    }

    /** @throws UserInputException listing every error, when there is at least one */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new UserInputException(errors());
        }
    }
}
