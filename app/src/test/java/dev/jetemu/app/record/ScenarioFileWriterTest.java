package dev.jetemu.app.record;

import dev.jetemu.sim.scenario.Raw;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import dev.jetemu.sim.scenario.Sleep;
import dev.jetemu.sim.scenario.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the writer puts in a scenario file is what the scenario loader reads back, byte for byte. */
class ScenarioFileWriterTest {

    private static final Recording RECORDING = new Recording("tcp://192.0.2.1:1883", List.of("/junos/events/#"), 1,
            Instant.parse("2026-01-01T00:00:00Z"));
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    static Stream<String> awkwardPayloads() {
        return Stream.of(
                "",
                "{\"jet-event\": {\"event-id\": \"SNMP_TRAP_LINK_DOWN\", "
                        + "\"attributes\": {\"name\": \"say \\\"hi\\\"\"}}}",
                "Zürich ☃ 日本語 😀 \uD834\uDD1E",
                "line one\nline two\r\n\ttabbed\n",
                " leading space",
                "trailing space ",
                "# not a comment",
                "key: value",
                "- a list item",
                "'single' and \"double\" quotes",
                "\\backslash\\ and \\n not a newline",
                "null", "~", "true", "no", "0x1F", "1e3", "123", "-", "?", ":", "[1, 2]", "{a: b}",
                "&anchor", "*alias", "!tag", "%YAML 1.2", "@at", "`backtick", "|", ">",
                "---", "...", "--- \n...",
                "\u0000 NUL, \u0007 bell, \u001B escape, \u007F delete",
                "\u0085 next line, \u2028 line separator, \u2029 paragraph separator",
                "\u00A0 no-break space, \u200B zero width, \uFEFF byte order mark",
                "\uFEFF at the start",
                "\uFFFE and \uFFFF, non-characters",
                "x".repeat(100_000));
    }

    @ParameterizedTest
    @MethodSource("awkwardPayloads")
    void aPayloadReadsBackAsTheSameBytes(String payload) throws IOException {
        Path file = dir.resolve("awkward.yaml");
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        try (ScenarioFileWriter writer = ScenarioFileWriter.create(file, false, RECORDING)) {
            writer.add(new RecordedMessage(0, "lab/awkward", bytes, 1, false));
            writer.finish(Duration.ofSeconds(1));
        }

        List<Step> steps = ScenarioLoader.loadAndCheck(file).steps();

        assertThat(steps).hasSize(1);
        Raw raw = (Raw) steps.get(0);
        assertThat(raw.payload()).isEqualTo(bytes);
        assertThat(raw.topic()).isEqualTo("lab/awkward");
        assertThat(raw.qos()).isEqualTo(OptionalInt.of(1));
        assertThat(Files.readAllLines(file)).filteredOn(line -> line.contains("- raw:")).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("awkwardPayloads")
    void anAwkwardTopicReadsBackTheSame(String text) throws IOException {
        // wildcards and NUL cannot be in a topic, nor more than 65,535 bytes
        String name = text.replace("+", "").replace("#", "").replace("\u0000", "");
        String topic = "/lab/" + name.substring(0, Math.min(name.length(), 1000));
        Path file = dir.resolve("topic.yaml");
        try (ScenarioFileWriter writer = ScenarioFileWriter.create(file, false, RECORDING)) {
            writer.add(new RecordedMessage(0, topic, new byte[0], 0, false));
            writer.finish(Duration.ofSeconds(1));
        }

        Raw raw = (Raw) ScenarioLoader.loadAndCheck(file).steps().get(0);

        assertThat(raw.topic()).isEqualTo(topic);
    }

    @Test
    void theFileIsAScenarioBeforeTheFirstMessageAndAfterEachFlush() throws IOException {
        Path file = dir.resolve("capture.yaml");
        try (ScenarioFileWriter writer = ScenarioFileWriter.create(file, false, RECORDING)) {
            Scenario empty = ScenarioLoader.loadAndCheck(file);
            assertThat(empty.steps()).isEmpty();
            assertThat(empty.name()).isEqualTo("capture");
            assertThat(empty.description()).isEqualTo("Recorded from tcp://192.0.2.1:1883 (/junos/events/#) at "
                    + "2026-01-01T00:00:00Z");

            writer.add(message(5 * MS, "lab/a", "first"));
            writer.flush();
            assertThat(ScenarioLoader.loadAndCheck(file).steps()).hasSize(2);
            assertThat(Files.readString(file)).contains("# Messages: 1 recorded (0 retained), 0 left out; "
                    + "recording in progress");

            writer.add(message(6 * MS, "lab/b", "second"));
            writer.add(message(7 * MS, "lab/c", "third"));
            writer.flush();
            assertThat(ScenarioLoader.loadAndCheck(file).steps()).hasSize(6);
        }
        assertThat(Files.readString(file)).doesNotContain("recording ended");
    }

    @Test
    void theHeaderSaysWhatWasRecordedFromWhereWhenAndHowMuch() throws IOException {
        Path file = dir.resolve("header.yaml");
        try (ScenarioFileWriter writer = ScenarioFileWriter.create(file, false, RECORDING)) {
            writer.add(new RecordedMessage(2 * MS, "/junos/events/syslog/X", bytes("state"), 0, true));
            writer.add(message(30 * MS, "/junos/events/syslog/Y", "live"));
            writer.add(new RecordedMessage(31 * MS, "/junos/events/bin", new byte[] {(byte) 0xC3, 0x28}, 0, false));
            writer.finish(Duration.ofMillis(2500));
        }

        List<String> lines = Files.readAllLines(file);

        assertThat(lines.get(0)).isEqualTo("# Recorded by jetemu record from tcp://192.0.2.1:1883, subscribed at QoS 1 "
                + "to /junos/events/#");
        assertThat(lines.get(1)).isEqualTo("# Started 2026-01-01T00:00:00Z (UTC)");
        assertThat(lines.get(2)).isEqualTo("# Messages: 2 recorded (1 retained), 1 left out; recording ended after "
                + "2.500 s" + " ".repeat(160 - 78));
        assertThat(lines).contains(
                "# Replay: jetemu run header.yaml. In CI, where the application under test connects beside it,",
                "#   - await-subscribers: { filter: \"/junos/events/#\", timeout: 60s }",
                "name: \"header\"",
                "  # retained: the broker held it when the recording subscribed",
                "  # left out: a message on /junos/events/bin at 0.031 s: its payload (2 bytes) is not UTF-8 text, "
                        + "which a raw step cannot send",
                "# Recording ended 2026-01-01T00:00:02.500Z (UTC), after 2.500 s: 2 messages recorded");
        assertThat(ScenarioLoader.loadAndCheck(file).steps()).extracting(Step::keyword)
                .containsExactly("sleep", "raw", "sleep", "raw");
    }

    @Test
    void gapsAreRoundedAgainstTheRecordingsClockSoNoDriftBuildsUp() throws IOException {
        Path file = dir.resolve("gaps.yaml");
        try (ScenarioFileWriter writer = ScenarioFileWriter.create(file, false, RECORDING)) {
            writer.add(message(MS / 2, "lab/a", "under a millisecond in: no sleep"));
            writer.add(message(120 * MS + MS / 3, "lab/b", "b"));
            writer.add(message(120 * MS + 2 * MS / 3, "lab/c", "the same millisecond: no sleep"));
            writer.add(message(121 * MS + MS / 10, "lab/d", "the next one: 1ms"));
            writer.add(message(1_500 * MS + 900_000, "lab/e", "e"));
            writer.add(message(3_600_000 * MS + 1_500 * MS + 900_000, "lab/f", "an hour later"));
            writer.finish(Duration.ofHours(2));
        }

        List<Duration> sleeps = ScenarioLoader.loadAndCheck(file).steps().stream()
                .filter(Sleep.class::isInstance).map(step -> ((Sleep) step).duration()).toList();

        assertThat(sleeps).containsExactly(Duration.ofMillis(120), Duration.ofMillis(1), Duration.ofMillis(1379),
                Duration.ofHours(1));
        assertThat(Files.readString(file)).contains("  - sleep: 1379ms\n", "  - sleep: 1h\n");
    }

    @Test
    void whatARawStepCannotSendIsLeftOutAndTheFileStaysValid() throws IOException {
        Path file = dir.resolve("left-out.yaml");
        try (ScenarioFileWriter writer = ScenarioFileWriter.create(file, false, RECORDING)) {
            writer.add(new RecordedMessage(MS, "lab/bin", new byte[] {(byte) 0xFF, (byte) 0xFE, 0}, 0, false));
            writer.flush();
            assertThat(ScenarioLoader.loadAndCheck(file).steps()).isEmpty();

            writer.add(message(2 * MS, "junos/events/x", "no leading slash"));
            writer.add(message(3 * MS, "lab/line\nbreak", "a topic with a line break"));
            writer.add(new RecordedMessage(4 * MS, "lab/surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    0, false));
            writer.flush();
            assertThat(ScenarioLoader.loadAndCheck(file).steps()).hasSize(2);
            writer.finish(Duration.ofSeconds(1));

            assertThat(writer.recorded()).isEqualTo(1);
            assertThat(writer.skipped()).isEqualTo(3);
        }
        String text = Files.readString(file);
        assertThat(text).contains("# left out: a message on lab/bin at 0.001 s: its payload (3 bytes) is not UTF-8 "
                + "text, which a raw step cannot send\nsteps:\n");
        assertThat(text).contains("  # left out: a message on junos/events/x at 0.002 s: a raw step refuses its topic "
                + "'junos/events/x' starts with 'junos/'; expected '/junos/events/x': every Junos topic starts with "
                + "a slash\n");
        assertThat(text).contains("  # left out: a message on lab/surrogate at 0.004 s: its payload (3 bytes)");
        Raw raw = (Raw) ScenarioLoader.loadAndCheck(file).steps().get(1);
        assertThat(raw.topic()).isEqualTo("lab/line\nbreak");
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAskedTo() throws IOException {
        Path file = Files.writeString(dir.resolve("kept.yaml"), "steps: []\n" + "# a longer file than a header\n"
                .repeat(200));

        assertThatThrownBy(() -> ScenarioFileWriter.create(file, false, RECORDING))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).startsWith("steps: []\n# a longer");

        try (ScenarioFileWriter writer = ScenarioFileWriter.create(file, true, RECORDING)) {
            writer.finish(Duration.ofSeconds(1));
        }
        assertThat(Files.readString(file)).doesNotContain("a longer file").contains("name: \"kept\"");
        assertThat(ScenarioLoader.loadAndCheck(file).steps()).isEmpty();
    }

    @Test
    void commentsShowPrintableTextAsItIsAndEscapeTheRest() {
        assertThat(ScenarioYaml.inComment("/junos/events/kernel/# é 😀"))
                .isEqualTo("/junos/events/kernel/# é 😀");
        assertThat(ScenarioYaml.inComment("a\nb\u2028c")).isEqualTo("\"a\\nb\\Lc\"");
        assertThat(ScenarioYaml.inComment("\u0085")).isEqualTo("\"\\N\"");
    }

    private static RecordedMessage message(long atNanos, String topic, String payload) {
        return new RecordedMessage(atNanos, topic, bytes(payload), 1, false);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
