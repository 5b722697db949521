package dev.jetemu.app.live;

import dev.jetemu.diagnostics.Suggestions;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import dev.jetemu.sim.scenario.ScenarioValidator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scenario library that ships inside jetemu (the repository's {@code scenarios/}, copied into
 * the jar at build time), by name: what the control API's {@code ?name=} and the live page's
 * buttons run, and what {@code serve --scenario NAME} finds.
 */
public final class BundledScenarios {

    /** Where the build puts the library on the class path. */
    static final String FOLDER = "bundled-scenarios";

    /** A bundled scenario's name and one-line description. */
    public record Entry(String name, String description) {
    }

    private final List<String> names;

    private BundledScenarios(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** The library on the class path; empty when the build did not bundle it. */
    public static BundledScenarios onClassPath() {
        URL folder = BundledScenarios.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return new BundledScenarios(List.of());
        }
        try {
            URI uri = folder.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException opened) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return new BundledScenarios(names(jar.getPath(FOLDER)));
            }
            return new BundledScenarios(names(Path.of(uri)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled scenarios", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length())).sorted().toList();
        }
    }

    public List<String> names() {
        return names;
    }

    /** Every bundled scenario with its description, in name order. */
    public List<Entry> entries() {
        return names.stream().map(name -> new Entry(name, load(name).orElseThrow().description())).toList();
    }

    /** The scenario, loaded and dry-run; empty when there is none of that name. */
    public Optional<Scenario> load(String name) {
        if (!names.contains(name)) {
            return Optional.empty();
        }
        Scenario scenario = ScenarioLoader.parse(name + ".yaml", text(name));
        ScenarioValidator.check(scenario);
        return Optional.of(scenario);
    }

    /** What to say when no scenario has that name: the closest one, and where to look. */
    public String unknown(String name) {
        String suggestion = Suggestions.didYouMean(name, names).map(s -> " (did you mean '" + s + "'?)").orElse("");
        return "no bundled scenario '" + name + "'" + suggestion + "; expected one of " + String.join(", ", names);
    }

    private static String text(String name) {
        try (InputStream in = BundledScenarios.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("bundled scenario " + name + " is listed but cannot be read");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
