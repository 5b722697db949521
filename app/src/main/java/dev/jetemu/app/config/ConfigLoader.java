package dev.jetemu.app.config;

import dev.jetemu.diagnostics.TextFiles;
import dev.jetemu.diagnostics.UserInputException;

import java.nio.file.Path;

/**
 * Loads {@code --config FILE}: a YAML file whose keys mirror the Junos hierarchy, or Junos {@code set}
 * commands pasted from {@code show configuration | display set}. The form is told from the content,
 * not the file name, so a pasted file works whatever it is called.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * @throws UserInputException naming every error in the file, each as {@code FILE:LINE:COLUMN: message},
     *                            where FILE is {@code file} as given
     */
    public static EmulatorConfig load(Path file) {
        String content = TextFiles.read(file, "configuration file", "a readable YAML or Junos set-command file");
        return parse(file.toString(), content);
    }

    /**
     * Loads configuration text that did not come from a file of its own (a test, an environment variable).
     *
     * @param displayName how diagnostics name the source
     * @throws UserInputException naming every error in the text
     */
    public static EmulatorConfig parse(String displayName, String content) {
        return switch (ConfigFormat.detect(content)) {
            case SET_COMMANDS -> SetCommandParser.parse(displayName, content);
            case YAML -> YamlConfigBinder.bind(displayName, content);
        };
    }
}
