package dev.jetemu.app.config;

import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Position;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class NumericSettingTest {

    private final Diagnostics diagnostics = new Diagnostics("c.yaml");
    private final Position at = new Position(2, 9);

    @Test
    void theEndsOfEachRangeAreAccepted() {
        assertThat(NumericSetting.PORT.read("0", at, diagnostics)).isEqualTo(OptionalInt.of(0));
        assertThat(NumericSetting.PORT.read("65535", at, diagnostics)).isEqualTo(OptionalInt.of(65535));
        assertThat(NumericSetting.MAX_CONNECTIONS.read("1", at, diagnostics)).isEqualTo(OptionalInt.of(1));
        assertThat(NumericSetting.MAX_CONNECTIONS.read("65535", at, diagnostics)).isEqualTo(OptionalInt.of(65535));
        assertThat(NumericSetting.BROKER_SOCKET_SEND_BUFFER_SIZE.read("1024", at, diagnostics))
                .isEqualTo(OptionalInt.of(1024));
        assertThat(NumericSetting.BROKER_SOCKET_SEND_BUFFER_SIZE.read("67108864", at, diagnostics))
                .isEqualTo(OptionalInt.of(67_108_864));
        assertThat(NumericSetting.HTTP_PORT.read("0", at, diagnostics)).isEqualTo(OptionalInt.of(0));
        assertThat(diagnostics.hasErrors()).isFalse();
    }

    @Test
    void onlyTheControlApisPortCanBeTurnedOff() {
        assertThat(NumericSetting.HTTP_PORT.read("off", at, diagnostics)).isEqualTo(OptionalInt.of(EmulatorConfig.HTTP_OFF));
        assertThat(NumericSetting.HTTP_PORT.read("OFF", at, diagnostics)).isEqualTo(OptionalInt.of(EmulatorConfig.HTTP_OFF));
        assertThat(diagnostics.hasErrors()).isFalse();

        assertThat(NumericSetting.PORT.read("off", at, diagnostics)).isEmpty();
        NumericSetting.HTTP_PORT.read("65536", at, diagnostics);
        assertThat(diagnostics.errors()).extracting(Diagnostic::message).containsExactly(
                "port 'off' is not a whole number; expected a whole number from 0 to 65535",
                "port 65536 is out of range; expected a whole number from 0 to 65535, or off");
    }

    @Test
    void justOutsideEachRangeIsRefused() {
        NumericSetting.PORT.read("65536", at, diagnostics);
        NumericSetting.PORT.read("-1", at, diagnostics);
        NumericSetting.MAX_CONNECTIONS.read("0", at, diagnostics);
        NumericSetting.BROKER_SOCKET_SEND_BUFFER_SIZE.read("1023", at, diagnostics);
        NumericSetting.BROKER_SOCKET_SEND_BUFFER_SIZE.read("67108865", at, diagnostics);

        assertThat(diagnostics.errors()).extracting(Diagnostic::message).containsExactly(
                "port 65536 is out of range; expected a whole number from 0 to 65535",
                "port -1 is out of range; expected a whole number from 0 to 65535",
                "max-connections 0 is out of range; expected a whole number from 1 to 65535",
                "broker-socket-send-buffer-size 1023 is out of range; expected a whole number from 1024 to 67108864",
                "broker-socket-send-buffer-size 67108865 is out of range;"
                        + " expected a whole number from 1024 to 67108864");
    }

    @Test
    void aNumberTooBigForAnyIntegerIsOutOfRangeNotACrash() {
        assertThat(NumericSetting.PORT.read("99999999999999999999", at, diagnostics)).isEmpty();

        assertThat(diagnostics.errors()).extracting(Diagnostic::toString).containsExactly(
                "c.yaml:2:9: port 99999999999999999999 is out of range; expected a whole number from 0 to 65535");
    }

    @Test
    void textThatIsNotAWholeNumberIsSaidToBeSo() {
        NumericSetting.MAX_CONNECTIONS.read("ten", at, diagnostics);
        NumericSetting.MAX_CONNECTIONS.read("1.5", at, diagnostics);

        assertThat(diagnostics.errors()).extracting(Diagnostic::message).containsExactly(
                "max-connections 'ten' is not a whole number; expected a whole number from 1 to 65535",
                "max-connections '1.5' is not a whole number; expected a whole number from 1 to 65535");
    }

    @Test
    void theNotificationStatementsAreLookedUpByName() {
        assertThat(NumericSetting.underNotification("broker-socket-send-buffer-size"))
                .contains(NumericSetting.BROKER_SOCKET_SEND_BUFFER_SIZE);
        assertThat(NumericSetting.underNotification("port")).contains(NumericSetting.PORT);
        assertThat(NumericSetting.underNotification("users")).isEmpty();
    }
}
