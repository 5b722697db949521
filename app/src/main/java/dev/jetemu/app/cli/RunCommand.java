package dev.jetemu.app.cli;

import dev.jetemu.app.publish.EmbeddedBroker;
import dev.jetemu.app.report.EventLog;
import dev.jetemu.app.report.JUnitReport;
import dev.jetemu.app.publish.ExternalBroker;
import dev.jetemu.app.settings.EmulatorSettings;
import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.sim.run.BrokerControl;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.EventSink;
import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.run.ScenarioClock;
import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.run.ScenarioRunner;
import dev.jetemu.sim.run.SinkException;
import dev.jetemu.sim.scenario.AwaitSubscribers;
import dev.jetemu.sim.scenario.Fault;
import dev.jetemu.sim.scenario.Repeat;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import dev.jetemu.sim.scenario.Step;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jetemu run}: starts the broker (unless {@code --broker}), runs scenarios on a fresh
 * device each, and exits 0 when all passed, 1 when one failed.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Runs scenarios: starts the notification broker (unless --broker names another), "
                + "then each scenario on a fresh device, publishing the events its steps cause.",
                "Exits 0 when every scenario passed, 1 when one failed, 2 for an invalid scenario or option, "
                        + "3 when the broker cannot be started or reached."},
        footer = {"", EnvironmentDefaults.HELP})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO|DIR", description = "Scenario files, or folders of them "
            + "(their .yaml files in name order).")
    private List<Path> paths;

    @Mixin
    private BrokerOptions brokerOptions;

    @Option(names = "--broker", paramLabel = "tcp://HOST:PORT",
            description = "Publish to this MQTT broker instead of starting jetemu's own.")
    private String externalBroker;

    @ArgGroup(exclusive = true)
    private Timing timing = new Timing();

    static final class Timing {
        @Option(names = "--speed", paramLabel = "X", description = "Run scenario time X times faster (default 1).")
        double speed = 1;

        @Option(names = "--virtual-time", description = "Never wait: sleeps take no time, time headers follow "
                + "the scenario's clock.")
        boolean virtual;
    }

    @Option(names = "--start-time", paramLabel = "ISO-8601",
            description = "Scenario time at the start, e.g. 2026-01-01T00:00:00Z (default: now).")
    private String startTime;

    @Option(names = "--qos", paramLabel = "N", description = "QoS of the device's messages: 0, 1 or 2 (default 0).")
    private int qos;

    @Option(names = "--report", paramLabel = "FILE.xml|FILE.json", split = EnvironmentDefaults.LIST_SEPARATOR,
            description = "Write a report: JUnit XML (one testcase per scenario) or JSON (every published event). "
                    + "Repeatable.")
    private List<Path> reports = new ArrayList<>();

    @Option(names = "--keep-running", description = "Keep the broker up after the last scenario, until "
            + "SIGINT or SIGTERM.")
    private boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        checkOptions(commandLine);
        List<Scenario> scenarios = load();
        EmulatorSettings settings = brokerOptions.resolve(commandLine);
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        ShutdownSignals signals = ShutdownSignals.install();
        if (externalBroker != null) {
            ExternalBroker broker;
            try {
                broker = ExternalBroker.connect(externalBroker);
            } catch (SinkException e) {
                err.println("jetemu: " + e.getMessage());
                return ExitCode.ENVIRONMENT;
            }
            try (broker) {
                out.println("Publishing to " + externalBroker);
                return runAll(scenarios, broker, broker, BrokerControl.NONE, settings, signals, out, err);
            }
        }
        settings.warnings().forEach(warning -> err.println("warning: " + warning));
        try (EmbeddedBroker embedded = EmbeddedBroker.start(settings.broker())) {
            StartupReport.print(out, settings, embedded.localAddress());
            int exitCode = runAll(scenarios, embedded, embedded, embedded, settings, signals, out, err);
            if (signals.received()) {
                return exitCode;
            }
            Duration patience = settings.broker().flow().gracePeriod().plusSeconds(1);
            if (!embedded.settle(patience)) {
                err.println("warning: some subscribers had not received every event after " + patience.toSeconds()
                        + " s; stopping anyway");
            }
            if (keepRunning) {
                out.println("Scenarios done; the broker stays up until interrupted.");
                out.flush();
                signals.await();
            }
            return exitCode;
        }
    }

    private void checkOptions(CommandLine commandLine) {
        if (!(timing.speed > 0) || Double.isInfinite(timing.speed)) {
            throw new CommandLine.ParameterException(commandLine, EnvironmentDefaults.origin(commandLine, "--speed",
                    typed(commandLine, "--speed", String.valueOf(timing.speed)))
                    + ": expected a number above 0, such as 10 or 0.5");
        }
        if (qos < 0 || qos > 2) {
            throw new CommandLine.ParameterException(commandLine,
                    EnvironmentDefaults.origin(commandLine, "--qos", String.valueOf(qos)) + ": expected 0, 1 or 2");
        }
        if (externalBroker != null) {
            BrokerUri.check(commandLine, externalBroker);
        }
        start(commandLine);
        for (Path report : reports) {
            String name = report.getFileName().toString();
            if (!name.endsWith(".xml") && !name.endsWith(".json")) {
                throw new CommandLine.ParameterException(commandLine, EnvironmentDefaults.origin(commandLine, "--report",
                        report.toString()) + ": expected a file ending in .xml (JUnit XML) or .json (every published event)");
            }
            Path folder = report.toAbsolutePath().getParent();
            if (!java.nio.file.Files.isDirectory(folder) || !java.nio.file.Files.isWritable(folder)) {
                throw new CommandLine.ParameterException(commandLine, EnvironmentDefaults.origin(commandLine, "--report",
                        report.toString()) + ": the folder " + folder
                        + " does not exist or cannot be written; expected a file in a writable folder");
            }
        }
    }

    /** An option's value as the user typed it ({@code 0}, not the {@code 0.0} it was read as). */
    private static String typed(CommandLine commandLine, String option, String otherwise) {
        CommandLine.Model.OptionSpec matched = commandLine.getParseResult().matchedOption(option);
        return matched == null || matched.originalStringValues().isEmpty() ? otherwise
                : matched.originalStringValues().get(0);
    }

    private Optional<Path> report(String extension) {
        return reports.stream().filter(file -> file.getFileName().toString().endsWith(extension)).findFirst();
    }

    private Instant start(CommandLine commandLine) {
        if (startTime == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(startTime);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(commandLine, EnvironmentDefaults.origin(commandLine,
                    "--start-time", startTime) + ": expected an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }

    private List<Scenario> load() {
        List<Scenario> scenarios = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (Path file : ScenarioFiles.expand(paths)) {
            try {
                Scenario scenario = ScenarioLoader.loadAndCheck(file);
                if (externalBroker != null) {
                    needsOwnBroker(scenario.steps(), scenario.file(), errors);
                }
                scenarios.add(scenario);
            } catch (UserInputException e) {
                errors.addAll(e.diagnostics());
            }
        }
        if (!errors.isEmpty()) {
            throw new UserInputException(errors);
        }
        return scenarios;
    }

    /**
     * An external broker does not say who subscribed, nor lets jetemu cut its clients off, so a
     * scenario that waits for subscribers or acts on the broker cannot run there.
     */
    private static void needsOwnBroker(List<Step> steps, String file, List<Diagnostic> errors) {
        for (Step step : steps) {
            if (step instanceof AwaitSubscribers) {
                errors.add(Diagnostic.error(file, step.at(), "await-subscribers needs jetemu's own broker, "
                        + "which knows its subscribers; expected no --broker, or no await-subscribers step"));
            } else if (step instanceof Fault fault && fault.needsOwnBroker()) {
                errors.add(Diagnostic.error(file, step.at(), step.keyword() + " needs jetemu's own broker, which "
                        + "it acts on; expected no --broker, or no " + step.keyword() + " step"));
            } else if (step instanceof Repeat repeat) {
                needsOwnBroker(repeat.steps(), file, errors);
            }
        }
    }

    /**
     * Runs the scenarios in order and writes the reports. SIGINT or SIGTERM stops the scenario
     * under way at once: the reports then hold the scenarios that had ended, and the run exits 1.
     */
    private int runAll(List<Scenario> scenarios, EventSink sink, BrokerView view, BrokerControl control,
                       EmulatorSettings settings, ShutdownSignals signals, PrintWriter out, PrintWriter err)
            throws InterruptedException, IOException {
        Instant started = Instant.now();
        List<ScenarioResult> results = new ArrayList<>();
        Optional<Path> eventReport = report(".json");
        signals.interruptOnSignal(Thread.currentThread());
        try (EventLog events = eventReport.isPresent() ? EventLog.open(eventReport.get()) : null) {
            for (Scenario scenario : scenarios) {
                Optional<ScenarioResult> result = runOne(scenario, sink, view, control, settings, events, out, err);
                if (result.isEmpty()) {
                    return ExitCode.ENVIRONMENT;
                }
                results.add(result.get());
                if (signals.received()) {
                    throw new InterruptedException("stopped between scenarios");
                }
            }
        } catch (InterruptedException stopped) {
            if (!signals.received()) {
                throw stopped;
            }
            String when = results.size() < scenarios.size()
                    ? "during scenario " + (results.size() + 1) + " of " + scenarios.size() : "after the last scenario";
            err.printf("jetemu: stopped by a signal %s; the reports hold the %d that ended%n", when, results.size());
            err.flush();
            return ExitCode.SCENARIO_FAILED;
        } finally {
            signals.interruptOnSignal(null);
            Optional<Path> junit = report(".xml");
            if (junit.isPresent()) {
                JUnitReport.write(junit.get(), results, started);
            }
        }
        long failed = results.stream().filter(result -> !result.passed()).count();
        out.printf("%d scenario%s: %d passed, %d failed%n", scenarios.size(), scenarios.size() == 1 ? "" : "s",
                scenarios.size() - failed, failed);
        out.flush();
        return failed == 0 ? ExitCode.OK : ExitCode.SCENARIO_FAILED;
    }

    /** Runs one scenario and prints its line; empty when the broker failed under it. */
    private Optional<ScenarioResult> runOne(Scenario scenario, EventSink sink, BrokerView view,
                                            BrokerControl control, EmulatorSettings settings, EventLog events, PrintWriter out,
                                            PrintWriter err) throws InterruptedException {
        Instant start = start(spec.commandLine());
        ScenarioClock clock = timing.virtual ? ScenarioClock.virtual(start)
                : ScenarioClock.realTime(start, timing.speed);
        RunListener progress = Progress.forTerminal(err, scenario.name());
        RunListener listener = events == null ? progress : events.listener(scenario.name(), progress);
        ScenarioResult result;
        try {
            result = new ScenarioRunner(sink, view, control, clock, listener, qos, settings.hostname()).run(scenario);
        } catch (SinkException e) {
            err.println("jetemu: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
        if (progress instanceof Progress line) {
            line.clear();
        }
        if (result.passed()) {
            out.printf("PASS %s (%d events, %.1f s)%n", result.name(), result.eventsPublished(),
                    result.wallTime().toMillis() / 1000.0);
        } else {
            out.printf("FAIL %s: %s%n", result.name(), result.failure().orElseThrow());
        }
        out.flush();
        return Optional.of(result);
    }
}
