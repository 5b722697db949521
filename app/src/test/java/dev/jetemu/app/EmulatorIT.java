package dev.jetemu.app;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-process emulator as an embedding program starts it: the builder's checks, where it
 * listens, and that closing it frees its ports. What it does once running is tested through the
 * JUnit extension that wraps it (jetemu-junit5) and through serve, which runs on it.
 */
class EmulatorIT {

    @Test
    void theBuilderChecksEachValueAsTheCommandLineDoes() {
        assertThatThrownBy(() -> Emulator.builder().hostname("lab router"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host name 'lab router' contains a space; expected a Junos host name: letters, digits, "
                        + "hyphens and dots, 1 to 255 characters, no spaces");
        assertThatThrownBy(() -> Emulator.builder().mqttPort(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 70000 is out of range; expected a whole number from 0 to 65535");
        assertThatThrownBy(() -> Emulator.builder().allowClients("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prefix length 33 is longer than the 32 bits of an IPv4 address");
        assertThatThrownBy(() -> Timing.realTime(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("speed 0.0; expected a number above 0, such as 10 or 0.5");
    }

    @Test
    void byDefaultItListensOnAFreeLoopbackPortWithoutTheControlApi() throws Exception {
        try (Emulator emulator = Emulator.builder().start()) {
            assertThat(emulator.mqttUri()).isEqualTo("tcp://127.0.0.1:" + emulator.mqttPort());
            assertThat(emulator.localAddress().getAddress().isLoopbackAddress()).isTrue();
            assertThat(emulator.httpPort()).isEmpty();
            assertThat(emulator.device().hostname()).isEqualTo("jetemu");
            assertThat(emulator.subscriptions()).isEmpty();
            assertThat(emulator.bundledScenarios()).contains("interface-flap");
        }
    }

    @Test
    void withAnHttpPortTheControlApiAnswersAndClosingFreesBothPorts() throws Exception {
        Emulator emulator = Emulator.builder().hostname("vmx1").httpPort(0).start();
        int mqtt = emulator.mqttPort();
        int http;
        try (emulator) {
            http = emulator.httpPort().orElseThrow();
            assertThat(emulator.httpUri()).contains("http://127.0.0.1:" + http + "/");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(emulator.httpUri().orElseThrow() + "health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ready\",\"mqttPort\":" + mqtt + ",\"httpPort\":" + http
                    + ",\"hostname\":\"vmx1\"}");
        }
        emulator.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", mqtt).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", http).close()).isInstanceOf(ConnectException.class);
    }
}
