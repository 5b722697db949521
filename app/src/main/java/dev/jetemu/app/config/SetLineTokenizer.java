package dev.jetemu.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one line of Junos configuration commands into words as the Junos CLI does: white space
 * separates, a double-quoted string is one word (with {@code \"} for a quote inside it), and
 * {@code [} and {@code ]} around a list are words of their own even when written against a value.
 */
final class SetLineTokenizer {

    enum Kind { WORD, OPEN_LIST, CLOSE_LIST }

    /** @param column 1-based column of the token's first character, its opening quote if quoted */
    record Token(String text, int column, Kind kind) {

        boolean is(String word) {
            return kind == Kind.WORD && text.equals(word);
        }
    }

    /** What stopped the tokenizer, at the column it points to. */
    record Problem(int column, String message) {
    }

    /** The tokens read, and the problem that stopped reading, if any; tokens before a problem are kept. */
    record Line(List<Token> tokens, Optional<Problem> problem) {

        Line {
            tokens = List.copyOf(tokens);
        }
    }

    private SetLineTokenizer() {
    }

    static Line tokenize(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '[' || c == ']') {
                tokens.add(new Token(String.valueOf(c), i + 1, c == '[' ? Kind.OPEN_LIST : Kind.CLOSE_LIST));
                i++;
            } else {
                int start = i;
                StringBuilder word = new StringBuilder();
                while (i < line.length() && !endsWord(line.charAt(i))) {
                    if (line.charAt(i) == '"') {
                        int closing = readQuoted(line, i + 1, word);
                        if (closing < 0) {
                            return new Line(tokens, Optional.of(new Problem(i + 1,
                                    "unterminated quoted string; expected a closing '\"' before the end of the line")));
                        }
                        i = closing + 1;
                    } else {
                        word.append(line.charAt(i++));
                    }
                }
                tokens.add(new Token(word.toString(), start + 1, Kind.WORD));
            }
        }
        return new Line(tokens, Optional.empty());
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == '[' || c == ']';
    }

    /** Appends the quoted text from {@code from} to {@code word}; returns the closing quote's index, or -1. */
    private static int readQuoted(String line, int from, StringBuilder word) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length()) {
                i++;
                c = line.charAt(i);
            }
            word.append(c);
            i++;
        }
        return -1;
    }
}
