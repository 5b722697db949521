package dev.jetemu.app.config;

import java.util.regex.Pattern;

/** The two forms a configuration file can take, told apart by the first line that says anything. */
enum ConfigFormat {
    YAML,
    SET_COMMANDS;

    /**
     * Lines that carry no configuration in either form. Besides blank lines and comments, the Junos
     * CLI frames pasted output with a routing-engine banner ({@code {master}}, {@code {primary:node0}})
     * and an edit-level banner ({@code [edit]}); they are skipped so a paste works unedited.
     */
    private static final Pattern SKIPPED = Pattern.compile(
            "|#.*|/\\*.*\\*/|\\{[A-Za-z0-9:_-]+\\}|\\[edit( [^\\]]*)?\\]");

    static ConfigFormat detect(String content) {
        return content.lines()
                .map(String::strip)
                .filter(line -> !isSkipped(line))
                .findFirst()
                .map(line -> startsWithCommand(line) ? SET_COMMANDS : YAML)
                .orElse(YAML);
    }

    /** @param line a line without its leading and trailing white space */
    static boolean isSkipped(String line) {
        return SKIPPED.matcher(line).matches();
    }

    private static boolean startsWithCommand(String line) {
        String[] words = line.split("\\s", 2);
        return words.length == 2 && JunosCommand.of(words[0]).isPresent();
    }
}
