package dev.jetemu.app.settings;

import dev.jetemu.app.config.EmulatorConfig;
import dev.jetemu.broker.BrokerSettings;

import java.util.List;

/**
 * Everything {@code serve} runs with, once the configuration file and the command line are
 * merged: what the start-up report shows.
 *
 * @param broker      the notification broker's settings
 * @param hostname    the device's host name, as events carry it
 * @param httpPort    the control API's port; 0 for any free port, {@link #HTTP_OFF} for none
 * @param allowSource where allow-clients came from
 * @param warnings    what the user should know before relying on this configuration
 */
public record EmulatorSettings(
        BrokerSettings broker,
        String hostname,
        int httpPort,
        AllowSource allowSource,
        List<String> warnings) {

    public static final String DEFAULT_HOSTNAME = "jetemu";
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** No control API: {@code --http-port off}. */
    public static final int HTTP_OFF = EmulatorConfig.HTTP_OFF;

    /** Whether the control API is to be served. */
    public boolean serveHttp() {
        return httpPort != HTTP_OFF;
    }

    public EmulatorSettings {
        warnings = List.copyOf(warnings);
    }

    /** The same settings, saying that allow-clients came from elsewhere. */
    public EmulatorSettings withAllowSource(AllowSource source) {
        return new EmulatorSettings(broker, hostname, httpPort, source, warnings);
    }
}
