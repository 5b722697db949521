package dev.jetemu.app.settings;

/** Where the allow-clients in force came from: the start-up report says it. */
public enum AllowSource {
    /** No configuration at all: loopback clients only. */
    DEFAULT_LOOPBACK("no configuration: loopback clients only"),
    /** The configuration file's allow-clients. */
    CONFIGURATION("from the configuration"),
    /** {@code --allow} on the command line, which replaces the configured list. */
    COMMAND_LINE("from --allow"),
    /** {@code JETEMU_ALLOW_CLIENTS}, {@code --allow}'s variable: the container's way. */
    ENVIRONMENT("from JETEMU_ALLOW_CLIENTS"),
    /** A configuration without allow-clients: nobody, as on Junos. */
    NOT_CONFIGURED("not configured: every client is refused, as on Junos");

    private final String explanation;

    AllowSource(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
