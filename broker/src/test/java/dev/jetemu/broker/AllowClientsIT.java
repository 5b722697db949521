package dev.jetemu.broker;

import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowClients;
import dev.jetemu.broker.access.AllowRule;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** allow-clients, checked on the TCP peer address of real clients bound to loopback addresses. */
class AllowClientsIT {

    private static final int NOT_AUTHORIZED = MqttException.REASON_CODE_NOT_AUTHORIZED;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private NotificationBroker broker(String... allowed) throws BrokerStartException {
        List<AllowRule> rules = Arrays.stream(allowed)
                .map(text -> new AllowRule(text, AddressPrefix.parse(text).orElseThrow()))
                .toList();
        NotificationBroker broker = NotificationBroker.start(
                BrokerSettings.loopbackOnly(0).withAllowClients(new AllowClients(rules)));
        open.add(broker);
        return broker;
    }

    private MqttClient connected(NotificationBroker broker, String source) throws MqttException {
        MqttClient client = TestClients.connect(broker, source);
        open.add(() -> TestClients.closeQuietly(client));
        return client;
    }

    @Test
    void exactAddressAdmitsThatAddressOnly() throws Exception {
        NotificationBroker broker = broker("127.0.0.1");

        assertThat(connected(broker, "127.0.0.1").isConnected()).isTrue();
        assertThat(TestClients.refusalCode(broker, "127.0.0.2")).isEqualTo(NOT_AUTHORIZED);
        assertThat(TestClients.refusalCode(broker, "::1")).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void prefixAdmitsItsWholeRangeAndNothingBeyond() throws Exception {
        NotificationBroker broker = broker("127.0.0.0/30");

        assertThat(connected(broker, "127.0.0.1").isConnected()).isTrue();
        assertThat(connected(broker, "127.0.0.3").isConnected()).isTrue();
        assertThat(TestClients.refusalCode(broker, "127.0.0.4")).isEqualTo(NOT_AUTHORIZED);
        assertThat(TestClients.refusalCode(broker, "127.0.1.1")).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void ipv6LoopbackIsMatchedAsIpv6() throws Exception {
        NotificationBroker broker = broker("::1");

        assertThat(connected(broker, "::1").isConnected()).isTrue();
        assertThat(TestClients.refusalCode(broker, "127.0.0.1")).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void ipv6PrefixAdmitsLoopback() throws Exception {
        NotificationBroker broker = broker("::/96");

        assertThat(connected(broker, "::1").isConnected()).isTrue();
    }

    @Test
    void loopbackOnlyWithoutConfigurationAdmitsBothLoopbacksAndTheWhole127Range() throws Exception {
        NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
        open.add(broker);

        assertThat(connected(broker, "127.0.0.1").isConnected()).isTrue();
        assertThat(connected(broker, "127.0.0.9").isConnected()).isTrue();
        assertThat(connected(broker, "::1").isConnected()).isTrue();
    }

    @Test
    void anEmptyListRefusesEveryone() throws Exception {
        NotificationBroker broker = broker();

        assertThat(TestClients.refusalCode(broker, "127.0.0.1")).isEqualTo(NOT_AUTHORIZED);
        assertThat(TestClients.refusalCode(broker, "::1")).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void hostRulesResolvedToSeveralAddressesAdmitEachOfThem() throws Exception {
        List<AllowRule> rules = List.of(
                new AllowRule("lab-host", AddressPrefix.host(InetAddress.getByName("127.0.0.5"))),
                new AllowRule("lab-host", AddressPrefix.host(InetAddress.getByName("127.0.0.6"))));
        NotificationBroker broker = NotificationBroker.start(
                BrokerSettings.loopbackOnly(0).withAllowClients(new AllowClients(rules)));
        open.add(broker);

        assertThat(connected(broker, "127.0.0.5").isConnected()).isTrue();
        assertThat(connected(broker, "127.0.0.6").isConnected()).isTrue();
        assertThat(TestClients.refusalCode(broker, "127.0.0.7")).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void aRefusedClientGetsOnlyItsConnackEvenWhenItSubscribesWithoutWaiting() throws Exception {
        NotificationBroker broker = broker("127.0.0.1");
        MqttClient allowed = connected(broker, "127.0.0.1");
        List<String> allowedReceived = TestClients.collect(allowed, "/junos/events/#", 0);

        try (Socket refused = RawMqtt.open("127.0.0.2", broker.port())) {
            OutputStream out = refused.getOutputStream();
            out.write(RawMqtt.connect("intruder"));
            out.write(RawMqtt.subscribe(1, "/junos/events/#"));
            out.flush();
            broker.publish("/junos/events/syslog/UI_COMMIT_COMPLETED", "{}".getBytes(StandardCharsets.UTF_8), 0);

            byte[] received = RawMqtt.readUntilClosed(refused, 5000);

            // CONNACK: type 2, remaining length 2, no session present, return code 5; then the close.
            assertThat(received).containsExactly(0x20, 0x02, 0x00, 0x05);
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> !allowedReceived.isEmpty());
        assertThat(allowedReceived).containsExactly("/junos/events/syslog/UI_COMMIT_COMPLETED {}");
        assertThat(broker.connectedClientIds()).containsExactly(allowed.getClientId());
    }
}
