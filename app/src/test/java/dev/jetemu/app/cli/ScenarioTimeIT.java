package dev.jetemu.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code time} header of delivered events under {@code --virtual-time}, {@code --speed} and
 * {@code --start-time}: scenario time, as the device's clock would read it.
 */
class ScenarioTimeIT {

    private static final String FLAPS = """
            device:
              interfaces: [ge-0/0/1]
            steps:
              - await-subscribers: "/junos/events/#"
              - interface-down: ge-0/0/1
              - sleep: 2s
              - interface-up: ge-0/0/1
              - sleep: 90m
              - interface-down: ge-0/0/1
            """;

    @TempDir
    Path folder;

    private List<Instant> times(String... options) throws Exception {
        Path file = Files.writeString(folder.resolve("times.yaml"), FLAPS);
        int port = RunCommandIT.freePort();
        List<String> args = new java.util.ArrayList<>(List.of("run", file.toString(), "--port", String.valueOf(port)));
        args.addAll(List.of(options));
        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(
                () -> CliHarness.run(args.toArray(String[]::new)));
        try (Subscriber subscriber = Subscriber.connect(port, "/junos/events/#")) {
            CliHarness.Result result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            await().atMost(10, TimeUnit.SECONDS).until(() -> subscriber.count() == 3);
            return subscriber.received().stream().map(received -> Instant.parse(received.event().time())).toList();
        }
    }

    @Test
    void virtualTimeFromAStartTimeGivesExactHeadersWithoutWaiting() throws Exception {
        // An hour and a half of scenario time, within times()'s one minute: nothing waited.
        List<Instant> times = times("--virtual-time", "--start-time", "2026-03-01T12:00:00Z");

        assertThat(times).containsExactly(Instant.parse("2026-03-01T12:00:00Z"), Instant.parse("2026-03-01T12:00:02Z"),
                Instant.parse("2026-03-01T13:30:02Z"));
    }

    @Test
    void speedRunsScenarioTimeFasterAndTheHeadersFollowIt() throws Exception {
        Path file = Files.writeString(folder.resolve("short.yaml"), FLAPS.replace("sleep: 90m", "sleep: 20s"));
        int port = RunCommandIT.freePort();
        long started = System.nanoTime();
        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(() -> CliHarness.run("run",
                file.toString(), "--port", String.valueOf(port), "--speed", "20", "--start-time",
                "2026-03-01T12:00:00Z"));
        try (Subscriber subscriber = Subscriber.connect(port, "/junos/events/#")) {
            assertThat(run.get(60, TimeUnit.SECONDS).exitCode()).isZero();
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            await().atMost(10, TimeUnit.SECONDS).until(() -> subscriber.count() == 3);
            List<Instant> times = subscriber.received().stream().map(r -> Instant.parse(r.event().time())).toList();

            // 22 s of scenario time at 20x: about 1.1 s of wall time, not 22.
            assertThat(wall).isLessThan(Duration.ofSeconds(15));
            // Each header is read when its event is made, a little after its sleep's end, and sleeps
            // keep to their schedule: a gap may be short by the lateness of the event before it.
            assertThat(Duration.between(times.get(0), times.get(1))).isBetween(Duration.ofMillis(1900),
                    Duration.ofMillis(2500));
            assertThat(Duration.between(times.get(1), times.get(2))).isBetween(Duration.ofMillis(19900),
                    Duration.ofSeconds(21));
            // Scenario time starts at the start time and runs 20x while the scenario waits for its
            // subscriber too, so the first header is a little after the start.
            assertThat(times.get(0)).isBetween(Instant.parse("2026-03-01T12:00:00Z"),
                    Instant.parse("2026-03-01T12:10:00Z"));
        }
    }
}
