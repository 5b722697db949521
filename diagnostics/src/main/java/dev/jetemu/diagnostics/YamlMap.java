package dev.jetemu.diagnostics;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A YAML mapping with its entries in the order they were written. Keys are unique: the reader
 * reports a repeated key and keeps the first.
 */
public record YamlMap(List<Entry> entries, Position position) implements YamlNode {

    /** One {@code key: value} entry; the key's own position is where a bad key is reported. */
    public record Entry(String key, Position keyPosition, YamlNode value) {
    }

    public YamlMap {
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
        return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
    }

    public List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Reports each key that is not one of {@code expected}, at the key, suggesting the closest expected key:
     * {@code unknown key 'alow-clients' in notification (did you mean 'allow-clients'?); expected one of port, ...}.
     *
     * @param where where the map is, as the message should say it: {@code in notification}, {@code at the top level}
     */
    public void reportUnknownKeys(Collection<String> expected, String where, Diagnostics diagnostics) {
        for (Entry entry : entries) {
            if (!expected.contains(entry.key())) {
                String suggestion = Suggestions.didYouMean(entry.key(), expected)
                        .map(match -> " (did you mean '" + match + "'?)")
                        .orElse("");
                diagnostics.error(entry.keyPosition(), "unknown key '" + entry.key() + "' " + where + suggestion
                        + "; expected " + (expected.size() == 1 ? "" : "one of ") + String.join(", ", expected));
            }
        }
    }

    @Override
    public String kindName() {
        return "a map";
    }
}
