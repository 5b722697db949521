package dev.jetemu.bench;

/** A mistake on the command line: reported in one line with what was expected, exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
