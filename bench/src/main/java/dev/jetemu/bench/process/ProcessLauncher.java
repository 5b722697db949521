package dev.jetemu.bench.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts and stops the processes the benchmark measures (Mosquitto, jetemu's JVMs, Moquette's),
 * and tells when their port accepts connections: the one place that knows how.
 */
public final class ProcessLauncher {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private ProcessLauncher() {
    }

    /** {@code java} of the JVM running the benchmark, so that every JVM measured is the same one. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A java command: this JVM's executable, the options, then the rest (a main class or {@code -jar}). */
    public static List<String> java(List<String> jvmOptions, List<String> rest) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(rest);
        return command;
    }

    /**
     * Starts a process. Where its output goes is the caller's choice: a file, this process's
     * stderr, or a pipe read by the caller.
     */
    public static Process start(List<String> command, ProcessBuilder.Redirect out, ProcessBuilder.Redirect err)
            throws IOException {
        return new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
    }

    /** SIGTERM, then SIGKILL when it has not exited within five seconds. */
    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A loopback port free now. Someone else may take it before the process binds it, so callers
     * that start a server on it try again with another when the server fails to listen.
     */
    public static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** One attempt to connect to 127.0.0.1:{@code port}: whether something accepted the connection. */
    public static boolean accepting(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /**
     * Tries to connect every {@code every} until the port accepts, the process exits or the time
     * is up. A refused connection on loopback fails in microseconds, so the polling interval is
     * the resolution of the moment found.
     *
     * @return the {@link System#nanoTime()} of the first accepted connection, or -1
     */
    public static long awaitAccepting(Process process, int port, Duration timeout, Duration every) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (accepting(port)) {
                return System.nanoTime();
            }
            if (!process.isAlive()) {
                return -1;
            }
            LockSupport.parkNanos(every.toNanos());
        }
        return -1;
    }
}
