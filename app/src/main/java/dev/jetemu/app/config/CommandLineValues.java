package dev.jetemu.app.config;

import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Position;

import java.util.List;
import java.util.function.Function;

/**
 * The command-line options that override the configuration file, checked by the same rules
 * and in the same words as the file's settings. A wrong value throws
 * {@link IllegalArgumentException} whose message is {@code what is wrong; expected what}.
 */
public final class CommandLineValues {

    private CommandLineValues() {
    }

    /** {@code --allow}: an address, a prefix, or a host name resolved now. */
    public static List<AllowRule> allowEntry(String text) {
        return check(diagnostics -> AllowClientsEntry.resolve(text, Position.START, diagnostics));
    }

    /** {@code --port}: 0 to 65535, 0 for any free port. */
    public static int port(String text) {
        return check(diagnostics -> NumericSetting.PORT.read(text, Position.START, diagnostics)).getAsInt();
    }

    /** {@code --http-port}: 0 to 65535, 0 for any free port; {@code off} is -1. */
    public static int httpPort(String text) {
        return check(diagnostics -> NumericSetting.HTTP_PORT.read(text, Position.START, diagnostics)).getAsInt();
    }

    /** {@code --hostname}: a Junos host name. */
    public static String hostname(String text) {
        return check(diagnostics -> HostNames.check(text, Position.START, diagnostics)).orElseThrow();
    }

    private static <T> T check(Function<Diagnostics, T> reading) {
        Diagnostics diagnostics = new Diagnostics("command line");
        T value = reading.apply(diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalArgumentException(diagnostics.errors().stream()
                    .map(Diagnostic::message)
                    .findFirst()
                    .orElseThrow());
        }
        return value;
    }
}
