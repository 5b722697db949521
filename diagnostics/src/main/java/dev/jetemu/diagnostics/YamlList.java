package dev.jetemu.diagnostics;

import java.util.List;

/** A YAML sequence, block ({@code - item}) or flow ({@code [a, b]}). */
public record YamlList(List<YamlNode> items, Position position) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
