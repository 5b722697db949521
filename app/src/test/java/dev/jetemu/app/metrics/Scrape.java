package dev.jetemu.app.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A scrape in the Prometheus text format, read back: one sample per line that is not a comment. */
final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final String text;
    private final List<Sample> samples = new ArrayList<>();

    Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
    }

    String text() {
        return text;
    }

    List<Sample> samples() {
        return samples;
    }

    /**
     * The value of the one sample named {@code name} whose labels include these ({@code "reason",
     * "credentials"}); fails when there is none or more than one.
     */
    double value(String name, String... labels) {
        List<Sample> matching = samples.stream()
                .filter(sample -> sample.name().equals(name) && hasLabels(sample, labels))
                .toList();
        assertThat(matching).as("one sample %s%s in%n%s", name, List.of(labels), text).hasSize(1);
        return matching.get(0).value();
    }

    boolean has(String name, String... labels) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name) && hasLabels(sample, labels));
    }

    /** The sum over every sample named {@code name}. */
    double sum(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).mapToDouble(Sample::value).sum();
    }

    private static boolean hasLabels(Sample sample, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
