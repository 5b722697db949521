package dev.jetemu.app.cli;

import picocli.CommandLine;

/** The {@code --broker} option of {@code run} and {@code record}: an MQTT broker's address. */
final class BrokerUri {

    private static final String SHAPE = "(tcp|mqtt)://[^/:\\s]+(:[0-9]{1,5})?";

    private BrokerUri() {
    }

    /** @throws CommandLine.ParameterException naming the option and the expected shape */
    static String check(CommandLine commandLine, String uri) {
        if (!uri.matches(SHAPE) || port(uri) > 65_535 || port(uri) == 0) {
            throw new CommandLine.ParameterException(commandLine,
                    EnvironmentDefaults.origin(commandLine, "--broker", uri)
                            + ": expected tcp://HOST:PORT, such as tcp://127.0.0.1:1883");
        }
        return uri;
    }

    /** The port written, or 1883 (MQTT's) when none is. */
    private static int port(String uri) {
        int colon = uri.lastIndexOf(':');
        String digits = uri.substring(colon + 1);
        return digits.matches("[0-9]{1,5}") ? Integer.parseInt(digits) : 1883;
    }
}
