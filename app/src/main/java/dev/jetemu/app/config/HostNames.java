package dev.jetemu.app.config;

import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Position;

import java.util.Optional;

/** The device's host name, held to what Junos accepts for {@code system host-name}. */
final class HostNames {

    static final String EXPECTATION =
            "a Junos host name: letters, digits, hyphens and dots, 1 to 255 characters, no spaces";

    private static final int MAX_LENGTH = 255;

    private HostNames() {
    }

    /** @return the host name, or empty when it was reported as wrong */
    static Optional<String> check(String text, Position at, Diagnostics diagnostics) {
        String problem = problem(text);
        if (problem != null) {
            diagnostics.error(at, problem + "; expected " + EXPECTATION);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static String problem(String text) {
        if (text.isEmpty()) {
            return "host name is empty";
        }
        if (text.length() > MAX_LENGTH) {
            return "host name is " + text.length() + " characters long";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.');
            if (!allowed) {
                return "host name '" + text + "' contains " + (Character.isWhitespace(c) ? "a space" : "'" + c + "'");
            }
        }
        return null;
    }
}
