package dev.jetemu.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The packaged jetemu jar run as {@code ./jetemu} runs it ({@code java -jar app/target/jetemu.jar},
 * here without JAVA_OPTS unless given), its stdout kept line by line with the moment each line
 * arrived, its stderr in a file.
 */
public final class JetemuJar implements AutoCloseable {

    /** The line {@code serve} and {@code run} print once the broker listens. */
    public static final String READY = "Ready.";
    /** The class-data archive's name, beside the jar. */
    public static final String ARCHIVE = "jetemu.jsa";

    private final Process process;
    private final long launchedNanos;
    private final Path errors;
    private final List<Line> out = new CopyOnWriteArrayList<>();

    /** A line of stdout and when it was read ({@link System#nanoTime()}). */
    public record Line(String text, long nanos) {
    }

    private JetemuJar(Process process, long launchedNanos, Path errors) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.errors = errors;
        Thread reader = new Thread(this::read, "jetemu-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The options {@code ./jetemu} starts the JVM with: the class-data archive that
     * {@code bin/class-data-archive} made beside the jar ({@value #ARCHIVE}), when it is newer than
     * the jar; none otherwise.
     */
    public static List<String> launcherOptions(Path jar) throws IOException {
        Path archive = jar.resolveSibling(ARCHIVE);
        if (!Files.isRegularFile(archive)
                || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) <= 0) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off");
    }

    public static JetemuJar start(Path jar, List<String> jvmOptions, List<String> arguments) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " does not exist; build it with 'mvn -pl app -am package' (./jetemu and "
                    + "bench/run build it on first use)");
        }
        Path errors = Files.createTempFile("jetemu-bench-stderr", ".log");
        List<String> rest = new ArrayList<>(List.of("-jar", jar.toString()));
        rest.addAll(arguments);
        List<String> command = ProcessLauncher.java(jvmOptions, rest);
        long launched = System.nanoTime();
        Process process = ProcessLauncher.start(command, ProcessBuilder.Redirect.PIPE,
                ProcessBuilder.Redirect.to(errors.toFile()));
        return new JetemuJar(process, launched, errors);
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(new Line(line, System.nanoTime()));
            }
        } catch (IOException e) {
            // the process is gone; its lines so far are kept
        }
    }

    /** The {@link System#nanoTime()} just before the process was started. */
    public long launchedNanos() {
        return launchedNanos;
    }

    /**
     * Waits for a line of stdout that matches.
     *
     * @return the line, or null when the process exited or the time was up first
     */
    public Line awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (Line line : out) {
                if (matching.test(line.text())) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                Thread.sleep(50); // the last lines may still be on their way
                return out.stream().filter(line -> matching.test(line.text())).findFirst().orElse(null);
            }
            Thread.sleep(1);
        }
        return null;
    }

    public List<String> out() {
        return out.stream().map(Line::text).toList();
    }

    /** What it wrote to stderr so far. */
    public String err() {
        try {
            return Files.readString(errors).trim();
        } catch (IOException e) {
            return "";
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM (then SIGKILL), and the stderr file removed. */
    @Override
    public void close() {
        ProcessLauncher.stop(process);
        try {
            Files.deleteIfExists(errors);
        } catch (IOException e) {
            // a temporary file left behind changes no figure
        }
    }
}
