package dev.jetemu.diagnostics;

/**
 * A place in a user's file, as editors count: the first character of the file is line 1, column 1.
 */
public record Position(int line, int column) {

    /** Where a problem with the file as a whole (it cannot be read, say) is reported. */
    public static final Position START = new Position(1, 1);

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position " + line + ":" + column + " is not 1-based");
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
