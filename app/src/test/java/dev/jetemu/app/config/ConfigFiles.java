package dev.jetemu.app.config;

import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Writes configuration files where a test can load them, and reads back what loading reported. */
final class ConfigFiles {

    /** The statement path every notification set line starts with; its next token is at column 52. */
    static final String NOTIFICATION = "set system services extension-service notification ";

    private ConfigFiles() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every diagnostic the failed load reported, as the user sees them. */
    static List<String> errors(Path file) {
        UserInputException failure = catchThrowableOfType(UserInputException.class, () -> ConfigLoader.load(file));
        assertThat(failure).as("loading %s should fail", file).isNotNull();
        return failure.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    static List<String> notes(EmulatorConfig config) {
        return config.notes().stream().map(Diagnostic::toString).toList();
    }

    /** The rule an address or prefix entry becomes: written as given, matching that network. */
    static AllowRule rule(String written) {
        return new AllowRule(written, AddressPrefix.parse(written).orElseThrow());
    }
}
