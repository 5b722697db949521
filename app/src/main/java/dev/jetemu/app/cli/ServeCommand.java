package dev.jetemu.app.cli;

import dev.jetemu.app.Emulator;
import dev.jetemu.app.http.ControlApi;
import dev.jetemu.app.metrics.JetemuMetrics;
import dev.jetemu.app.RunResult;
import dev.jetemu.app.Timing;
import dev.jetemu.app.live.BundledScenarios;
import dev.jetemu.app.settings.EmulatorSettings;
import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jetemu serve}: the notification broker of an emulated device, its live device, and the
 * control API, up until SIGINT or SIGTERM.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Runs the emulated device's notification broker until interrupted (SIGINT or SIGTERM), "
                + "with the HTTP control API and live page.",
                "Prints where it listens, the allow-clients in force and the host name, then the line 'Ready.'."},
        footer = {"", EnvironmentDefaults.HELP})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BrokerOptions options;

    @Option(names = "--scenario", paramLabel = "SCENARIO", split = EnvironmentDefaults.LIST_SEPARATOR,
            description = "Once ready, run this scenario (a file, or a bundled scenario's name) on the live device. "
                    + "Repeatable: run in order.")
    private List<String> scenarios = new ArrayList<>();

    @Option(names = "--qos", paramLabel = "N", description = "QoS of the device's messages: 0, 1 or 2 (default 0, "
            + "as on the device).")
    private int qos;

    @Override
    public Integer call() throws Exception {
        if (qos < 0 || qos > 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    EnvironmentDefaults.origin(spec.commandLine(), "--qos", String.valueOf(qos)) + ": expected 0, 1 or 2");
        }
        EmulatorSettings settings = options.resolve(spec.commandLine());
        BundledScenarios library = BundledScenarios.onClassPath();
        List<Scenario> whenReady = load(library);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        settings.warnings().forEach(warning -> err.println("warning: " + warning));
        err.flush();
        ShutdownSignals signals = ShutdownSignals.install();
        try (JetemuMetrics metrics = JetemuMetrics.create();
             Emulator emulator = Emulator.builder().settings(settings).qos(qos).bundledScenarios(library)
                     .listener(metrics.runListener(RunListener.NONE))
                     .accessListener(metrics.accessListener())
                     .deliveryListener(metrics.deliveryListener())
                     .onFinished(metrics::scenarioFinished)
                     .metrics(ControlApi.Metrics.of(metrics::scrape, metrics.contentType()))
                     .start()) {
            metrics.watchBroker(() -> emulator.embeddedBroker().running());
            StartupReport.print(out, settings, emulator.localAddress(), emulator.httpPort());
            runWhenReady(emulator, whenReady, out, signals);
            signals.await();
        }
        return ExitCode.OK;
    }

    /** Every --scenario, loaded and dry-run before anything starts: a mistake is exit 2, as for run. */
    private List<Scenario> load(BundledScenarios library) {
        List<Scenario> loaded = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (String scenario : scenarios) {
            Path file = Path.of(scenario);
            boolean isFile = Files.exists(file) || scenario.endsWith(".yaml") || scenario.endsWith(".yml");
            try {
                if (isFile) {
                    loaded.add(ScenarioLoader.loadAndCheck(file));
                } else {
                    loaded.add(library.load(scenario).orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(), EnvironmentDefaults.origin(spec.commandLine(), "--scenario", scenario)
                            + ": " + library.unknown(scenario)
                            + ", or a scenario file")));
                }
            } catch (UserInputException e) {
                errors.addAll(e.diagnostics());
            }
        }
        if (!errors.isEmpty()) {
            throw new UserInputException(errors);
        }
        return loaded;
    }

    /**
     * Runs the start-up scenarios in order; SIGINT or SIGTERM stops them, and serve, at once, since
     * one may wait a minute for subscribers that never come.
     */
    private static void runWhenReady(Emulator emulator, List<Scenario> scenarios, PrintWriter out,
                                     ShutdownSignals signals) throws InterruptedException {
        signals.interruptOnSignal(Thread.currentThread());
        try {
            for (Scenario scenario : scenarios) {
                runWhenReady(emulator, scenario, out);
            }
        } catch (InterruptedException e) {
            if (!signals.received()) {
                throw e;
            }
            out.println("Stopped while running the start-up scenarios.");
            out.flush();
        } finally {
            signals.interruptOnSignal(null);
            if (signals.received()) {
                Thread.interrupted(); // a signal that came as the last scenario ended: serve stops anyway
            }
        }
    }

    private static void runWhenReady(Emulator emulator, Scenario scenario, PrintWriter out)
            throws InterruptedException {
        RunResult result = emulator.run(scenario, Timing.realTime());
        out.println(result.passed() ? "PASS " + result.name() + " (" + result.eventsPublished() + " events)"
                : "FAIL " + result.name() + ": " + result.failure().orElseThrow());
        out.flush();
    }
}
