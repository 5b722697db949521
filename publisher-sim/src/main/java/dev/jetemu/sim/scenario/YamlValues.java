package dev.jetemu.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jetemu.diagnostics.YamlList;
import dev.jetemu.diagnostics.YamlMap;
import dev.jetemu.diagnostics.YamlNode;
import dev.jetemu.diagnostics.YamlScalar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the loader needs to know about YAML values: their kind in words, numbers, booleans, JSON. */
final class YamlValues {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9][0-9_]*");
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private YamlValues() {
    }

    /** {@code a string ('2 sec')}, {@code a map}, {@code empty}: for "X is ...; expected ..." messages. */
    static String describe(YamlNode node) {
        return node instanceof YamlScalar scalar && !scalar.isNull()
                ? scalar.kindName() + " ('" + scalar.text() + "')"
                : node.kindName();
    }

    static boolean isNull(YamlNode node) {
        return node instanceof YamlScalar scalar && scalar.isNull();
    }

    /** A string that a user may have meant as a number: {@code "3"} in quotes. */
    static boolean looksLikeWholeNumber(String text) {
        return DECIMAL.matcher(text).matches();
    }

    /**
     * The value of a YAML whole number written in decimal; empty for any other scalar. YAML 1.1 also
     * reads {@code 0x10} and {@code 010} as numbers, but nobody writes an snmp-id so on purpose.
     */
    static Optional<BigInteger> wholeNumber(YamlScalar scalar) {
        if (scalar.kind() != YamlScalar.Kind.INTEGER || !DECIMAL.matcher(scalar.text()).matches()) {
            return Optional.empty();
        }
        String digits = scalar.text().replace("_", "");
        return Optional.of(new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits));
    }

    /** The value of a YAML boolean: {@code true}, {@code false} and YAML 1.1's {@code yes}, {@code no}, {@code on}, {@code off}. */
    static Optional<Boolean> bool(YamlScalar scalar) {
        if (scalar.kind() != YamlScalar.Kind.BOOLEAN) {
            return Optional.empty();
        }
        String text = scalar.text().toLowerCase(Locale.ROOT);
        return Optional.of(text.equals("true") || text.equals("yes") || text.equals("on") || text.equals("y"));
    }

    /**
     * The JSON a YAML value stands for: maps keep their order, numbers stay numbers (a decimal keeps
     * its digits), a value YAML reads as a number but JSON cannot carry ({@code .inf}) is its text.
     */
    static JsonNode toJson(YamlNode node) {
        if (node instanceof YamlMap map) {
            ObjectNode object = JSON.objectNode();
            map.entries().forEach(entry -> object.set(entry.key(), toJson(entry.value())));
            return object;
        }
        if (node instanceof YamlList list) {
            ArrayNode array = JSON.arrayNode();
            list.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        YamlScalar scalar = (YamlScalar) node;
        return switch (scalar.kind()) {
            case NULL -> JSON.nullNode();
            case BOOLEAN -> JSON.booleanNode(bool(scalar).orElseThrow());
            case INTEGER -> wholeNumber(scalar).<JsonNode>map(JSON::numberNode).orElseGet(() -> JSON.textNode(scalar.text()));
            case FLOAT -> decimal(scalar.text()).<JsonNode>map(JSON::numberNode).orElseGet(() -> JSON.textNode(scalar.text()));
            case STRING -> JSON.textNode(scalar.text());
        };
    }

    private static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
