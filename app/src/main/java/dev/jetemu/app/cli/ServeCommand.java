package dev.jetemu.app.cli;

import dev.jetemu.app.settings.EmulatorSettings;
import dev.jetemu.broker.NotificationBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code jetemu serve}: the notification broker of an emulated device, up until SIGINT or SIGTERM. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Runs the emulated device's notification broker until interrupted (SIGINT or SIGTERM).",
                "Prints where it listens, the allow-clients in force and the host name, then the line 'Ready.'."},
        footer = {"", EnvironmentDefaults.HELP})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BrokerOptions options;

    @Override
    public Integer call() throws Exception {
        EmulatorSettings settings = options.resolve(spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        settings.warnings().forEach(warning -> err.println("warning: " + warning));
        err.flush();
        ShutdownSignals signals = ShutdownSignals.install();
        try (NotificationBroker broker = NotificationBroker.start(settings.broker())) {
            StartupReport.print(spec.commandLine().getOut(), settings, broker.localAddress());
            signals.await();
        }
        return ExitCode.OK;
    }
}
