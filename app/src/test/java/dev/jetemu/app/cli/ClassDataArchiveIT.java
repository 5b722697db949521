package dev.jetemu.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/class-data-archive}, which the launcher, the Docker image and the benchmark run: it
 * archives the classes {@code serve} loads up to {@code Ready.}, a JVM given the archive with the
 * launcher's options loads jetemu's classes from it, and an archive that does not match the jar
 * changes nothing a user sees.
 */
class ClassDataArchiveIT {

    private static final Path SCRIPT = Path.of("..", "bin", "class-data-archive");
    private static final List<String> LAUNCHER_OPTIONS = List.of("-Xlog:cds=off,cds+dynamic=off");

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    private static Result run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("class-data-out", ".txt");
        Path err = Files.createTempFile("class-data-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Result java(Path archive, Path jar, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:SharedArchiveFile=" + archive));
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", jar.toString(), "--version"));
        return run(command);
    }

    private static Result archive(Path jar, Path archive) throws Exception {
        return run(List.of("sh", SCRIPT.toString(), jar.toString(), archive.toString()));
    }

    @Test
    void theCallersJetemuVariablesDoNotReachTheRunThatMakesIt(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("jetemu.jsa");

        Result made = run(List.of("sh", SCRIPT.toString(), JetemuProcess.JAR.toAbsolutePath().toString(),
                archive.toString()), Map.of("JETEMU_CONFIG", dir.resolve("missing.yaml").toString(),
                "JETEMU_HOSTNAME", "not a host name!"));

        assertThat(made.exit()).isZero();
        assertThat(made.err()).doesNotContain("no archive made");
        assertThat(archive).isRegularFile();
    }

    @Test
    void theArchiveHoldsTheClassesJetemuStartsWithAndIsMadeOncePerJar(@TempDir Path dir) throws Exception {
        Path jar = JetemuProcess.JAR.toAbsolutePath();
        Path archive = dir.resolve("jetemu.jsa");

        Result made = archive(jar, archive);

        assertThat(made.exit()).isZero();
        assertThat(made.err()).as("only the notice, no failure").doesNotContain("no archive made");
        assertThat(archive).isRegularFile();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));

        Result started = java(archive, jar, "-Xlog:class+load=info:stdout");
        assertThat(started.exit()).isZero();
        assertThat(started.out()).as("jetemu's entry point and its commands come from the archive")
                .containsPattern("dev\\.jetemu\\.app\\.Main source: shared objects file \\(top\\)")
                .containsPattern("dev\\.jetemu\\.app\\.cli\\.JetemuCommand source: shared objects file \\(top\\)")
                .contains("jetemu ");

        FileTime before = Files.getLastModifiedTime(archive);
        Result again = archive(jar, archive);
        assertThat(again.exit()).isZero();
        assertThat(again.err()).as("nothing to do for an archive newer than its jar").isEmpty();
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(before);
    }

    @Test
    void anArchiveOfAnotherJarIsIgnoredWithoutAWord(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("jetemu.jar");
        Files.copy(JetemuProcess.JAR, jar);
        Path archive = dir.resolve("jetemu.jsa");
        assertThat(archive(jar, archive).exit()).isZero();
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        Result started = java(archive, jar);

        assertThat(started.exit()).isZero();
        assertThat(started.out()).isEqualTo("jetemu " + version(jar) + System.lineSeparator());
        assertThat(started.err()).isEmpty();
    }

    @Test
    void aMissingArchiveIsIgnoredWithoutAWord(@TempDir Path dir) throws Exception {
        Result started = java(dir.resolve("none.jsa"), JetemuProcess.JAR.toAbsolutePath());

        assertThat(started.exit()).isZero();
        assertThat(started.out()).startsWith("jetemu ");
        assertThat(started.err()).isEmpty();
    }

    @Test
    void aJarThatCannotStartLeavesNoArchiveAndTheCallerGoesOn(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("broken.jar");
        Files.writeString(jar, "not a jar");
        Path archive = dir.resolve("broken.jsa");

        Result made = archive(jar, archive);

        assertThat(made.exit()).as("never fails its caller").isZero();
        assertThat(made.err()).contains("no archive made for " + jar);
        assertThat(archive).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left").containsExactly(jar);
        }
    }

    private static String version(Path jar) throws Exception {
        Result plain = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--version"));
        return plain.out().strip().substring("jetemu ".length());
    }
}
