package dev.jetemu.app.cli;

import dev.jetemu.app.record.BrokerConnectionException;
import dev.jetemu.app.record.BrokerSubscription;
import dev.jetemu.app.record.Credentials;
import dev.jetemu.app.record.Recorder;
import dev.jetemu.app.record.Recording;
import dev.jetemu.app.record.ScenarioFileWriter;
import dev.jetemu.diagnostics.Durations;
import dev.jetemu.sim.scenario.TopicRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jetemu record}: subscribes to a broker (a device's, or any other) and writes what it
 * receives as a scenario of raw steps with the recorded gaps, which {@code jetemu run} replays.
 */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        description = {"Records what a broker publishes (a real device's notification service, or any MQTT broker) "
                + "as a scenario: each message a raw step, after a sleep for the gap before it, so that "
                + "'jetemu run FILE.yaml' replays it.",
                "Records for --duration, or until SIGINT (Ctrl-C) or SIGTERM; the file is a valid scenario at every "
                        + "moment, so an interrupted recording keeps what it saw.",
                "Exits 0 when recorded, 2 for an invalid option, 3 when the broker cannot be reached or the "
                        + "connection is lost."})
public final class RecordCommand implements Callable<Integer> {

    static final String DEFAULT_FILTER = "/junos/events/#";

    @Spec
    private CommandSpec spec;

    @Option(names = "--broker", required = true, paramLabel = "tcp://HOST:PORT",
            description = "The broker to record from, such as a device's notification service: tcp://vmx1:1883.")
    private String broker;

    @Option(names = "--filter", paramLabel = "F",
            description = "A topic filter to subscribe to. Repeatable; default " + DEFAULT_FILTER + ".")
    private List<String> filters = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE.yaml",
            description = "The scenario file to write, in an existing folder.")
    private Path outFile;

    @Option(names = "--force", description = "Replace --out when it exists.")
    private boolean force;

    @Option(names = "--duration", paramLabel = "D",
            description = "How long to record: 30s, 5m, 1h (default: until SIGINT or SIGTERM).")
    private String duration;

    @Option(names = "--user", paramLabel = "NAME", description = "User name to log in to the broker with.")
    private String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Password to log in with (needs --user).")
    private String password;

    @Option(names = "--qos", paramLabel = "N",
            description = "QoS of the subscription, 0 or 1 (default 1: nothing is lost on the way).")
    private int qos = 1;

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = spec.commandLine();
        BrokerUri.check(commandLine, broker);
        List<String> subscribed = checkedFilters(commandLine);
        checkOut(commandLine);
        Optional<Duration> limit = checkedDuration(commandLine);
        checkQosAndLogin(commandLine);
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        ShutdownSignals signals = ShutdownSignals.install();

        BrokerSubscription subscription;
        try {
            subscription = BrokerSubscription.open(broker, credentials(), subscribed, qos);
        } catch (BrokerConnectionException e) {
            err.println("jetemu: " + e.getMessage());
            err.flush();
            return ExitCode.ENVIRONMENT;
        }
        Recorder.Outcome outcome;
        try (subscription; ScenarioFileWriter writer = create(commandLine,
                new Recording(broker, subscribed, qos, subscription.startedAt()))) {
            err.println("Recording " + String.join(", ", subscribed) + " from " + broker + " into " + outFile
                    + limit.map(d -> " for " + Durations.format(d)).orElse("") + "; SIGINT (Ctrl-C) or SIGTERM stops");
            err.flush();
            outcome = Recorder.record(subscription, writer, limit, signals::received, progress(err));
        }
        clearProgress(err);
        out.printf(Locale.ROOT, "Recorded %d message%s in %.1f s to %s%n", outcome.recorded(),
                outcome.recorded() == 1 ? "" : "s", outcome.elapsed().toMillis() / 1000.0, outFile);
        out.flush();
        if (outcome.retained() > 0) {
            err.printf("note: %d of them %s retained, the broker's state when the recording subscribed; "
                    + "they replay as ordinary messages%n", outcome.retained(),
                    outcome.retained() == 1 ? "was" : "were");
        }
        if (outcome.skipped() > 0) {
            err.printf("warning: %d message%s left out: a raw step cannot send a payload that is not UTF-8 text, or "
                    + "a topic a scenario refuses; %s has a comment in place of each%n", outcome.skipped(),
                    outcome.skipped() == 1 ? " was" : "s were", outFile);
        }
        if (outcome.connectionLost().isPresent()) {
            err.println("jetemu: lost the connection to " + broker + ": " + outcome.connectionLost().get()
                    + "; " + outFile + " holds what was recorded until then");
            err.flush();
            return ExitCode.ENVIRONMENT;
        }
        err.flush();
        return ExitCode.OK;
    }

    private List<String> checkedFilters(CommandLine commandLine) {
        List<String> given = filters.isEmpty() ? List.of(DEFAULT_FILTER) : filters;
        for (String filter : given) {
            try {
                TopicRules.checkFilter("--filter", filter);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, e.getMessage());
            }
        }
        return List.copyOf(new LinkedHashSet<>(given));
    }

    private Optional<Duration> checkedDuration(CommandLine commandLine) {
        if (duration == null) {
            return Optional.empty();
        }
        Duration parsed;
        try {
            parsed = Durations.parse(duration);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--duration " + e.getMessage());
        }
        if (parsed.isZero() || parsed.isNegative()) {
            throw new CommandLine.ParameterException(commandLine, "--duration " + duration
                    + ": expected a duration longer than zero, such as 30s or 5m");
        }
        return Optional.of(parsed);
    }

    private void checkQosAndLogin(CommandLine commandLine) {
        if (qos < 0 || qos > 1) {
            throw new CommandLine.ParameterException(commandLine, "--qos " + qos
                    + ": expected 0 or 1 (1, the default, loses nothing on the way)");
        }
        if (password != null && user == null) {
            throw new CommandLine.ParameterException(commandLine, "--password is given without --user; "
                    + "expected --user NAME with it");
        }
    }

    private void checkOut(CommandLine commandLine) {
        String name = outFile.getFileName() == null ? "" : outFile.getFileName().toString();
        if (!name.matches(".+\\.ya?ml")) {
            throw new CommandLine.ParameterException(commandLine, "--out " + outFile
                    + ": expected a file name ending in .yaml (or .yml), as jetemu run finds scenarios in a folder");
        }
        Path folder = outFile.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new CommandLine.ParameterException(commandLine, "--out " + outFile + ": the folder " + folder
                    + " does not exist or cannot be written; expected a file in an existing, writable folder");
        }
        if (Files.isDirectory(outFile)) {
            throw new CommandLine.ParameterException(commandLine, "--out " + outFile
                    + ": it is a folder; expected a scenario file to write, such as " + outFile.resolve("capture.yaml"));
        }
        if (Files.exists(outFile) && !force) {
            throw alreadyThere(commandLine);
        }
    }

    private CommandLine.ParameterException alreadyThere(CommandLine commandLine) {
        return new CommandLine.ParameterException(commandLine, "--out " + outFile
                + ": the file exists; expected a new file, or --force to replace it");
    }

    private ScenarioFileWriter create(CommandLine commandLine, Recording recording) throws java.io.IOException {
        try {
            return ScenarioFileWriter.create(outFile, force, recording);
        } catch (FileAlreadyExistsException e) {
            // created by someone else while the subscription was being made
            throw alreadyThere(commandLine);
        }
    }

    private Optional<Credentials> credentials() {
        return Optional.ofNullable(user).map(name -> new Credentials(name, Optional.ofNullable(password)));
    }

    /** A line kept up to date on a terminal's stderr; nothing when stderr is not a terminal. */
    private static Recorder.Listener progress(PrintWriter err) {
        if (System.console() == null) {
            return Recorder.Listener.NONE;
        }
        long[] lastDrawn = {0};
        return (recorded, skipped, elapsed) -> {
            long now = System.nanoTime();
            if (now - lastDrawn[0] >= 200_000_000L) {
                lastDrawn[0] = now;
                err.printf(Locale.ROOT, "\r%,d messages recorded%s, %.1f s ", recorded,
                        skipped > 0 ? ", " + skipped + " left out" : "", elapsed.toMillis() / 1000.0);
                err.flush();
            }
        };
    }

    private static void clearProgress(PrintWriter err) {
        if (System.console() != null) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
