package dev.jetemu.app.settings;

import dev.jetemu.app.config.EmulatorConfig;
import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.access.AllowClients;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.flow.FlowSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges the configuration file and the command line into the settings {@code serve} runs
 * with: the command line wins, then the file, then the defaults. Without any configuration the
 * emulator admits loopback clients only; a configuration without allow-clients admits nobody,
 * as Junos does.
 */
public final class SettingsResolver {

    private SettingsResolver() {
    }

    private static FlowSettings flow(EmulatorConfig config) {
        FlowSettings defaults = FlowSettings.DEFAULTS;
        return defaults.withPolicy(config.delivery().slowSubscriberPolicy().orElse(defaults.policy()),
                config.delivery().gracePeriod().orElse(defaults.gracePeriod()));
    }

    /**
     * @param configFile the {@code --config} file, when one was given
     * @param config     what it says ({@link EmulatorConfig#none()} without a file)
     */
    public static EmulatorSettings resolve(Optional<Path> configFile, EmulatorConfig config,
                                           CommandLineOverrides commandLine) {
        List<String> warnings = new ArrayList<>();
        AllowSource source;
        List<AllowRule> allowed;
        if (commandLine.allow().isPresent()) {
            source = AllowSource.COMMAND_LINE;
            allowed = commandLine.allow().get();
        } else if (configFile.isEmpty()) {
            source = AllowSource.DEFAULT_LOOPBACK;
            allowed = AllowClients.loopback().rules();
        } else if (config.allowClients().isPresent()) {
            source = AllowSource.CONFIGURATION;
            allowed = config.allowClients().get();
            if (allowed.isEmpty()) {
                warnings.add(configFile.get() + " sets allow-clients to an empty list: every client will be refused");
            }
        } else {
            source = AllowSource.NOT_CONFIGURED;
            allowed = List.of();
            warnings.add(configFile.get() + " configures no allow-clients, so every client will be refused, "
                    + "as on Junos; add notification allow-clients to the file or pass --allow ADDR");
        }
        int port = commandLine.port().orElse(config.port().orElse(BrokerSettings.DEFAULT_PORT));
        BrokerSettings broker = new BrokerSettings(BrokerSettings.ALL_ADDRESSES, port, new AllowClients(allowed),
                config.maxConnections(), config.socketSendBufferSize(), config.users(),
                BrokerSettings.DEFAULT_MAX_MESSAGE_BYTES, flow(config));
        String hostname = commandLine.hostname().or(config::hostname).orElse(EmulatorSettings.DEFAULT_HOSTNAME);
        int httpPort = commandLine.httpPort().orElse(config.httpPort().orElse(EmulatorSettings.DEFAULT_HTTP_PORT));
        return new EmulatorSettings(broker, hostname, httpPort, source, warnings);
    }
}
