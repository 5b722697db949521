package dev.jetemu.diagnostics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a YAML document into {@link YamlNode}s that keep their line and column, with Jackson's
 * streaming parser (Jackson's tree model forgets positions). A document is one value; an empty
 * document is an empty map. Anchors and aliases are resolved; merge keys ({@code <<}) are not
 * special and arrive as ordinary keys.
 */
public final class LocatedYaml {

    /**
     * SnakeYAML refuses documents over 3 Mi code points by default, a guard for services that parse
     * untrusted input; a scenario recorded from a device passes that in a minute of busy traffic, and
     * the file was already read into memory whole, so the guard buys nothing here. (The builder, unlike
     * {@code new YAMLFactory()}, leaves EMPTY_STRING_AS_NULL off: {@code key:} must stay null.)
     */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(unlimited())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();
    private static final String TOP_LEVEL = "at the top level";

    private LocatedYaml() {
    }

    /** Reads a file; the file's name in diagnostics is the path as given. */
    public static YamlNode read(Path file) {
        return read(file.toString(), TextFiles.read(file, "YAML file", "a readable YAML file"));
    }

    /**
     * @param displayName how diagnostics name the source: a file name as the user wrote it
     * @throws UserInputException listing the syntax error, or every repeated key and unresolved alias
     */
    public static YamlNode read(String displayName, String content) {
        Diagnostics diagnostics = new Diagnostics(displayName);
        Optional<YamlNode> root = parse(content, diagnostics);
        diagnostics.throwIfErrors();
        return root.orElseThrow();
    }

    /**
     * Parses into {@code diagnostics}, for a loader that goes on to check the tree and report all
     * problems together. A repeated key is reported and the tree is still returned (without the
     * repeated entry); a syntax error stops the parse, and so does an alias without an anchor, since
     * the value missing in its place would only be reported again, wrongly, as missing.
     *
     * @return the document's root, or empty when a syntax error or an unresolved alias left no tree to check
     */
    public static Optional<YamlNode> parse(String content, Diagnostics diagnostics) {
        try (YAMLParser parser = FACTORY.createParser(content)) {
            TreeReader reader = new TreeReader(parser, diagnostics);
            Optional<YamlNode> root = reader.document();
            return reader.unresolvedAlias ? Optional.empty() : root;
        } catch (JsonProcessingException e) {
            YamlSyntaxErrors.report(e, diagnostics);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e);
        }
    }

    private static LoaderOptions unlimited() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }

    static Position positionOf(JsonLocation location) {
        if (location == null) {
            return Position.START;
        }
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /** One pass over the parser's tokens, building nodes depth first. */
    private static final class TreeReader {

        private final YAMLParser parser;
        private final Diagnostics diagnostics;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private boolean unresolvedAlias;

        TreeReader(YAMLParser parser, Diagnostics diagnostics) {
            this.parser = parser;
            this.diagnostics = diagnostics;
        }

        Optional<YamlNode> document() throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.of(emptyMap());
            }
            Optional<YamlNode> root = node(first, TOP_LEVEL);
            if (parser.nextToken() != null) {
                diagnostics.error(tokenPosition(), "a second YAML document; expected one document per file");
            }
            // "---" alone, or "~", is a document with nothing in it.
            return root.map(node -> node instanceof YamlScalar scalar && scalar.isNull() ? emptyMap() : node);
        }

        /** @param where where the node sits, for the message about a repeated key inside it */
        private Optional<YamlNode> node(JsonToken token, String where) throws IOException {
            Position at = tokenPosition();
            String anchor = parser.getCurrentAnchor();
            Optional<YamlNode> node = switch (token) {
                case START_OBJECT -> Optional.of(map(at, where));
                case START_ARRAY -> Optional.of(list(at, where));
                default -> scalar(token, at);
            };
            if (anchor != null) {
                node.ifPresent(value -> anchors.put(anchor, value));
            }
            return node;
        }

        private YamlMap map(Position at, String where) throws IOException {
            List<YamlMap.Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
                String key = parser.currentName();
                Position keyAt = tokenPosition();
                Optional<YamlNode> value = node(next(), "in '" + key + "'");
                if (!seen.add(key)) {
                    diagnostics.error(keyAt, "duplicate key '" + key + "'; expected each key once " + where);
                } else {
                    value.ifPresent(node -> entries.add(new YamlMap.Entry(key, keyAt, node)));
                }
            }
            return new YamlMap(entries, at);
        }

        private YamlList list(Position at, String where) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
                node(token, where).ifPresent(items::add);
            }
            return new YamlList(items, at);
        }

        private Optional<YamlNode> scalar(JsonToken token, Position at) throws IOException {
            String text = parser.getText();
            if (parser.isCurrentAlias()) {
                YamlNode target = anchors.get(text);
                if (target == null) {
                    unresolvedAlias = true;
                    diagnostics.error(at, "alias '*" + text + "' refers to no anchor; expected an anchor '&"
                            + text + "' earlier in the file");
                }
                return Optional.ofNullable(target);
            }
            YamlScalar.Kind kind = switch (token) {
                case VALUE_NUMBER_INT -> YamlScalar.Kind.INTEGER;
                case VALUE_NUMBER_FLOAT -> YamlScalar.Kind.FLOAT;
                case VALUE_TRUE, VALUE_FALSE -> YamlScalar.Kind.BOOLEAN;
                case VALUE_NULL -> YamlScalar.Kind.NULL;
                // strings, and tagged values such as !!binary, which are text as far as users are concerned
                default -> YamlScalar.Kind.STRING;
            };
            return Optional.of(new YamlScalar(text == null ? "" : text, kind, at));
        }

        private JsonToken next() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                // The YAML parser reports an unclosed collection itself; this guards against a parser bug.
                throw new IllegalStateException("YAML ended inside a collection at " + tokenPosition());
            }
            return token;
        }

        private Position tokenPosition() {
            return positionOf(parser.currentTokenLocation());
        }

        private static YamlMap emptyMap() {
            return new YamlMap(List.of(), Position.START);
        }
    }
}
