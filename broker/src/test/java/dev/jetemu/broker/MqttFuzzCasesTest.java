package dev.jetemu.broker;

import dev.jetemu.broker.MqttFuzzCases.FuzzCase;
import dev.jetemu.broker.MqttFuzzCases.Kind;
import dev.jetemu.broker.MqttFuzzCases.Outcome;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MqttFuzzCasesTest {

    @Test
    void theSameSeedMakesTheSameBytesInAnyOrder() {
        MqttFuzzCases forward = new MqttFuzzCases(42);
        MqttFuzzCases backward = new MqttFuzzCases(42);
        FuzzCase[] later = new FuzzCase[2_000];
        for (int i = later.length - 1; i >= 0; i--) {
            later[i] = backward.caseAt(i);
        }
        for (int i = 0; i < later.length; i++) {
            FuzzCase first = forward.caseAt(i);
            assertThat(first.kind()).isEqualTo(later[i].kind());
            assertThat(first.bytes()).as("case %d", i).isEqualTo(later[i].bytes());
        }
    }

    @Test
    void anotherSeedMakesOtherBytes() {
        MqttFuzzCases one = new MqttFuzzCases(42);
        MqttFuzzCases other = new MqttFuzzCases(43);
        int same = 0;
        for (int i = 0; i < 1_000; i++) {
            if (java.util.Arrays.equals(one.caseAt(i).bytes(), other.caseAt(i).bytes())) {
                same++;
            }
        }
        assertThat(same).as("cases alike by chance (a 1-byte EMPTY_ID_WITHOUT_CLEAN_SESSION, say)").isLessThan(50);
    }

    @Test
    void everyKindIsMadeInAboutItsShare() {
        MqttFuzzCases cases = new MqttFuzzCases(MqttFuzzCases.DEFAULT_SEED);
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        int total = 20_000;
        for (int i = 0; i < total; i++) {
            FuzzCase fuzzCase = cases.caseAt(i);
            counts.merge(fuzzCase.kind(), 1, Integer::sum);
            assertThat(fuzzCase.bytes()).as("%s", fuzzCase).isNotEmpty();
            if (fuzzCase.outcome() == Outcome.CLOSES) {
                assertThat(fuzzCase.kind().violations()).as("%s", fuzzCase.kind()).hasSize(1);
            } else {
                assertThat(fuzzCase.kind().violations()).isEmpty();
            }
        }
        assertThat(counts).containsOnlyKeys(Kind.values());
        assertThat(counts.get(Kind.BIT_FLIPS)).isBetween(total / 5 - 600, total / 5 + 600);
        assertThat(counts.get(Kind.MQTT5_CONNECT)).isBetween(total / 50 - 150, total / 50 + 150);
    }

    @Test
    void aTruncatedConnectIsAPrefixOfAConnect() {
        MqttFuzzCases cases = new MqttFuzzCases(7);
        int seen = 0;
        for (int i = 0; seen < 100; i++) {
            FuzzCase fuzzCase = cases.caseAt(i);
            if (fuzzCase.kind() == Kind.TRUNCATED_CONNECT) {
                seen++;
                assertThat(fuzzCase.bytes()[0]).isEqualTo((byte) MqttBytes.CONNECT);
                int length = fuzzCase.bytes().length;
                if (length > 1) {
                    assertThat(fuzzCase.bytes()[1] & 0xff).as("%s: the CONNECT is cut short", fuzzCase)
                            .isGreaterThan(length - 2);
                }
            }
        }
    }
}
