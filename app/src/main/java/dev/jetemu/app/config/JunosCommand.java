package dev.jetemu.app.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The configuration-mode commands that can start a line of {@code display set} output or a hand-written set file. */
enum JunosCommand {
    SET,
    DEACTIVATE,
    ACTIVATE,
    DELETE,
    INSERT,
    ANNOTATE,
    PROTECT;

    private final String word = name().toLowerCase(Locale.ROOT);

    static Optional<JunosCommand> of(String word) {
        return Arrays.stream(values()).filter(command -> command.word.equals(word)).findFirst();
    }

    String word() {
        return word;
    }

    /**
     * Whether the command takes statements out of force. The emulator applies {@code set} lines in
     * order and cannot undo one, so such a command on a statement it applies is refused rather than
     * silently not honoured.
     */
    boolean removesStatements() {
        return this == DELETE || this == DEACTIVATE;
    }

    /** Whether the command changes what is configured at all; the others comment, order or lock statements. */
    boolean changesValues() {
        return this == SET || removesStatements();
    }
}
