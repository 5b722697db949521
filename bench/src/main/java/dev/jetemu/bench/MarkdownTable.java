package dev.jetemu.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table: text columns aligned left, figures right. */
final class MarkdownTable {

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** A column of text. */
    MarkdownTable text(String header) {
        headers.add(header);
        numeric.add(false);
        return this;
    }

    /** A column of figures, aligned right. */
    MarkdownTable figure(String header) {
        headers.add(header);
        numeric.add(true);
        return this;
    }

    MarkdownTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder md = new StringBuilder("|");
        headers.forEach(header -> md.append(' ').append(header).append(" |"));
        md.append("\n|");
        numeric.forEach(right -> md.append(right ? "---:|" : "---|"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(cell -> md.append(' ').append(Format.cell(cell)).append(" |"));
            md.append('\n');
        }
        return md.toString();
    }
}
