package dev.jetemu.diagnostics;

/**
 * A node of a YAML document that remembers where it was written, so that a loader can point the
 * user at the exact value it rejects.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    /** Where the node starts: the first character of a value, the {@code [} or {@code {} of a flow collection. */
    Position position();

    /** What kind of value this is, for "port is a map; expected a number": {@code a map}, {@code a string}. */
    String kindName();
}
