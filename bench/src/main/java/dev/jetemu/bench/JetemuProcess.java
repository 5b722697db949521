package dev.jetemu.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * jetemu as measured: {@link JetemuDevice} in a JVM of its own, started with this JVM's class
 * path and no JVM options unless {@value #JVM_OPTIONS_VARIABLE} gives some (as {@code ./jetemu serve}
 * runs without JAVA_OPTS), driven over its
 * stdin. The device publishes in-process; only the subscribers use TCP.
 */
final class JetemuProcess implements BrokerUnderTest {

    static final String JVM_OPTIONS_VARIABLE = "JETEMU_BENCH_JVM_OPTS";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PREPARE_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private int port;

    private JetemuProcess(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "jetemu-replies");
        reader.setDaemon(true);
        reader.start();
    }

    static JetemuProcess start() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JetemuDevice.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JetemuProcess jetemu = new JetemuProcess(process);
        try {
            String listening = jetemu.expect("LISTENING", START_TIMEOUT);
            jetemu.port = Integer.parseInt(listening.substring("LISTENING ".length()).trim());
            return jetemu;
        } catch (Exception e) {
            jetemu.close();
            throw new IOException("jetemu did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Options for jetemu's JVM from {@value #JVM_OPTIONS_VARIABLE}, split on spaces: none by default.
     * Meant for profiling (a flight recording, for example); the report names them when set.
     */
    static List<String> jvmOptions() {
        String options = System.getenv(JVM_OPTIONS_VARIABLE);
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(JetemuDevice.REPLY)) {
                    replies.add(line.substring(JetemuDevice.REPLY.length()));
                } else {
                    System.err.println("[jetemu] " + line);
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
                throw new IllegalStateException("jetemu answered '" + reply + "' where " + word + " was expected");
            }
            if (!process.isAlive() && replies.isEmpty()) {
                throw new IllegalStateException("the jetemu process exited with code " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no " + word + " from jetemu within " + timeout.toSeconds() + " s");
            }
        }
    }

    @Override
    public String name() {
        return "jetemu";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long cpuNanos() {
        return ProcCpu.nanos(process.pid());
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void prepare(int events) throws Exception {
        send("PREPARE " + events);
        expect("PREPARED", PREPARE_TIMEOUT);
    }

    @Override
    public Publishing startPublishing(int qos) throws IOException {
        send("PUBLISH " + qos);
        return timeout -> {
            String reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new TimeoutException("the device had not finished publishing after " + timeout.toSeconds() + " s");
            }
            List<String> words = List.of(reply.split(" ", 2));
            if (!words.get(0).equals("PUBLISHED")) {
                throw new IllegalStateException("the device failed to publish: " + reply);
            }
            return Long.parseLong(words.get(1).trim());
        };
    }

    @Override
    public void close() {
        try {
            send("QUIT");
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
