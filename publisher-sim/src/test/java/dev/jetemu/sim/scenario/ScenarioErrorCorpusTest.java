package dev.jetemu.sim.scenario;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample of src/test/resources/scenario-errors is a mistake that says so in its first line,
 * and jetemu reports exactly the diagnostics its {@code # expect:} lines list (see the README there).
 */
class ScenarioErrorCorpusTest {

    private static final String EXPECT = "# expect: ";
    private static final Path FOLDER = Path.of("src/test/resources", ScenarioSamples.ERRORS);

    @TestFactory
    Stream<DynamicTest> eachSampleReportsWhatItExpects() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(FOLDER)) {
            samples = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(11);
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            String name = sample.getFileName().toString();
            String content = Files.readString(sample);
            List<String> expected = content.lines().filter(line -> line.startsWith(EXPECT))
                    .map(line -> ScenarioSamples.ERRORS + "/" + name + ":" + line.substring(EXPECT.length()))
                    .toList();
            assertThat(content).startsWith("# Mistake");
            assertThat(expected).as("the # expect: lines of " + name).isNotEmpty();
            assertThat(ScenarioSamples.problems(name)).containsExactlyElementsOf(expected);
        }));
    }
}
