package dev.jetemu.diagnostics;

import java.util.Objects;

/**
 * One thing to tell the user about their file, printed the way compilers and editors expect:
 * {@code FILE:LINE:COLUMN: MESSAGE}.
 *
 * <p>A message reads {@code what is wrong; expected what}, so that the user learns the fix and not
 * only the fault. A note (something done on the user's behalf that they should know about, such as
 * a line that was skipped) is a diagnostic whose message starts with {@value #NOTE_PREFIX}; it does
 * not stop the file from loading.
 */
public record Diagnostic(String file, int line, int column, String message) {

    public static final String NOTE_PREFIX = "note: ";

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        new Position(line, column); // the same 1-based check, in one place
    }

    public static Diagnostic error(String file, Position at, String message) {
        return new Diagnostic(file, at.line(), at.column(), message);
    }

    public static Diagnostic note(String file, Position at, String message) {
        return new Diagnostic(file, at.line(), at.column(), NOTE_PREFIX + message);
    }

    public Position position() {
        return new Position(line, column);
    }

    public boolean isNote() {
        return message.startsWith(NOTE_PREFIX);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
