package dev.jetemu.app.config;

import dev.jetemu.app.config.SetLineTokenizer.Kind;
import dev.jetemu.app.config.SetLineTokenizer.Problem;
import dev.jetemu.app.config.SetLineTokenizer.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SetLineTokenizerTest {

    @Test
    void wordsAreSplitOnWhiteSpaceAndKeepTheirColumns() {
        SetLineTokenizer.Line line = SetLineTokenizer.tokenize("  set system\thost-name   vmx1 ");

        assertThat(line.tokens()).containsExactly(
                new Token("set", 3, Kind.WORD),
                new Token("system", 7, Kind.WORD),
                new Token("host-name", 14, Kind.WORD),
                new Token("vmx1", 26, Kind.WORD));
        assertThat(line.problem()).isEmpty();
    }

    @Test
    void aQuotedStringIsOneWordStartingAtItsQuote() {
        SetLineTokenizer.Line line = SetLineTokenizer.tokenize("annotate system \"lab \\\"A\\\" [rack 4]\"");

        assertThat(line.tokens()).containsExactly(
                new Token("annotate", 1, Kind.WORD),
                new Token("system", 10, Kind.WORD),
                new Token("lab \"A\" [rack 4]", 17, Kind.WORD));
    }

    @Test
    void listBracketsAreWordsOfTheirOwnEvenAgainstAValue() {
        SetLineTokenizer.Line line = SetLineTokenizer.tokenize("address [10.0.0.0/8 192.0.2.1]");

        assertThat(line.tokens()).containsExactly(
                new Token("address", 1, Kind.WORD),
                new Token("[", 9, Kind.OPEN_LIST),
                new Token("10.0.0.0/8", 10, Kind.WORD),
                new Token("192.0.2.1", 21, Kind.WORD),
                new Token("]", 30, Kind.CLOSE_LIST));
    }

    @Test
    void anUnterminatedQuoteStopsAtTheQuoteAndKeepsTheWordsBefore() {
        SetLineTokenizer.Line line = SetLineTokenizer.tokenize("set system host-name \"vmx1");

        assertThat(line.tokens()).extracting(Token::text).containsExactly("set", "system", "host-name");
        assertThat(line.problem()).contains(new Problem(22,
                "unterminated quoted string; expected a closing '\"' before the end of the line"));
    }
}
