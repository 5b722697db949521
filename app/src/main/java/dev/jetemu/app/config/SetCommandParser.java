package dev.jetemu.app.config;

import dev.jetemu.app.config.SetLineTokenizer.Kind;
import dev.jetemu.app.config.SetLineTokenizer.Token;
import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.diagnostics.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the set-command form: what {@code show configuration | display set} prints. A device's whole
 * configuration can be pasted as it is; only {@code system host-name} and
 * {@code system services extension-service notification} are applied, every other statement is
 * noted as ignored, and a mistake inside those two is an error.
 */
final class SetCommandParser {

    private static final List<String> NOTIFICATION_PATH =
            List.of("system", "services", "extension-service", "notification");
    private static final List<String> HOST_NAME_PATH = List.of("system", "host-name");
    private static final String ALLOW_CLIENTS = "allow-clients";
    private static final String ADDRESS = "address";
    private static final List<String> NOTIFICATION_STATEMENTS = Stream.concat(Stream.of(ALLOW_CLIENTS),
            NumericSetting.NOTIFICATION.stream().map(NumericSetting::key)).toList();

    /** Which part of the configuration a line's statement path reaches. */
    private enum Target {
        NOTIFICATION,
        HOST_NAME,
        /** A container of those two, such as {@code system services}: removing it would remove them. */
        ENCLOSING,
        OTHER
    }

    private final Diagnostics diagnostics;
    private final ConfigBuilder config = new ConfigBuilder();
    private int lineNumber;

    private SetCommandParser(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    static EmulatorConfig parse(String displayName, String content) {
        SetCommandParser parser = new SetCommandParser(new Diagnostics(displayName));
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            parser.lineNumber = i + 1;
            parser.line(lines.get(i));
        }
        parser.diagnostics.throwIfErrors();
        return parser.config.build(parser.diagnostics.notes());
    }

    private void line(String text) {
        if (ConfigFormat.isSkipped(text.strip())) {
            return;
        }
        SetLineTokenizer.Line line = SetLineTokenizer.tokenize(text);
        if (line.tokens().isEmpty()) {
            line.problem().ifPresent(this::report);
            return;
        }
        Token first = line.tokens().get(0);
        Optional<JunosCommand> command = first.kind() == Kind.WORD ? JunosCommand.of(first.text()) : Optional.empty();
        if (command.isEmpty()) {
            diagnostics.error(at(first), "unknown command '" + first.text() + "'; expected a Junos 'set' command");
            return;
        }
        List<Token> path = line.tokens().subList(1, line.tokens().size());
        if (path.isEmpty() && line.problem().isPresent()) {
            report(line.problem().get());
        } else if (path.isEmpty()) {
            diagnostics.error(at(first), "missing statement after '" + first.text() + "'; expected a statement"
                    + " such as 'set system services extension-service notification port 1883'");
        } else {
            statement(command.get(), first, path, line.problem(), text.strip());
        }
    }

    private void report(SetLineTokenizer.Problem problem) {
        diagnostics.error(at(problem.column()), problem.message());
    }

    private void statement(JunosCommand command, Token first, List<Token> path,
                           Optional<SetLineTokenizer.Problem> problem, String text) {
        Target target = target(path);
        boolean applied = target == Target.NOTIFICATION || target == Target.HOST_NAME;
        if (!applied && !(target == Target.ENCLOSING && command.removesStatements())) {
            diagnostics.note(at(first), "ignored '" + text + "'" + pathSuggestion(path)
                    + "; the emulator takes only host-name and the notification service from a set file");
        } else if (problem.isPresent()) {
            report(problem.get());
        } else if (!command.changesValues()) {
            diagnostics.note(at(first), "ignored '" + text + "'; '" + command.word()
                    + "' does not change host-name or the notification service");
        } else if (command.removesStatements()) {
            diagnostics.error(at(first), "'" + command.word() + "' of host-name or the notification service"
                    + " is not supported; expected only 'set' commands for them (leave out this line and the"
                    + " statements it " + (command == JunosCommand.DELETE ? "deletes" : "deactivates") + ")");
        } else if (target == Target.HOST_NAME) {
            hostName(path.get(HOST_NAME_PATH.size() - 1), rest(path, HOST_NAME_PATH.size()));
        } else {
            notification(rest(path, NOTIFICATION_PATH.size()));
        }
    }

    private void hostName(Token keyword, List<Token> rest) {
        singleValue(keyword, rest, HostNames.EXPECTATION)
                .flatMap(value -> HostNames.check(value.text(), at(value), diagnostics))
                .ifPresent(config::hostname);
    }

    private void notification(List<Token> rest) {
        if (rest.isEmpty()) {
            return; // the service is configured, with nothing under it
        }
        Token statement = rest.get(0);
        List<Token> after = rest(rest, 1);
        if (statement.is(ALLOW_CLIENTS)) {
            allowClients(statement, after);
            return;
        }
        Optional<NumericSetting> setting = statement.kind() == Kind.WORD
                ? NumericSetting.underNotification(statement.text()) : Optional.empty();
        if (setting.isPresent()) {
            singleValue(statement, after, setting.get().expectation())
                    .ifPresent(value -> setting.get().read(value.text(), at(value), diagnostics)
                            .ifPresent(number -> config.number(setting.get(), number)));
            return;
        }
        diagnostics.error(at(statement), "unknown statement '" + statement.text() + "' under notification"
                + suggestion(statement.text(), NOTIFICATION_STATEMENTS)
                + "; expected one of " + String.join(", ", NOTIFICATION_STATEMENTS));
    }

    private void allowClients(Token keyword, List<Token> after) {
        config.allowClientsConfigured();
        if (after.isEmpty()) {
            diagnostics.error(at(keyword),
                    "missing 'address' after 'allow-clients'; expected 'allow-clients address ADDRESS'");
            return;
        }
        Token address = after.get(0);
        if (!address.is(ADDRESS)) {
            diagnostics.error(at(address), "unknown statement '" + address.text() + "' under allow-clients"
                    + suggestion(address.text(), List.of(ADDRESS)) + "; expected 'address'");
            return;
        }
        addresses(address, rest(after, 1)).forEach(value ->
                config.allow(AllowClientsEntry.resolve(value.text(), at(value), diagnostics)));
    }

    /** One address, or the Junos list form {@code [ a b ]}; empty when reported as wrong. */
    private List<Token> addresses(Token keyword, List<Token> after) {
        if (after.isEmpty() || after.get(0).kind() != Kind.OPEN_LIST) {
            return singleValue(keyword, after, AllowClientsEntry.EXPECTATION).map(List::of).orElse(List.of());
        }
        Token open = after.get(0);
        List<Token> values = new ArrayList<>();
        for (int i = 1; i < after.size(); i++) {
            Token token = after.get(i);
            switch (token.kind()) {
                case WORD -> values.add(token);
                case OPEN_LIST -> {
                    diagnostics.error(at(token), "'[' inside a list; expected addresses separated by spaces");
                    return List.of();
                }
                case CLOSE_LIST -> {
                    if (values.isEmpty()) {
                        diagnostics.error(at(open), "empty list after 'address';"
                                + " expected at least one address, prefix or host name between '[' and ']'");
                        return List.of();
                    }
                    return endOfLine(rest(after, i + 1), "the list") ? values : List.of();
                }
            }
        }
        diagnostics.error(at(open), "unterminated list; expected ']' after the last address");
        return List.of();
    }

    /** The one word after {@code keyword}, with nothing after it; empty when reported as wrong. */
    private Optional<Token> singleValue(Token keyword, List<Token> after, String expectation) {
        if (after.isEmpty()) {
            diagnostics.error(at(keyword), "missing value after '" + keyword.text() + "'; expected " + expectation);
            return Optional.empty();
        }
        Token value = after.get(0);
        if (value.kind() == Kind.OPEN_LIST) {
            diagnostics.error(at(value), keyword.text() + " takes one value, not a list; expected " + expectation);
            return Optional.empty();
        }
        if (value.kind() == Kind.CLOSE_LIST) {
            diagnostics.error(at(value), "unexpected ']' after '" + keyword.text() + "'; expected " + expectation);
            return Optional.empty();
        }
        return endOfLine(rest(after, 1), "'" + keyword.text() + " " + value.text() + "'")
                ? Optional.of(value) : Optional.empty();
    }

    private boolean endOfLine(List<Token> extra, String after) {
        if (extra.isEmpty()) {
            return true;
        }
        diagnostics.error(at(extra.get(0)), "unexpected '" + extra.get(0).text() + "' after " + after
                + "; expected the end of the line");
        return false;
    }

    private static Target target(List<Token> path) {
        if (startsWith(path, NOTIFICATION_PATH)) {
            return Target.NOTIFICATION;
        }
        if (startsWith(path, HOST_NAME_PATH)) {
            return Target.HOST_NAME;
        }
        boolean enclosing = Stream.of(NOTIFICATION_PATH, HOST_NAME_PATH)
                .anyMatch(known -> path.size() < known.size() && startsWith(path, known.subList(0, path.size())));
        return enclosing ? Target.ENCLOSING : Target.OTHER;
    }

    private static boolean startsWith(List<Token> path, List<String> words) {
        if (path.size() < words.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            if (!path.get(i).is(words.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A near miss on the way to a statement the emulator applies ({@code notifcation}) is probably a
     * typo that would lose a setting, so the note says so.
     */
    private static String pathSuggestion(List<Token> path) {
        for (List<String> known : List.of(NOTIFICATION_PATH, HOST_NAME_PATH)) {
            int matching = 0;
            while (matching < Math.min(path.size(), known.size()) && path.get(matching).is(known.get(matching))) {
                matching++;
            }
            if (matching < path.size() && matching < known.size()) {
                String hint = suggestion(path.get(matching).text(), List.of(known.get(matching)));
                if (!hint.isEmpty()) {
                    return hint;
                }
            }
        }
        return "";
    }

    private static String suggestion(String word, List<String> candidates) {
        return Suggestions.didYouMean(word, candidates).map(match -> " (did you mean '" + match + "'?)").orElse("");
    }

    private static List<Token> rest(List<Token> tokens, int from) {
        return tokens.subList(Math.min(from, tokens.size()), tokens.size());
    }

    private Position at(Token token) {
        return at(token.column());
    }

    private Position at(int column) {
        return new Position(lineNumber, column);
    }
}
