package dev.jetemu.diagnostics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {

    private static final List<String> NOTIFICATION_KEYS =
            List.of("port", "allow-clients", "max-connections", "broker-socket-send-buffer-size", "users");

    @Test
    void suggestsAKeyWithADroppedLetter() {
        assertThat(Suggestions.didYouMean("alow-clients", NOTIFICATION_KEYS)).contains("allow-clients");
    }

    @Test
    void suggestsAKeyWithSwappedLetters() {
        assertThat(Suggestions.didYouMean("prot", NOTIFICATION_KEYS)).contains("port");
    }

    @Test
    void suggestsAKeyThatDiffersOnlyInCaseHoweverLong() {
        assertThat(Suggestions.didYouMean("BROKER-SOCKET-SEND-BUFFER-SIZE", NOTIFICATION_KEYS))
                .contains("broker-socket-send-buffer-size");
    }

    @Test
    void suggestsNothingThreeEditsAway() {
        assertThat(Suggestions.didYouMean("pxyz", NOTIFICATION_KEYS)).isEmpty();
        assertThat(Suggestions.didYouMean("hostname", NOTIFICATION_KEYS)).isEmpty();
    }

    @Test
    void picksTheClosestCandidate() {
        assertThat(Suggestions.didYouMean("hostnam", List.of("hostnames", "hostname"))).contains("hostname");
    }

    @Test
    void onATiePicksTheEarlierCandidate() {
        assertThat(Suggestions.didYouMean("prt", List.of("part", "port"))).contains("part");
    }

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
