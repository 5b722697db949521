package dev.jetemu.app.record;

import dev.jetemu.sim.scenario.TopicRules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a recording as a scenario file, message by message, so that the file is a valid scenario
 * at every moment: after a crash or a kill it holds everything written up to its last message.
 *
 * <p>How it stays valid: until the first step, the file ends with {@code steps: []}; the first
 * write of steps replaces that line by {@code steps:} and the steps, and later writes append. Each
 * {@link #flush} is one write of whole lines, so a process that dies mid-way leaves the previous
 * state, not half a step. The header's count line is written with a fixed width and overwritten in
 * place after each flush, so it stays right too.
 *
 * <p>What a {@code raw} step cannot carry is left out with a comment in its place: a payload that
 * is not UTF-8 text (a raw step sends text as written), or a topic the scenario loader refuses (one
 * that starts with {@code junos/}, say).
 */
public final class ScenarioFileWriter implements AutoCloseable {

    private static final String EMPTY_STEPS = "steps: []\n";
    private static final String STEPS = "steps:\n";
    private static final String INDENT = "  ";
    /** Room for three 19-digit counts and a long duration, so the count line never outgrows its place. */
    private static final int COUNT_LINE_WIDTH = 160;
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final FileChannel channel;
    private final Recording recording;
    private final long countLineAt;
    /** Where {@code steps: []} is, until the first step replaces it. */
    private long emptyStepsAt;
    private boolean hasSteps;
    private long end;
    private final StringBuilder pending = new StringBuilder();
    private boolean pendingHasStep;
    /** Recording time covered by the sleeps written so far: gaps are rounded against it, so no drift builds up. */
    private long sleptMillis;
    private long recorded;
    private long retained;
    private long skipped;

    private ScenarioFileWriter(FileChannel channel, Recording recording, long countLineAt, long emptyStepsAt) {
        this.channel = channel;
        this.recording = recording;
        this.countLineAt = countLineAt;
        this.emptyStepsAt = emptyStepsAt;
        this.end = emptyStepsAt + EMPTY_STEPS.length();
    }

    /**
     * Creates {@code file} and writes its header and an empty list of steps.
     *
     * @param replace whether an existing file is replaced; otherwise it is left alone and this fails
     * @throws java.nio.file.FileAlreadyExistsException when the file exists and {@code replace} is false
     */
    public static ScenarioFileWriter create(Path file, boolean replace, Recording recording) throws IOException {
        Set<StandardOpenOption> options = replace
                ? Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                : Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        FileChannel channel = FileChannel.open(file, options);
        try {
            String before = headerBefore(recording);
            String after = headerAfter(recording, file) + ScenarioYaml.nameAndDescription(scenarioName(file),
                    description(recording));
            long countLineAt = bytes(before);
            long emptyStepsAt = countLineAt + COUNT_LINE_WIDTH + 1 + bytes(after);
            ScenarioFileWriter writer = new ScenarioFileWriter(channel, recording, countLineAt, emptyStepsAt);
            writer.write(0, before + writer.countLine("recording in progress") + "\n" + after + EMPTY_STEPS);
            return writer;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** {@code capture} for {@code lab/capture.yaml}, as the loader would name it. */
    static String scenarioName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private static String description(Recording recording) {
        return "Recorded from " + recording.broker() + " (" + String.join(", ", recording.filters()) + ") at "
                + recording.startedAt().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String headerBefore(Recording recording) {
        List<String> filters = recording.filters().stream().map(ScenarioYaml::inComment).toList();
        return "# Recorded by jetemu record from " + ScenarioYaml.inComment(recording.broker()) + ", subscribed at QoS "
                + recording.qos() + " to " + String.join(", ", filters) + "\n"
                + "# Started " + recording.startedAt().truncatedTo(ChronoUnit.MILLIS) + " (UTC)\n";
    }

    private static String headerAfter(Recording recording, Path file) {
        return """
                # Each message is a raw step, after a sleep for the time since the one before (for the first,
                # since the subscription). Retained messages, the broker's state when the recording subscribed,
                # are marked by a comment and replayed as ordinary messages. A message a raw step cannot send
                # (a payload that is not UTF-8 text, or a topic a scenario refuses) is left out, a comment in
                # its place.
                # Replay: jetemu run %s. In CI, where the application under test connects beside it,
                # add a first step that waits for it:
                #   - await-subscribers: { filter: %s, timeout: 60s }
                """.formatted(ScenarioYaml.inComment(file.getFileName().toString()),
                ScenarioYaml.quoted(recording.filters().get(0)));
    }

    /** Adds a message (a sleep and a raw step, or a comment when it cannot be replayed); written by {@link #flush}. */
    public void add(RecordedMessage message) {
        Optional<String> text = utf8(message.payload());
        Optional<String> topicRefused = refusal(message.topic());
        if (text.isEmpty() || topicRefused.isPresent()) {
            skipped++;
            String why = text.isEmpty() ? "its payload (" + message.payload().length
                    + " bytes) is not UTF-8 text, which a raw step cannot send" : topicRefused.get();
            pending.append(INDENT).append("# left out: a message on ").append(ScenarioYaml.inComment(message.topic()))
                    .append(" at ").append(seconds(Duration.ofNanos(message.atNanos()))).append(": ")
                    .append(ScenarioYaml.inComment(why)).append('\n');
            return;
        }
        long atMillis = message.atNanos() / NANOS_PER_MILLI;
        if (atMillis > sleptMillis) {
            Duration gap = Duration.ofMillis(atMillis - sleptMillis);
            pending.append(INDENT).append(ScenarioYaml.sleepStep(gap)).append('\n');
            sleptMillis = atMillis;
        }
        if (message.retained()) {
            retained++;
            pending.append(INDENT).append("# retained: the broker held it when the recording subscribed\n");
        }
        pending.append(INDENT).append(ScenarioYaml.rawStep(message.topic(), text.get(), message.qos())).append('\n');
        pendingHasStep = true;
        recorded++;
    }

    /** Writes what was added since the last flush, in one write, and brings the header's counts up to date. */
    public void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        if (hasSteps) {
            end = write(end, pending.toString());
        } else if (pendingHasStep) {
            end = write(emptyStepsAt, STEPS + pending);
            hasSteps = true;
        } else {
            // Only comments so far: they go above the empty list, which stays last.
            end = write(emptyStepsAt, pending + EMPTY_STEPS);
            emptyStepsAt = end - EMPTY_STEPS.length();
        }
        pending.setLength(0);
        pendingHasStep = false;
        write(countLineAt, countLine("recording in progress"));
    }

    /** Writes what is pending, a closing comment, and the final counts. */
    public void finish(Duration elapsed) throws IOException {
        flush();
        Instant ended = recording.startedAt().plus(elapsed).truncatedTo(ChronoUnit.MILLIS);
        end = write(end, "# Recording ended " + ended + " (UTC), after " + seconds(elapsed) + ": " + recorded
                + " message" + (recorded == 1 ? "" : "s") + " recorded\n");
        write(countLineAt, countLine("recording ended after " + seconds(elapsed)));
    }

    public long recorded() {
        return recorded;
    }

    public long retained() {
        return retained;
    }

    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private String countLine(String state) {
        String line = "# Messages: " + recorded + " recorded (" + retained + " retained), " + skipped + " left out; "
                + state;
        if (line.length() > COUNT_LINE_WIDTH) {
            throw new IllegalStateException("the count line outgrew its place: " + line);
        }
        return line + " ".repeat(COUNT_LINE_WIDTH - line.length());
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }

    /** Writes {@code text} at {@code position} in one call; returns the position after it. */
    private long write(long position, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        return at;
    }

    private static long bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Why a raw step would refuse {@code topic}, by the rules the scenario loader applies. */
    private static Optional<String> refusal(String topic) {
        try {
            TopicRules.checkTopic("topic", topic);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("a raw step refuses its " + e.getMessage());
        }
    }

    /** The payload as text when it is well-formed UTF-8; a raw step sends that text's UTF-8 bytes, the same bytes. */
    static Optional<String> utf8(byte[] payload) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
