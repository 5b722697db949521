package dev.jetemu.diagnostics;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a user's text file, turning every way that can fail into one diagnostic the user can act on. */
public final class TextFiles {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextFiles() {
    }

    /**
     * The file's text as UTF-8, without a leading byte-order mark (editors on Windows add one, and it
     * would otherwise shift the first column).
     *
     * @param description what the file is, for the message: {@code configuration file}
     * @param expectation what the user should give instead: {@code a readable YAML file}
     * @throws UserInputException {@code FILE:1:1: cannot read DESCRIPTION: REASON; expected EXPECTATION}
     */
    public static String read(Path file, String description, String expectation) {
        String reason;
        if (Files.isDirectory(file)) {
            reason = "it is a directory";
        } else {
            try {
                String text = Files.readString(file);
                return text.isEmpty() || text.charAt(0) != BYTE_ORDER_MARK ? text : text.substring(1);
            } catch (NoSuchFileException e) {
                reason = "no such file";
            } catch (AccessDeniedException e) {
                reason = "permission denied";
            } catch (CharacterCodingException e) {
                reason = "it is not UTF-8 text";
            } catch (IOException e) {
                reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            }
        }
        throw new UserInputException(Diagnostic.error(file.toString(), Position.START,
                "cannot read " + description + ": " + reason + "; expected " + expectation));
    }
}
