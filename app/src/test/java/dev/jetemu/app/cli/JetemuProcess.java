package dev.jetemu.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jetemu jar run as a user runs it, in its own process, with its stdout and
 * stderr kept line by line.
 */
final class JetemuProcess implements AutoCloseable {

    /** Built by the package phase, which runs before the integration tests. */
    static final Path JAR = Path.of("target", "jetemu.jar");
    private static final Pattern PORT = Pattern.compile("listening on: +port (\\d+)");
    private static final Pattern HTTP_PORT = Pattern.compile("control API: +http://[^:]+:(\\d+)/");

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();

    private JetemuProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), out, "jetemu-stdout");
        drain(process.getErrorStream(), err, "jetemu-stderr");
    }

    static JetemuProcess start(String... args) throws IOException {
        return startWithJvmOptions(List.of(), args);
    }

    /** With options for the JVM, such as {@code -Xmx256m}, before {@code -jar}. */
    static JetemuProcess startWithJvmOptions(List<String> jvmOptions, String... args) throws IOException {
        assertThat(JAR).as("the jetemu jar (built by 'mvn package')").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new JetemuProcess(new ProcessBuilder(command).start());
    }

    static Path writeFile(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** Keeps a process's output line by line, on a daemon thread, until the stream ends. */
    static void drain(java.io.InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process is gone; its lines so far are kept
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for "Ready." and returns the MQTT port the start-up report names. */
    int awaitReady() {
        await().atMost(30, TimeUnit.SECONDS)
                .failFast("jetemu exited: " + err, () -> !process.isAlive())
                .until(() -> out.contains(StartupReport.READY));
        for (String line : out) {
            Matcher matcher = PORT.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no port in the start-up report: " + out);
    }

    /** The control API's port the start-up report names; call after {@link #awaitReady}. */
    int httpPort() {
        for (String line : out) {
            Matcher matcher = HTTP_PORT.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no control API in the start-up report: " + out);
    }

    List<String> out() {
        return out;
    }

    List<String> err() {
        return err;
    }

    /** Sends SIGTERM and returns the exit code, failing if the process is not gone within {@code seconds}. */
    int terminate(int seconds) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS))
                .as("jetemu stops within %d s of SIGTERM", seconds).isTrue();
        return process.exitValue();
    }

    /**
     * Sends SIGTERM and returns the exit code, like {@link #terminate}, but keeps reading what the
     * process prints as it stops ({@code Process.destroy} closes the streams; its handle's does not).
     */
    int terminateAndKeepOutput(int seconds) throws InterruptedException {
        assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
        return awaitExit(seconds);
    }

    int awaitExit(int seconds) throws InterruptedException {
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("jetemu exits within %d s", seconds).isTrue();
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
