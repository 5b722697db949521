package dev.jetemu.app.metrics;

import dev.jetemu.app.cli.LocalSockets;
import dev.jetemu.app.publish.EmbeddedBroker;
import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.NotificationBroker;
import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowClients;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.access.Credentials;
import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.run.ScenarioClock;
import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.run.ScenarioRunner;
import dev.jetemu.sim.run.SinkException;
import dev.jetemu.sim.scenario.ScenarioLoader;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.SocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics move as they should while real Paho clients connect over TCP to an embedded broker,
 * are refused for each reason, subscribe, and receive what the device publishes, by hand and from
 * a scenario; and they go on across a broker restart.
 */
class JetemuMetricsIT {

    private static final String USER = "jetapp";
    private static final String PASSWORD = "secret";
    private static final String EVENTS = "/junos/events/#";
    private static final String TOPIC = "/junos/events/kernel/interfaces/ifd/change/ge-0/0/1";

    private JetemuMetrics metrics;
    private EmbeddedBroker embedded;
    private final List<MqttClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        AllowRule onlyLocalhost = new AllowRule("127.0.0.1", AddressPrefix.parse("127.0.0.1").orElseThrow());
        BrokerSettings settings = BrokerSettings.loopbackOnly(0)
                .withAllowClients(new AllowClients(List.of(onlyLocalhost)))
                .withMaxConnections(2)
                .withUsers(List.of(new Credentials(USER, PASSWORD)));
        metrics = JetemuMetrics.create();
        embedded = EmbeddedBroker.start(settings, metrics.accessListener(), metrics.deliveryListener());
        metrics.watchBroker(() -> running(embedded));
    }

    /** The broker running now; none while a restart has it stopped. */
    private static Optional<NotificationBroker> running(EmbeddedBroker embedded) {
        try {
            return Optional.of(embedded.broker());
        } catch (SinkException stopped) {
            return Optional.empty();
        }
    }

    @AfterEach
    void stop() {
        Collections.reverse(clients);
        for (MqttClient client : clients) {
            try {
                if (client.isConnected()) {
                    client.disconnect(1000);
                }
                client.close(true);
            } catch (MqttException ignored) {
                // the test is over
            }
        }
        embedded.close();
        metrics.close();
    }

    private Scrape scrape() {
        return new Scrape(metrics.scrape());
    }

    private void awaitMetric(String description, Predicate<Scrape> condition) {
        await(description).atMost(5, TimeUnit.SECONDS).until(() -> condition.test(scrape()));
    }

    @Test
    void clientsConnectingBeingRefusedAndReceivingEventsMoveTheMetrics() throws Exception {
        Scrape before = scrape();
        assertThat(before.value("jetemu_connections")).isZero();
        assertThat(before.value("jetemu_subscriptions")).isZero();

        List<String> received = subscribe(connect("app-1", PASSWORD), EVENTS);
        Scrape connected = scrape();
        assertThat(connected.value("jetemu_connections")).isEqualTo(1);
        assertThat(connected.value("jetemu_connections_opened_total")).isEqualTo(1);
        assertThat(connected.value("jetemu_subscriptions")).isEqualTo(1);

        // Refused for each reason, one after the other; the others stay where they were.
        assertThat(connackOf(() -> connect("intruder", "wrong"))).isEqualTo(4);
        assertThat(scrape().value("jetemu_refusals_total", "reason", "credentials")).isEqualTo(1);
        assertThat(connackOf(() -> connectFrom("127.0.0.2", "outsider"))).isEqualTo(5);
        assertThat(scrape().value("jetemu_refusals_total", "reason", "allow-clients")).isEqualTo(1);
        MqttClient second = connect("app-2", PASSWORD);
        awaitMetric("the credentials refusal's connection closed", scrape -> scrape.value("jetemu_connections") == 2);
        assertThat(connackOf(() -> connect("app-3", PASSWORD))).isEqualTo(3);
        Scrape refused = scrape();
        assertThat(refused.value("jetemu_refusals_total", "reason", "max-connections")).isEqualTo(1);
        assertThat(refused.value("jetemu_refusals_total", "reason", "topic-rule")).isZero();
        second.publish("/junos/events/kernel/interfaces/ifd/add/ge-9/9/9", message("{}"));
        awaitMetric("a topic-rule refusal",
                scrape -> scrape.value("jetemu_refusals_total", "reason", "topic-rule") == 1);
        Scrape afterRefusals = scrape();
        assertThat(afterRefusals.value("jetemu_refusals_total", "reason", "credentials")).isEqualTo(1);
        assertThat(afterRefusals.value("jetemu_refusals_total", "reason", "allow-clients")).isEqualTo(1);
        assertThat(afterRefusals.value("jetemu_refusals_total", "reason", "max-connections")).isEqualTo(1);
        // Admitted by allow-clients and max-connections: app-1, the wrong password, app-2.
        assertThat(afterRefusals.value("jetemu_connections_opened_total")).isEqualTo(3);
        second.disconnect();
        awaitMetric("app-2 gone", scrape -> scrape.value("jetemu_connections") == 1);

        int messages = 25;
        for (int i = 0; i < messages; i++) {
            embedded.publish(TOPIC, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 0);
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == messages);
        awaitMetric("25 deliveries", scrape -> scrape.value("jetemu_messages_delivered_total") == messages);
        Scrape delivered = scrape();
        assertThat(delivered.value("jetemu_delivery_latency_seconds_count")).isEqualTo(messages);
        assertThat(delivered.value("jetemu_delivery_latency_seconds_bucket", "le", "+Inf")).isEqualTo(messages);
        assertThat(delivered.value("jetemu_delivery_latency_seconds_sum")).isPositive();
        assertThat(delivered.value("jetemu_delivery_latency_percentile_seconds", "quantile", "0.5")).isPositive();
        assertThat(delivered.value("jetemu_delivery_latency_percentile_seconds", "quantile", "0.99"))
                .isGreaterThanOrEqualTo(delivered.value("jetemu_delivery_latency_percentile_seconds", "quantile", "0.5"));

        embedded.dropNext("*", EVENTS, 2);
        embedded.duplicateNext("*", EVENTS, 1);
        for (int i = 0; i < 3; i++) {
            embedded.publish(TOPIC, "{}".getBytes(StandardCharsets.UTF_8), 0);
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == messages + 2);
        awaitMetric("a duplicate", scrape -> scrape.value("jetemu_messages_duplicated_total") == 1);
        Scrape faults = scrape();
        assertThat(faults.value("jetemu_messages_dropped_total", "reason", "fault")).isEqualTo(2);
        assertThat(faults.value("jetemu_messages_dropped_total", "reason", "slow-subscriber")).isZero();
        assertThat(faults.value("jetemu_messages_delivered_total")).isEqualTo(messages + 1);
        assertThat(faults.value("jetemu_delivery_latency_seconds_count")).isEqualTo(messages + 1);
    }

    @Test
    void aRestartedBrokerIsWatchedAndCountedByTheSameMetrics() throws Exception {
        subscribe(connect("app-1", PASSWORD), EVENTS);
        assertThat(scrape().value("jetemu_subscriptions")).isEqualTo(1);

        embedded.stopBroker();
        Scrape stopped = scrape();
        assertThat(stopped.value("jetemu_connections")).isZero();
        assertThat(stopped.value("jetemu_subscriptions")).isZero();
        embedded.startBroker();
        List<String> received = subscribe(connect("app-2", PASSWORD), EVENTS);
        embedded.publish(TOPIC, "{}".getBytes(StandardCharsets.UTF_8), 1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 1);

        awaitMetric("the delivery from the new broker", scrape -> scrape.value("jetemu_messages_delivered_total") == 1);
        Scrape restarted = scrape();
        assertThat(restarted.value("jetemu_connections")).isEqualTo(1);
        assertThat(restarted.value("jetemu_connections_opened_total")).isEqualTo(2);
        assertThat(restarted.value("jetemu_subscriptions")).isEqualTo(1);
        assertThat(restarted.value("jetemu_delivery_latency_seconds_count")).isEqualTo(1);
        assertThat(restarted.samples().stream().filter(sample -> sample.name().equals("jetemu_connections")))
                .as("one series, registered once").hasSize(1);
    }

    @Test
    void aScenarioRunCountsItsStepsItsEventsByTypeAndOperationAndItsResult() throws Exception {
        List<String> received = subscribe(connect("app-1", PASSWORD), EVENTS);
        List<String> published = new CopyOnWriteArrayList<>();
        RunListener recording = new RunListener() {
            @Override
            public void published(String topic, byte[] payload, Instant scenarioTime) {
                published.add(topic);
            }
        };

        ScenarioResult passed = run(recording, """
                name: metrics
                device:
                  interfaces:
                    - name: ge-0/0/1
                      units: [{ unit: 0, families: { inet: [192.0.2.1/30] } }]
                steps:
                  - await-subscribers: { filter: "/junos/events/kernel/#", timeout: 10s }
                  - interface-down: ge-0/0/1
                  - interface-up: ge-0/0/1
                  - route-add: { table: inet.0, prefix: 10.1.0.0/16, next-hops: [192.0.2.2] }
                  - route-delete: 10.1.0.0/16
                  - firewall-filter-add: protect-re
                  - route-table-add: red.inet.0
                  - syslog: { event-id: UI_COMMIT_COMPLETED, attributes: { username: lab } }
                  - config-update: lab
                  - raw: { topic: "/junos/events/custom/thing", payload: "{}" }
                """);
        metrics.scenarioFinished(passed);

        assertThat(passed.passed()).as("%s", passed.failure()).isTrue();
        Scrape scrape = scrape();
        assertThat(scrape.value("jetemu_scenario_steps_total")).isEqualTo(10);
        assertThat(scrape.sum("jetemu_events_published_total")).isEqualTo(passed.eventsPublished())
                .isEqualTo(published.size());
        assertEvents(scrape, published, "ifd", "change", "/junos/events/kernel/interfaces/ifd/change/");
        assertEvents(scrape, published, "ifl", "change", "/junos/events/kernel/interfaces/ifl/change/");
        assertEvents(scrape, published, "route", "add", "/junos/events/kernel/route/add/");
        assertEvents(scrape, published, "route", "delete", "/junos/events/kernel/route/delete/");
        assertEvents(scrape, published, "firewall-filter", "add", "/junos/events/kernel/firewall/filter/add/");
        assertEvents(scrape, published, "route-table", "add", "/junos/events/kernel/route-table/add/");
        assertEvents(scrape, published, "syslog", "none", "/junos/events/syslog/");
        assertEvents(scrape, published, "config-update", "none", "/junos/events/genpub/config-update");
        assertEvents(scrape, published, "other", "none", "/junos/events/custom/");
        assertThat(scrape.value("jetemu_scenarios_total", "result", "passed")).isEqualTo(1);
        assertThat(scrape.value("jetemu_scenarios_total", "result", "failed")).isZero();
        assertThat(scrape.value("jetemu_scenario_failures_total")).isZero();
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == published.size());
        awaitMetric("every event delivered",
                metric -> metric.value("jetemu_messages_delivered_total") == published.size());

        ScenarioResult failed = run(RunListener.NONE, """
                name: unanswered
                steps:
                  - expect-message: { filter: "myapp/#", timeout: 100ms }
                """);
        metrics.scenarioFinished(failed);

        assertThat(failed.passed()).isFalse();
        Scrape afterFailure = scrape();
        assertThat(afterFailure.value("jetemu_scenarios_total", "result", "passed")).isEqualTo(1);
        assertThat(afterFailure.value("jetemu_scenarios_total", "result", "failed")).isEqualTo(1);
        assertThat(afterFailure.value("jetemu_scenario_failures_total")).isEqualTo(1);
        assertThat(afterFailure.value("jetemu_scenario_steps_total")).isEqualTo(11);
    }

    @Test
    void connectionsClosedForBreakingTheProtocolAreCountedByKind() throws Exception {
        byte[] subscribe = {(byte) 0x82, 0x06, 0x00, 0x01, 0x00, 0x01, '#', 0x00};
        byte[] connect = connectPacket(4, "app-1");
        byte[] twoConnects = new byte[connect.length * 2];
        System.arraycopy(connect, 0, twoConnects, 0, connect.length);
        System.arraycopy(connect, 0, twoConnects, connect.length, connect.length);

        assertThat(sentToBroker(subscribe)).as("the broker's answer to a SUBSCRIBE first").isEmpty();
        assertThat(sentToBroker(new byte[] {0x11, 0x00})).as("to a CONNECT with a reserved flag").isEmpty();
        byte[] connAck = sentToBroker(connectPacket(5, "app-5"));
        // In MQTT 5's layout (a property length follows), as the decoder set the connection's version.
        assertThat(connAck).as("the answer to an MQTT 5 CONNECT: CONNACK 1").hasSizeGreaterThan(3)
                .startsWith(0x20);
        assertThat(connAck[3]).isEqualTo((byte) 1);
        sentToBroker(twoConnects);

        awaitMetric("four violations", scrape -> scrape.sum("jetemu_protocol_violations_total") == 4);
        Scrape scrape = scrape();
        assertThat(scrape.value("jetemu_protocol_violations_total", "kind", "packet-before-connect")).isEqualTo(1);
        assertThat(scrape.value("jetemu_protocol_violations_total", "kind", "malformed-packet")).isEqualTo(1);
        assertThat(scrape.value("jetemu_protocol_violations_total", "kind", "connect-rejected")).isEqualTo(1);
        assertThat(scrape.value("jetemu_protocol_violations_total", "kind", "second-connect")).isEqualTo(1);
        assertThat(scrape.value("jetemu_protocol_violations_total", "kind", "packet-too-large")).isZero();
        assertThat(scrape.value("jetemu_protocol_violations_total", "kind", "connect-timeout")).isZero();
        assertThat(scrape.value("jetemu_connections_opened_total")).isEqualTo(4);
        assertThat(scrape.sum("jetemu_refusals_total")).as("a violation is no refusal").isZero();
        awaitMetric("every connection closed", closed -> closed.value("jetemu_connections") == 0);
    }

    /**
     * Sends the bytes on a connection of their own; returns what the broker sent back before it closed
     * it (a read that times out fails the test).
     */
    private byte[] sentToBroker(byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", embedded.localAddress().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(bytes);
            return socket.getInputStream().readAllBytes();
        }
    }

    /** A CONNECT of the given protocol level (an empty property list for MQTT 5) with this test's credentials. */
    private static byte[] connectPacket(int level, String clientId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(level);
        body.write(0xC2);       // user name, password, clean session
        body.write(0);
        body.write(60);
        if (level == 5) {
            body.write(0);
        }
        writeString(body, clientId);
        writeString(body, USER);
        writeString(body, PASSWORD);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        packet.write(body.size());
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.writeBytes(bytes);
    }

    /** Runs as {@code jetemu run} does on its own broker, under a virtual clock. */
    private ScenarioResult run(RunListener next, String yaml) throws InterruptedException {
        return new ScenarioRunner(embedded, embedded, embedded, ScenarioClock.virtual(Instant.parse("2026-01-01T00:00:00Z")),
                metrics.runListener(next), 0, "jetemu").run(ScenarioLoader.parse("metrics.yaml", yaml));
    }

    /** The count by type and operation is that of the topics published under {@code prefix}, and not 0. */
    private static void assertEvents(Scrape scrape, List<String> published, String type, String operation,
                                     String prefix) {
        long expected = published.stream().filter(topic -> topic.startsWith(prefix)).count();
        assertThat(expected).as("events under %s", prefix).isPositive();
        assertThat(scrape.value("jetemu_events_published_total", "type", type, "operation", operation))
                .as("%s %s", type, operation).isEqualTo(expected);
    }

    private MqttClient connect(String clientId, String password) throws MqttException {
        return connect(clientId, password, null);
    }

    private MqttClient connectFrom(String sourceAddress, String clientId) throws MqttException {
        return connect(clientId, PASSWORD, LocalSockets.from(sourceAddress));
    }

    private MqttClient connect(String clientId, String password, SocketFactory sockets) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + embedded.localAddress().getPort(), clientId,
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        // Paho retries a refused 3.1.1 CONNECT as 3.1 unless told the version.
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setUserName(USER);
        options.setPassword(password.toCharArray());
        if (sockets != null) {
            options.setSocketFactory(sockets);
        }
        clients.add(client);
        client.connect(options);
        return client;
    }

    private static List<String> subscribe(MqttClient client, String filter) throws MqttException {
        List<String> received = new CopyOnWriteArrayList<>();
        client.subscribe(filter, 0, (topic, message) -> received.add(topic));
        return received;
    }

    private static MqttMessage message(String payload) {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }

    private interface Connection {
        MqttClient open() throws MqttException;
    }

    /** The CONNACK return code that refused the connection; fails when it was accepted. */
    private static int connackOf(Connection connection) {
        try {
            connection.open();
        } catch (MqttException refused) {
            return refused.getReasonCode();
        }
        throw new AssertionError("the connection was accepted");
    }
}
