package dev.jetemu.app.cli;

import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.diagnostics.UserInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scenario files named on a command line: files as given, folders as their *.yaml/*.yml files in name order. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** @throws UserInputException naming every path that is neither a file nor a folder with scenarios */
    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> inFolder = scenariosIn(path);
                if (inFolder.isEmpty()) {
                    problems.add(Diagnostic.error(path.toString(), Position.START,
                            "the folder holds no scenario; expected .yaml or .yml files"));
                }
                files.addAll(inFolder);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                problems.add(Diagnostic.error(path.toString(), Position.START,
                        "no such file or folder; expected a scenario file or a folder of them"));
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        return files;
    }

    private static List<Path> scenariosIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserInputException(Diagnostic.error(folder.toString(), Position.START,
                    "cannot list the folder (" + e.getMessage() + "); expected a readable folder of scenarios"));
        }
    }
}
