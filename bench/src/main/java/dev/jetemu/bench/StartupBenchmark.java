package dev.jetemu.bench;

import dev.jetemu.bench.process.JetemuJar;
import dev.jetemu.bench.process.MosquittoProcess;
import dev.jetemu.bench.process.ProcessLauncher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Start-up: from starting the process to the broker's port accepting a TCP connection (tried
 * every millisecond), and for jetemu also to its {@value JetemuJar#READY} line on stdout. jetemu
 * runs as {@code ./jetemu serve} does (the packaged jar with the launcher's class-data archive,
 * JVM defaults otherwise), and once more as a plain {@code java -jar}, with the control API on a
 * free port; Mosquitto from the benchmark's configuration. Interleaved, after one start of each
 * that is not counted (it warms the page cache).
 */
final class StartupBenchmark {

    static final String JETEMU = "jetemu";
    static final String PLAIN_JAR = "jetemu, plain jar";
    static final String MOSQUITTO = "Mosquitto";

    static final Duration POLL = Duration.ofMillis(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path jar;
    private final Path mosquitto;
    private final PrintStream progress;

    /**
     * One start.
     *
     * @param readyMillis     to the {@value JetemuJar#READY} line (jetemu only; NaN for Mosquitto)
     * @param acceptingMillis to the first accepted connection
     */
    record Start(String broker, int round, double readyMillis, double acceptingMillis, Optional<String> problem) {
        boolean warmup() {
            return round == 0;
        }
    }

    StartupBenchmark(Path jar, Path mosquitto, PrintStream progress) {
        this.jar = jar;
        this.mosquitto = mosquitto;
        this.progress = progress;
    }

    List<Start> run(int rounds) {
        List<Start> starts = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            starts.add(report(startJetemu(JETEMU, round)));
            starts.add(report(startJetemu(PLAIN_JAR, round)));
            starts.add(report(startMosquitto(round)));
        }
        return starts;
    }

    /** Whether the starts as {@code ./jetemu} had a class-data archive (one newer than the jar lies beside it). */
    boolean archiveUsed() {
        try {
            return !JetemuJar.launcherOptions(jar).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private Start report(Start start) {
        progress.printf(Locale.ROOT, "bench: start-up %-8s %-17s ready %8s ms  accepting %8s ms  %s%n",
                start.warmup() ? "warm-up" : "run " + start.round(), start.broker(),
                Format.millis(start.readyMillis()), Format.millis(start.acceptingMillis()),
                start.problem().orElse("ok"));
        return start;
    }

    private Start startJetemu(String how, int round) {
        try {
            int port = ProcessLauncher.freeLoopbackPort();
            List<String> jvm = how.equals(JETEMU) ? JetemuJar.launcherOptions(jar) : List.of();
            try (JetemuJar jetemu = JetemuJar.start(jar, jvm, List.of("serve", "--port", String.valueOf(port),
                    "--http-port", "0"))) {
                long accepting = ProcessLauncher.awaitAccepting(jetemu.process(), port, TIMEOUT, POLL);
                JetemuJar.Line ready = jetemu.awaitLine(JetemuJar.READY::equals, TIMEOUT);
                if (accepting < 0 || ready == null) {
                    return new Start(how, round, Double.NaN, Double.NaN, Optional.of("jetemu did not "
                            + (ready == null ? "print " + JetemuJar.READY : "accept on port " + port) + ": "
                            + jetemu.err()));
                }
                return new Start(how, round, (ready.nanos() - jetemu.launchedNanos()) / 1e6,
                        (accepting - jetemu.launchedNanos()) / 1e6, Optional.empty());
            }
        } catch (Exception e) {
            return new Start(how, round, Double.NaN, Double.NaN, Optional.of("could not start jetemu: " + e));
        }
    }

    private Start startMosquitto(int round) {
        try {
            int port = ProcessLauncher.freeLoopbackPort();
            try (MosquittoProcess process = MosquittoProcess.launch(mosquitto, port, MosquittoProcess.Nagle.ON)) {
                long accepting = process.awaitAccepting(POLL);
                if (accepting < 0) {
                    return new Start(MOSQUITTO, round, Double.NaN, Double.NaN,
                            Optional.of("Mosquitto did not accept on port " + port + ": " + process.log()));
                }
                return new Start(MOSQUITTO, round, Double.NaN, (accepting - process.launchedNanos()) / 1e6,
                        Optional.empty());
            }
        } catch (Exception e) {
            return new Start(MOSQUITTO, round, Double.NaN, Double.NaN,
                    Optional.of("could not start Mosquitto: " + e));
        }
    }
}
