package dev.jetemu.broker.edge;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8CheckTest {

    private static boolean accepts(byte[] bytes) {
        Utf8Check check = new Utf8Check();
        for (byte b : bytes) {
            if (!check.accept(b & 0xff)) {
                return false;
            }
        }
        return check.complete();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void wellFormedTextOfEveryLengthIsAccepted() {
        assertThat(accepts("/junos/events/kernel/#".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(accepts("é € 𝄞 \uFFFD \uD7FF \uE000 \uDBFF\uDFFF".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(accepts(new byte[0])).isTrue();
    }

    @Test
    void nulIsRefusedAndSaidSo() {
        Utf8Check check = new Utf8Check();
        assertThat(check.accept('a')).isTrue();
        assertThat(check.accept(0)).isFalse();
        assertThat(check.refusedNul()).isTrue();
    }

    @Test
    void overlongFormsSurrogatesAndCodePointsAboveTheLastAreRefused() {
        assertThat(accepts(bytes(0xC0, 0x80))).as("overlong U+0000").isFalse();
        assertThat(accepts(bytes(0xC1, 0xBF))).as("overlong U+007F").isFalse();
        assertThat(accepts(bytes(0xE0, 0x9F, 0xBF))).as("overlong U+07FF").isFalse();
        assertThat(accepts(bytes(0xF0, 0x8F, 0xBF, 0xBF))).as("overlong U+FFFF").isFalse();
        assertThat(accepts(bytes(0xED, 0xA0, 0x80))).as("surrogate U+D800").isFalse();
        assertThat(accepts(bytes(0xED, 0xBF, 0xBF))).as("surrogate U+DFFF").isFalse();
        assertThat(accepts(bytes(0xF4, 0x90, 0x80, 0x80))).as("U+110000").isFalse();
        assertThat(accepts(bytes(0xF5, 0x80, 0x80, 0x80))).isFalse();
        assertThat(accepts(bytes(0xFF))).isFalse();
        assertThat(accepts(bytes(0x80))).as("a continuation byte first").isFalse();
        assertThat(accepts(bytes(0xE2, 0x82))).as("a character cut short").isFalse();
        assertThat(accepts(bytes(0xE2, 0x41, 0xAC))).as("a character interrupted").isFalse();
        assertThat(new Utf8Check().refusedNul()).isFalse();
    }

    /** Agrees with the JDK's strict decoder on seeded random byte strings, U+0000 aside. */
    @Test
    void agreesWithTheJdksDecoderOnRandomBytes() {
        long seed = 20260101L;
        Random random = new Random(seed);
        int[] interesting = {0x00, 0x24, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[random.nextInt(7)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                        : random.nextInt(256));
            }
            boolean expected = jdkDecodes(bytes) && !containsNul(bytes);
            if (accepts(bytes) != expected) {
                assertThat(accepts(bytes)).as("seed %d, case %d: %s", seed, n, hex(bytes)).isEqualTo(expected);
            }
        }
    }

    private static boolean jdkDecodes(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x ", b));
        }
        return text.toString().trim();
    }
}
