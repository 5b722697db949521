package dev.jetemu.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a YAML parser's exception into a diagnostic a user can act on. SnakeYAML (under Jackson)
 * words its errors in parser terms ({@code expected <block end>, but found '<block mapping start>'})
 * and gives two places, the construct being read and the fault; this says the same in the user's
 * terms, at the more useful of the two places.
 */
final class YamlSyntaxErrors {

    private static final String PREFIX = "invalid YAML: ";
    private static final Pattern EXPECTED_BUT_FOUND = Pattern.compile("expected (.+), but (?:found|got) (.+)");
    private static final Pattern CANNOT_START = Pattern.compile("found character '(.+)' that cannot start any token.*");
    private static final String END_OF_FILE = "<stream end>";

    /** SnakeYAML's token names, as they appear in its messages. */
    private static final Map<String, String> TOKENS = Map.ofEntries(
            Map.entry("<block mapping start>", "a map entry"),
            Map.entry("<block sequence start>", "a list"),
            Map.entry("<block end>", "the end of an indented block"),
            Map.entry("<scalar>", "a value"),
            Map.entry("?", "a key"),
            Map.entry("-", "a list item '-'"),
            Map.entry("<document start>", "'---'"),
            Map.entry("<anchor>", "an anchor"),
            Map.entry("<alias>", "an alias"),
            Map.entry("<tag>", "a tag"),
            Map.entry("the node content", "a value"),
            Map.entry(END_OF_FILE, "the end of the file"));

    /** What SnakeYAML was reading when it failed ("while parsing a block mapping"). */
    private static final Map<String, String> CONSTRUCTS = Map.ofEntries(
            Map.entry("a block mapping", "the map"),
            Map.entry("a block collection", "the list"),
            Map.entry("a flow sequence", "the [...] list"),
            Map.entry("a flow mapping", "the {...} map"),
            Map.entry("a quoted scalar", "the quoted string"),
            Map.entry("a plain scalar", "the value"),
            Map.entry("a block scalar", "the block of text"),
            Map.entry("a flow node", "the value"),
            Map.entry("a block node", "the value"),
            Map.entry("a simple key", "the key"));

    private YamlSyntaxErrors() {
    }

    /** A message and the place it is about. */
    private record Located(Position at, String message) {
    }

    // Jackson's wrapper is deprecated but is still what its YAML parser throws, and it is the only
    // way to reach both of SnakeYAML's marks without depending on SnakeYAML itself.
    @SuppressWarnings("deprecation")
    static void report(JsonProcessingException e, Diagnostics diagnostics) {
        Position jacksonPosition = LocatedYaml.positionOf(e.getLocation());
        Located located;
        if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException marked) {
            Position problemAt = marked.getProblemMark() == null ? jacksonPosition : of(marked.getProblemMark());
            Position contextAt = marked.getContextMark() == null ? null : of(marked.getContextMark());
            String context = marked.getContext() == null ? null
                    : marked.getContext().replaceFirst("^while (parsing|scanning) ", "");
            located = describe(String.valueOf(marked.getProblem()).strip(), context, contextAt, problemAt);
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Expected a field name")) {
            located = new Located(jacksonPosition, "a key is a list or a map; expected a plain text key");
        } else {
            located = new Located(jacksonPosition, e.getOriginalMessage() + "; expected well-formed YAML");
        }
        diagnostics.error(located.at(), PREFIX + located.message());
    }

    /**
     * @param context   what SnakeYAML was reading, without "while parsing": {@code a block mapping}; may be null
     * @param contextAt where that construct starts; null when there is no context
     */
    private static Located describe(String problem, String context, Position contextAt, Position problemAt) {
        String construct = context == null ? null : CONSTRUCTS.getOrDefault(context, "the " + context);
        Matcher cannotStart = CANNOT_START.matcher(problem);
        Matcher expectedButFound = EXPECTED_BUT_FOUND.matcher(problem);
        String expected = expectedButFound.matches() ? expectedButFound.group(1) : null;
        String found = expectedButFound.matches() ? unquoted(expectedButFound.group(2)) : null;

        if (cannotStart.matches()) {
            return new Located(problemAt, cannotStart.group(1).startsWith("\\t")
                    ? "a tab character is used for indentation; expected spaces"
                    : "a value cannot start with '" + cannotStart.group(1) + "'; expected the value in quotes");
        }
        if (problem.startsWith("could not find expected ':'") && contextAt != null) {
            return new Located(contextAt, "this line has no ':' after its key; expected 'key: value', or '- ' "
                    + "before a list item");
        }
        if ("a flow node".equals(context) && (problem.equals("found unexpected end of stream")
                || END_OF_FILE.equals(found))) {
            return new Located(contextAt, "the file ends where a value was expected, with a [ or { left open; "
                    + "expected a value, then the closing ']' or '}'");
        }
        if (problem.equals("mapping values are not allowed here")) {
            return new Located(problemAt, "':' is not allowed here; expected one 'key: value' per line at the"
                    + " indentation of its map, and quotes around a value that contains ': '");
        }
        // An unclosed quote or bracket is found at the end of the file, but fixed where it opens.
        if (contextAt != null && (problem.equals("found unexpected end of stream") || END_OF_FILE.equals(found))) {
            String closing = expected != null ? expected
                    : context.equals("a quoted scalar") ? "a closing quote" : "it to be closed";
            return new Located(contextAt, construct + " is not closed before the end of the file; expected " + closing);
        }
        if (expected == null) {
            return new Located(problemAt, problem + (construct == null ? "" : " in " + construct)
                    + "; expected well-formed YAML");
        }
        if (found.equals(":") && expected.equals("the node content")) {
            return new Located(problemAt, "a value starts with ':'; expected such a value in quotes, as in \"::1\"");
        }
        String startingAt = contextAt == null ? ""
                : " that starts at line " + contextAt.line() + ", column " + contextAt.column();
        if (expected.equals("<block end>") && construct != null) {
            return new Located(problemAt, "found " + token(found) + " out of line with " + construct + startingAt
                    + "; expected the entries of one map or list to start in the same column");
        }
        return new Located(problemAt, "found " + token(found) + (construct == null ? "" : " in " + construct)
                + startingAt + "; expected " + token(expected));
    }

    /** A token as a user reads it: a known name in words, a lone character in quotes. */
    private static String token(String snakeYamlName) {
        String named = TOKENS.get(snakeYamlName);
        if (named != null) {
            return named;
        }
        return snakeYamlName.length() == 1 ? "'" + snakeYamlName + "'" : snakeYamlName;
    }

    private static String unquoted(String found) {
        return found.length() > 2 && found.startsWith("'") && found.endsWith("'")
                ? found.substring(1, found.length() - 1) : found;
    }

    @SuppressWarnings("deprecation")
    private static Position of(com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark mark) {
        // SnakeYAML counts from 0.
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
