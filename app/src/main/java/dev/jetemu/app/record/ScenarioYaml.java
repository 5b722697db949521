package dev.jetemu.app.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.jetemu.diagnostics.Durations;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The lines of a recorded scenario, written by Jackson's YAML generator rather than escaped by
 * hand. Every string is double-quoted: that style escapes what YAML would otherwise read as syntax
 * or change (a leading space, {@code #}, {@code : }, quotes, backslashes, line breaks, control and
 * non-printable characters) and keeps everything else as written, so the scenario loader reads back
 * exactly the text that went in. Lines are never folded: a payload stays on one line.
 */
final class ScenarioYaml {

    private static final YAMLFactory FLOW = factory(DumperOptions.FlowStyle.FLOW);
    private static final YAMLFactory BLOCK = factory(DumperOptions.FlowStyle.BLOCK);

    private ScenarioYaml() {
    }

    private static YAMLFactory factory(DumperOptions.FlowStyle style) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(style);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        return YAMLFactory.builder()
                .dumperOptions(options)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build();
    }

    /** {@code - raw: {topic: "...", payload: "...", qos: 1}}, without its indentation or line break. */
    static String rawStep(String topic, String payload, int qos) {
        return "- raw: " + generate(FLOW, generator -> {
            generator.writeStartObject();
            generator.writeStringField("topic", topic);
            generator.writeStringField("payload", payload);
            generator.writeNumberField("qos", qos);
            generator.writeEndObject();
        });
    }

    /** {@code - sleep: 250ms}, in the shortest spelling the loader reads back. */
    static String sleepStep(Duration duration) {
        return "- sleep: " + Durations.format(duration);
    }

    /** The {@code name:} and {@code description:} lines, each ending in a line break. */
    static String nameAndDescription(String name, String description) {
        return generate(BLOCK, generator -> {
            generator.writeStartObject();
            generator.writeStringField("name", name);
            generator.writeStringField("description", description);
            generator.writeEndObject();
        }) + "\n";
    }

    /** {@code text} as a double-quoted YAML string. */
    static String quoted(String text) {
        if (text.isEmpty()) {
            // at the top of a document Jackson writes an empty string as '--- ""'
            return "\"\"";
        }
        return generate(BLOCK, generator -> generator.writeString(text));
    }

    /**
     * {@code text} as it may stand in a {@code #} comment: as written when every character is printable
     * and none ends the line, double-quoted (escaped) otherwise.
     */
    static String inComment(String text) {
        return text.codePoints().allMatch(ScenarioYaml::printableInLine) ? text : quoted(text);
    }

    /** YAML's printable characters (which a reader accepts anywhere), less those that break a line. */
    private static boolean printableInLine(int c) {
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private interface Writing {
        void to(JsonGenerator generator) throws IOException;
    }

    private static String generate(YAMLFactory factory, Writing writing) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(text)) {
            writing.to(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing YAML to a string", e);
        }
        String yaml = text.toString();
        return yaml.endsWith("\n") ? yaml.substring(0, yaml.length() - 1) : yaml;
    }
}
