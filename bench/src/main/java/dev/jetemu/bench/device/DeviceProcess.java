package dev.jetemu.bench.device;

import dev.jetemu.bench.process.ProcessLauncher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A device JVM ({@link JetemuDevice} or {@link MoquetteDevice}) started with the harness's class
 * path and driven through {@link DeviceCommands}' protocol on its stdin and stdout. Its stderr
 * (log lines) goes to the harness's.
 */
public final class DeviceProcess implements AutoCloseable {

    /** The device JVMs there are. */
    public enum Kind {
        JETEMU(JetemuDevice.class), MOQUETTE(MoquetteDevice.class);

        private final Class<?> main;

        Kind(Class<?> main) {
            this.main = main;
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PREPARE_TIMEOUT = Duration.ofSeconds(300);

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private int port;

    private DeviceProcess(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "device-replies-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the device JVM with {@code jvmOptions} and returns once its broker listens. */
    public static DeviceProcess start(Kind kind, List<String> jvmOptions) throws IOException {
        List<String> command = ProcessLauncher.java(jvmOptions,
                List.of("-cp", System.getProperty("java.class.path"), kind.main.getName()));
        DeviceProcess device = new DeviceProcess(ProcessLauncher.start(command, ProcessBuilder.Redirect.PIPE,
                ProcessBuilder.Redirect.INHERIT));
        try {
            String listening = device.expect("LISTENING", START_TIMEOUT);
            device.port = Integer.parseInt(listening.substring("LISTENING ".length()).trim());
            return device;
        } catch (Exception e) {
            device.close();
            throw new IOException(kind.name().toLowerCase(java.util.Locale.ROOT) + "'s device JVM did not start: "
                    + e.getMessage(), e);
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

    /** The device JVM's {@link System#nanoTime()}, read between two readings of the harness's. */
    public ClockReading clock() throws Exception {
        long before = System.nanoTime();
        send("CLOCK");
        String reply = expect("CLOCK", Duration.ofSeconds(10));
        long after = System.nanoTime();
        return new ClockReading(before, Long.parseLong(reply.substring("CLOCK ".length()).trim()), after);
    }

    /**
     * The device's clock read between two readings of the harness's: with one clock for both
     * processes, {@code before <= device <= after}.
     */
    public record ClockReading(long before, long device, long after) {
        public boolean between() {
            return before <= device && device <= after;
        }
    }

    public void prepareRoutes(int events, int subscribers) throws Exception {
        send("PREPARE-ROUTES " + events + " " + subscribers);
        expect("PREPARED", PREPARE_TIMEOUT);
    }

    /** Runs the routes scenario at {@code qos}; returns at once. */
    public Done routes(int qos) throws IOException {
        send("ROUTES " + qos);
        return this::done;
    }

    /** Runs the routes scenario into nothing: the device model's own cost. */
    public long[] generate(Duration timeout) throws Exception {
        send("GENERATE");
        return done(timeout);
    }

    public void preparePaced(int events) throws Exception {
        send("PREPARE-PACED " + events);
        expect("PREPARED", PREPARE_TIMEOUT);
    }

    /** Publishes the prepared paced events; returns at once. */
    public Done paced(double perSecond, int qos) throws IOException {
        send("PACED " + perSecond + " " + qos);
        return this::done;
    }

    /** A command under way that ends with {@code DONE nanos events}. */
    public interface Done {
        /** @return {nanoseconds the device took, events it published} */
        long[] await(Duration timeout) throws Exception;
    }

    private long[] done(Duration timeout) throws Exception {
        String reply = expect("DONE", timeout);
        String[] words = reply.split(" ");
        return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(DeviceCommands.REPLY)) {
                    replies.add(line.substring(DeviceCommands.REPLY.length()));
                } else {
                    System.err.println("[device] " + line);
                }
            }
        } catch (IOException e) {
            // the process ended; expect() reports it
        }
    }

    private void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    /** The next reply, which must start with {@code word}. */
    private String expect(String word, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String reply = replies.poll(100, TimeUnit.MILLISECONDS);
            if (reply != null) {
                if (reply.startsWith(word)) {
                    return reply;
                }
                throw new IllegalStateException("the device answered '" + reply + "' where " + word + " was expected");
            }
            if (!process.isAlive() && replies.isEmpty()) {
                throw new IllegalStateException("the device's JVM exited with code " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no " + word + " from the device within " + timeout.toSeconds() + " s");
            }
        }
    }

    /** QUIT, and SIGTERM then SIGKILL if it has not exited within ten seconds. */
    @Override
    public void close() {
        try {
            send("QUIT");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                ProcessLauncher.stop(process);
            }
        } catch (IOException e) {
            ProcessLauncher.stop(process);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
