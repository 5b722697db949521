package dev.jetemu.broker.clients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ClientIdPatternTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource(quoteCharacter = '"', value = {
            "*, app-1, true",
            "*, \"\", true",
            "app-*, app-1, true",
            "app-*, app-, true",
            "app-*, app-monitor-7, true",
            "app-*, my-app-1, false",
            "app-*, app, false",
            "app-?, app-1, true",
            "app-?, app-12, false",
            "app-?, app-, false",
            "*-1, app-1, true",
            "*-1, app-12, false",
            "a*b*c, axxbyyc, true",
            "a*b*c, abcbc, true",
            "a*b*c, axxbyy, false",
            "*a*a, banana, true",
            "*a*a, bananas, false",
            "??, ab, true",
            "??, a, false",
            "**, x, true",
            "other, other, true",
            "other, others, false",
            "other, Other, false",
            "\"\", \"\", true",
            "\"\", a, false",
    })
    void matchesTheWholeClientId(String glob, String clientId, boolean expected) {
        assertThat(new ClientIdPattern(glob).matches(clientId)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is literal")
    @CsvSource(quoteCharacter = '"', value = {
            "app.1, app.1, appx1",
            "app+, app+, appp",
            "a[12], a[12], a1",
            "(app)|x, (app)|x, x",
            "^app$, ^app$, app",
            "a{2}, a{2}, aa",
            "a\\d, a\\d, a1",
            "\\Q*\\E, \\Qx\\E, *",
    })
    void everyCharacterButTheWildcardsIsLiteral(String glob, String itself, String notMatched) {
        ClientIdPattern pattern = new ClientIdPattern(glob);
        assertThat(pattern.matches(itself)).isTrue();
        assertThat(pattern.matches(notMatched)).isFalse();
    }

    @Test
    void aQuestionMarkTakesOneCharacterEvenOutsideTheBasicPlane() {
        assertThat(new ClientIdPattern("app-?").matches("app-\uD83D\uDE00")).isTrue();
    }

    @Test
    void allMatchesEveryClient() {
        assertThat(ClientIdPattern.ALL.matches("jet-app-42")).isTrue();
        assertThat(ClientIdPattern.ALL.matches("")).isTrue();
    }

    @Test
    void printsAsItsGlob() {
        assertThat(ClientIdPattern.of("app-*")).hasToString("app-*");
    }

    @Test
    void isAValue() {
        assertThat(ClientIdPattern.of("app-*")).isEqualTo(new ClientIdPattern("app-*"));
    }

    @Test
    void refusesNull() {
        assertThatNullPointerException().isThrownBy(() -> new ClientIdPattern(null));
    }
}
