package dev.jetemu.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Eclipse Mosquitto run as a process on a free loopback port, with a configuration written for
 * the benchmark in a temporary folder, and stopped at the end.
 */
final class MosquittoProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path directory;

    private MosquittoProcess(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /**
     * The configuration: anonymous loopback clients, no persistence, and no message limits.
     * Mosquitto's default {@code max_queued_messages 1000} bounds what waits for a subscriber and
     * drops what is beyond it; 0 lifts the limit (and {@code max_queued_bytes 0} the byte limit),
     * so Mosquitto is as lossless as deployments that care make it. Everything else (in-flight window of 20 per subscriber,
     * Nagle on) is Mosquitto's default.
     */
    static String configuration(int port) {
        return String.join("\n",
                "# Written by jetemu-bench for one benchmark run.",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "max_queued_messages 0",
                "max_queued_bytes 0",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "connection_messages false",
                "");
    }

    /** Starts Mosquitto and returns once its port accepts connections. */
    static MosquittoProcess start(Path executable) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("jetemu-bench-mosquitto");
        IOException last = null;
        // A free port found here can be taken by someone else before Mosquitto binds it: try a few.
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path config = directory.resolve("mosquitto.conf");
            Path log = directory.resolve("mosquitto.log");
            Files.writeString(config, configuration(port), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(executable.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (awaitListening(process, port)) {
                return new MosquittoProcess(process, port, directory);
            }
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            last = new IOException("Mosquitto did not listen on 127.0.0.1:" + port + ": " + Files.readString(log).trim());
        }
        throw last;
    }

    /** The first line of {@code mosquitto -h}, e.g. "mosquitto version 2.0.11". */
    static String version(Path executable) {
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

    private static boolean awaitListening(Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What Mosquitto logged (errors and warnings only), for a failure report. */
    String log() {
        try {
            return Files.readString(directory.resolve("mosquitto.log")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within five seconds; removes the temporary folder. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
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
