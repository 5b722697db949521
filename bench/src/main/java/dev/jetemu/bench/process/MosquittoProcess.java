package dev.jetemu.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Eclipse Mosquitto run as a process on a free loopback port, with a configuration written for
 * the benchmark in a temporary folder, and stopped at the end.
 */
public final class MosquittoProcess implements AutoCloseable {

    public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/sbin/mosquitto");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path directory;
    private final long launchedNanos;

    private MosquittoProcess(Process process, int port, Path directory, long launchedNanos) {
        this.process = process;
        this.port = port;
        this.directory = directory;
        this.launchedNanos = launchedNanos;
    }

    /**
     * Whether Mosquitto keeps Nagle's algorithm on its connections. Each measure gets Mosquitto at
     * its best: on (its default) for throughput, where it coalesces small messages into fewer
     * segments (25–35 % more events/s to one QoS 0 subscriber on a 2-core machine), off
     * ({@code set_tcp_nodelay true}, as jetemu's broker has it) for latency, where a message to a
     * subscriber that sends nothing back (QoS 0) would wait for the delayed acknowledgement of the
     * one before: latencies spread evenly up to some 30 ms.
     */
    public enum Nagle {
        ON, OFF
    }

    /**
     * The configuration: anonymous loopback clients, no persistence, no message limits.
     * Mosquitto's default {@code max_queued_messages 1000} bounds what waits for a subscriber and
     * drops what is beyond it; 0 lifts the limit (and {@code max_queued_bytes 0} the byte limit),
     * so Mosquitto is as lossless as deployments that care make it. Everything else (in-flight
     * window of 20 per subscriber) is Mosquitto's default, and Nagle's algorithm as {@code nagle} says.
     */
    static String configuration(int port, Nagle nagle) {
        return String.join("\n",
                "# Written by jetemu-bench for one benchmark run.",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "max_queued_messages 0",
                "max_queued_bytes 0",
                "set_tcp_nodelay " + (nagle == Nagle.OFF),
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "connection_messages false",
                "");
    }

    /** Starts Mosquitto and returns once its port accepts connections. */
    public static MosquittoProcess start(Path executable, Nagle nagle) throws IOException {
        IOException last = null;
        // A free port found here can be taken by someone else before Mosquitto binds it: try a few.
        for (int attempt = 0; attempt < 3; attempt++) {
            MosquittoProcess mosquitto = launch(executable, ProcessLauncher.freeLoopbackPort(), nagle);
            if (mosquitto.awaitAccepting(Duration.ofMillis(5)) > 0) {
                return mosquitto;
            }
            last = new IOException("Mosquitto did not listen on 127.0.0.1:" + mosquitto.port + ": " + mosquitto.log());
            mosquitto.close();
        }
        throw last;
    }

    /**
     * Writes the configuration and starts Mosquitto on {@code port}, without waiting for it: the
     * start-up measurement takes the time from here.
     */
    public static MosquittoProcess launch(Path executable, int port, Nagle nagle) throws IOException {
        Path directory = Files.createTempDirectory("jetemu-bench-mosquitto");
        Path config = Files.writeString(directory.resolve("mosquitto.conf"), configuration(port, nagle),
                StandardCharsets.UTF_8);
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.to(directory.resolve("mosquitto.log").toFile());
        long launched = System.nanoTime();
        Process process = ProcessLauncher.start(List.of(executable.toString(), "-c", config.toString()), log, log);
        return new MosquittoProcess(process, port, directory, launched);
    }

    /**
     * Waits until the port accepts a connection, trying every {@code every}.
     *
     * @return the {@link System#nanoTime()} it first did, or -1 when Mosquitto exited or did not listen in time
     */
    public long awaitAccepting(Duration every) {
        return ProcessLauncher.awaitAccepting(process, port, START_TIMEOUT, every);
    }

    /** The {@link System#nanoTime()} just before the process was started. */
    public long launchedNanos() {
        return launchedNanos;
    }

    /** The first line of {@code mosquitto -h}, e.g. "mosquitto version 2.0.11". */
    public static String version(Path executable) {
        try {
            Process help = new ProcessBuilder(executable.toString(), "-h").redirectErrorStream(true).start();
            List<String> lines = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            help.waitFor(5, TimeUnit.SECONDS);
            return lines.isEmpty() ? "unknown" : lines.get(0).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What Mosquitto logged (errors and warnings only), for a failure report. */
    public String log() {
        try {
            return Files.readString(directory.resolve("mosquitto.log")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops Mosquitto and removes the temporary folder. */
    @Override
    public void close() {
        ProcessLauncher.stop(process);
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // a temporary folder left behind must not hide the figures; the system cleans /tmp
            System.err.println("bench: could not remove " + directory + ": " + e.getMessage());
        }
    }
}
