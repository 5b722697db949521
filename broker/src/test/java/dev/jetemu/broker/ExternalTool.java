package dev.jetemu.broker;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client nobody here wrote, run as a process, its output read line by line. Where the tool
 * is not installed the test is skipped with a message, except in CI (CI=true), where the
 * tools are installed by .ci/run and a missing one is a failure.
 */
final class ExternalTool implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ExternalTool(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended; what it printed is in the queue
            }
        }, "external-tool-output");
        reader.setDaemon(true);
        reader.start();
    }

    static void require(Path executable, String debianPackage) {
        boolean present = Files.isExecutable(executable);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(executable + " is missing; .ci/run installs it (apt-get install " + debianPackage + ")");
        }
        Assumptions.assumeTrue(present, () -> "skipped: " + executable + " is not installed (apt-get install "
                + debianPackage + ")");
    }

    static ExternalTool start(List<String> command) throws IOException {
        return new ExternalTool(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The next line it prints, failing after {@code seconds}. */
    String nextLine(int seconds) throws InterruptedException {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        assertThat(line).as("a line from " + process.info().command().orElse("the tool") + " within " + seconds + " s")
                .isNotNull();
        return line;
    }

    /** The next line if one comes within {@code millis}, else null. */
    String pollLine(int millis) throws InterruptedException {
        return lines.poll(millis, TimeUnit.MILLISECONDS);
    }

    int exitCode(int seconds) throws InterruptedException {
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("the tool exits within " + seconds + " s").isTrue();
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
