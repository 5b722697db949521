package dev.jetemu.broker;

import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowClients;
import dev.jetemu.broker.access.AllowRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients nobody here wrote, allowed or refused by source address: Debian's python3-paho-mqtt
 * (the library JET's Python client is built on) and mosquitto_sub.
 */
class InteroperabilityIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path MOSQUITTO_SUB = Path.of("/usr/bin/mosquitto_sub");
    private static final String TOPIC = "/junos/events/syslog/UI_COMMIT_COMPLETED";

    private NotificationBroker broker;

    @BeforeEach
    void start() throws Exception {
        AllowClients only127001 = new AllowClients(List.of(
                new AllowRule("127.0.0.1", AddressPrefix.parse("127.0.0.1").orElseThrow()),
                new AllowRule("::1", AddressPrefix.parse("::1").orElseThrow())));
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0).withAllowClients(only127001));
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private static String script() throws URISyntaxException {
        return Path.of(InteroperabilityIT.class.getResource("/interop/jet_client.py").toURI()).toString();
    }

    private void publishEvent() throws InterruptedException {
        broker.publish(TOPIC, "{\"jet-event\":{}}".getBytes(StandardCharsets.UTF_8), 0);
    }

    @Test
    void pythonPahoFromAnAllowedBindAddressReceivesEvents() throws Exception {
        ExternalTool.require(PYTHON, "python3-paho-mqtt");
        try (ExternalTool python = ExternalTool.start(List.of(PYTHON.toString(), script(),
                "127.0.0.1", String.valueOf(broker.port()), "127.0.0.1", "/junos/events/#"))) {
            assertThat(python.nextLine(15)).isEqualTo("connack 0");
            assertThat(python.nextLine(15)).isEqualTo("subscribed");
            publishEvent();
            assertThat(python.nextLine(15)).isEqualTo("message " + TOPIC + " {\"jet-event\":{}}");
            assertThat(python.exitCode(15)).isZero();
        }
    }

    @Test
    void pythonPahoFromAnotherBindAddressIsRefusedNotAuthorized() throws Exception {
        ExternalTool.require(PYTHON, "python3-paho-mqtt");
        try (ExternalTool python = ExternalTool.start(List.of(PYTHON.toString(), script(),
                "127.0.0.1", String.valueOf(broker.port()), "127.0.0.2", "/junos/events/#"))) {
            assertThat(python.nextLine(15)).isEqualTo("connack 5");
            assertThat(python.exitCode(15)).isEqualTo(5);
        }
    }

    @Test
    void pythonPahoOverIpv6() throws Exception {
        ExternalTool.require(PYTHON, "python3-paho-mqtt");
        try (ExternalTool python = ExternalTool.start(List.of(PYTHON.toString(), script(),
                "::1", String.valueOf(broker.port()), "::1", "/junos/events/#"))) {
            assertThat(python.nextLine(15)).isEqualTo("connack 0");
        }
    }

    @Test
    void mosquittoSubFromAnAllowedAddressReceivesEvents() throws Exception {
        ExternalTool.require(MOSQUITTO_SUB, "mosquitto-clients");
        try (ExternalTool sub = ExternalTool.start(List.of(MOSQUITTO_SUB.toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(broker.port()), "-A", "127.0.0.1", "-t", "/junos/events/#", "-v", "-C", "1",
                "-W", "20"))) {
            // mosquitto_sub says nothing when it has subscribed: publish until a message arrives.
            AtomicReference<String> line = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                publishEvent();
                line.set(sub.pollLine(200));
                return line.get() != null;
            });
            assertThat(line.get()).isEqualTo(TOPIC + " {\"jet-event\":{}}");
            assertThat(sub.exitCode(15)).isZero();
        }
    }

    @Test
    void mosquittoSubFromAnotherAddressIsToldNotAuthorised() throws Exception {
        ExternalTool.require(MOSQUITTO_SUB, "mosquitto-clients");
        try (ExternalTool sub = ExternalTool.start(List.of(MOSQUITTO_SUB.toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(broker.port()), "-A", "127.0.0.2", "-t", "/junos/events/#"))) {
            assertThat(sub.nextLine(15)).isEqualTo("Connection error: Connection Refused: not authorised.");
            assertThat(sub.exitCode(15)).isNotZero();
        }
    }
}
