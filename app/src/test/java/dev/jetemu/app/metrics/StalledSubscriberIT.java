package dev.jetemu.app.metrics;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jetemu.app.Emulator;
import dev.jetemu.app.config.ConfigLoader;
import dev.jetemu.app.http.ControlApi;
import dev.jetemu.app.settings.CommandLineOverrides;
import dev.jetemu.app.settings.EmulatorSettings;
import dev.jetemu.app.settings.SettingsResolver;
import dev.jetemu.broker.flow.FlowSettings;
import dev.jetemu.broker.flow.PublishWindow;
import dev.jetemu.sim.run.RunListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One application stops reading while the device adds 30,000 routes and two others read: the
 * readers receive every event, in the order the device published them, while the stalled one is
 * still stalled; what waits for the stalled one stays bounded; the slow-subscriber policy's action
 * is counted in {@code /metrics} and logged once (and once more, with the count, when a client
 * whose QoS 0 messages were dropped catches up). The emulator is configured as {@code serve} is, by
 * a configuration file's {@code delivery} section, and observed through its control API.
 */
class StalledSubscriberIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EVENTS = "/junos/events/#";
    private static final String STALLED = "stalled";
    private static final int ROUTES = 30_000;
    /** Past this many bytes waiting for it a subscriber is behind, and the device waits for it. */
    private static final long HIGH_WATER = FlowSettings.DEFAULTS.highWaterBytes();
    /**
     * Netty counts each message waiting in a connection's outbound buffer with this much bookkeeping
     * on top of its bytes ({@code io.netty.transport.outboundBufferEntrySizeOverhead}, 96 by default),
     * and so do the queued bytes the control API reports.
     */
    private static final long ENTRY_OVERHEAD = 96;

    private JetemuMetrics metrics;
    private Emulator emulator;
    private String base;
    private StalledClient stalled;
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final AtomicLong smallestPacket = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong largestPacket = new AtomicLong();
    private final List<MqttClient> readers = new ArrayList<>();
    private final List<List<String>> received = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @AfterEach
    void stop() throws Exception {
        root.detachAppender(log);
        for (MqttClient reader : readers) {
            if (reader.isConnected()) {
                reader.disconnect(1000);
            }
            reader.close(true);
        }
        if (stalled != null) {
            stalled.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    /** Starts the emulator as serve would with this delivery section, a stalled client and two readers. */
    private void start(String policy) throws Exception {
        String config = """
                notification:
                  port: 0
                  allow-clients: [127.0.0.1]
                http:
                  port: 0
                delivery:
                  slow-subscriber-policy: %s
                  grace-period: 1s
                """.formatted(policy);
        EmulatorSettings settings = SettingsResolver.resolve(Optional.of(Path.of("jetemu.yaml")),
                ConfigLoader.parse("jetemu.yaml", config), CommandLineOverrides.none());
        assertThat(settings.broker().flow().policy().configName()).isEqualTo(policy);
        metrics = JetemuMetrics.create();
        emulator = Emulator.builder().settings(settings).bindAddress("127.0.0.1")
                .listener(metrics.runListener(recordingPublished()))
                .accessListener(metrics.accessListener())
                .deliveryListener(metrics.deliveryListener())
                .metrics(ControlApi.Metrics.of(metrics::scrape, metrics.contentType()))
                .start();
        metrics.watchBroker(() -> emulator.embeddedBroker().running());
        base = "http://127.0.0.1:" + emulator.httpPort().orElseThrow();
        log.start();
        root.addAppender(log);

        stalled = StalledClient.subscribe(emulator.mqttPort(), STALLED, EVENTS);
        for (int i = 0; i < 2; i++) {
            readers.add(reader("reader-" + i));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> emulator.subscriptions().size() == 3);
    }

    private RunListener recordingPublished() {
        return new RunListener() {
            @Override
            public void published(String topic, byte[] payload, Instant scenarioTime) {
                published.add(topic);
                long packet = qos0PacketBytes(topic, payload);
                smallestPacket.accumulateAndGet(packet, Math::min);
                largestPacket.accumulateAndGet(packet, Math::max);
            }
        };
    }

    /** A QoS 0 PUBLISH: fixed header, its remaining-length bytes, topic length and topic, payload. */
    private static long qos0PacketBytes(String topic, byte[] payload) {
        int remaining = 2 + topic.getBytes(StandardCharsets.UTF_8).length + payload.length;
        int lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : 3;
        return 1 + lengthBytes + remaining;
    }

    private MqttClient reader(String clientId) throws Exception {
        MqttClient client = new MqttClient(emulator.mqttUri(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        client.connect(options);
        List<String> topics = new CopyOnWriteArrayList<>();
        received.add(topics);
        client.subscribe(EVENTS, 0, (topic, message) -> topics.add(topic));
        return client;
    }

    private String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The stalled client's entry in /api/clients; empty once it is gone. */
    private Optional<JsonNode> stalledEntry() throws Exception {
        for (JsonNode client : JSON.readTree(get("/api/clients")).get("clients")) {
            if (client.get("clientId").asText().equals(STALLED)) {
                return Optional.of(client);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds the routes from another thread and, until they are all published, reads how many bytes
     * wait for the stalled client from /api/clients.
     *
     * @return the most that was seen waiting
     */
    private long addRoutesWatchingTheStalledClient() throws Exception {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread device = new Thread(() -> {
            try {
                assertThat(emulator.apply("- routes-generate: { table: inet.0, count: " + ROUTES + ", seed: 7 }"))
                        .isEqualTo(ROUTES);
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "device");
        device.start();
        long most = 0;
        while (device.isAlive()) {
            Optional<JsonNode> entry = stalledEntry();
            if (entry.isPresent()) {
                most = Math.max(most, entry.get().get("queuedBytes").asLong());
            }
            device.join(20);
        }
        assertThat(failed.get()).isNull();
        return most;
    }

    private void assertReadersReceivedEverythingInOrder() {
        await("the readers' events").atMost(60, TimeUnit.SECONDS)
                .until(() -> received.stream().allMatch(topics -> topics.size() >= ROUTES));
        assertThat(published).hasSize(ROUTES);
        for (List<String> topics : received) {
            assertThat(topics).as("a reader's events, against the device's order").containsExactlyElementsOf(published);
        }
    }

    /**
     * The most that may wait for the stalled client: the high-water mark, plus what was already on
     * its way when it crossed the mark: the device's publish window ({@value PublishWindow#SIZE}
     * messages handed to the broker and not yet to the sessions) and the writes the sessions had
     * queued on its connection's event loop, which a loaded machine lets grow to a few hundred more.
     * Twice the mark holds them with room to spare; all 30,000 events would be about 14 MB.
     */
    private static long bound() {
        return 2 * HIGH_WATER;
    }

    /** Every log line about the stalled client, from any logger. */
    private List<String> linesAboutTheStalledClient() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains(" " + STALLED + " ")).toList();
    }

    @Test
    void underDropQos0TheOthersGetEverythingAndWhatIsDroppedForTheStalledOneIsCountedAndLoggedOnce()
            throws Exception {
        start("drop-qos0");

        long most = addRoutesWatchingTheStalledClient();

        assertReadersReceivedEverythingInOrder();
        JsonNode entry = stalledEntry().orElseThrow(() -> new AssertionError("the stalled client is still connected"));
        long waiting = entry.get("queuedBytes").asLong();
        System.out.printf("drop-qos0: at most %,d bytes waited for the stalled client (bound %,d), %,d at the end%n",
                most, bound(), waiting);
        assertThat(most).as("it fell behind").isGreaterThan(HIGH_WATER).isLessThanOrEqualTo(bound());
        assertThat(waiting).isLessThanOrEqualTo(most);

        Scrape scrape = new Scrape(get("/metrics"));
        long dropped = (long) scrape.value("jetemu_messages_dropped_total", "reason", "slow-subscriber");
        long delivered = (long) scrape.value("jetemu_messages_delivered_total");
        long neverSent = 3L * ROUTES - delivered - dropped;
        System.out.printf("drop-qos0: %,d published to 3 subscribers: %,d delivered, %,d dropped, %,d waiting%n",
                ROUTES, delivered, dropped, neverSent);
        assertThat(dropped).isPositive()
                .isEqualTo(emulator.embeddedBroker().broker().backlogs().droppedQos0Messages());
        assertThat(scrape.value("jetemu_messages_dropped_total", "reason", "fault")).isZero();
        assertThat(scrape.value("jetemu_slow_subscribers_disconnected_total")).isZero();
        // Every message meant for it was delivered (the kernel took it), dropped, or waits in its buffer.
        assertThat(neverSent).isNotNegative();
        assertThat(waiting).isBetween((neverSent - 1) * (smallestPacket.get() + ENTRY_OVERHEAD),
                neverSent * (largestPacket.get() + ENTRY_OVERHEAD));

        assertThat(linesAboutTheStalledClient()).singleElement().asString()
                .startsWith("Client stalled from 127.0.0.1:" + stalled.localPort() + " has not read for ")
                .contains("dropping its QoS 0 messages until it catches up (slow-subscriber policy drop-qos0)");

        // It reads at last: the episode ends with one more line, which counts what was dropped.
        stalled.startReading();
        await("caught up").atMost(30, TimeUnit.SECONDS).until(() -> linesAboutTheStalledClient().size() == 2);
        assertThat(linesAboutTheStalledClient().get(1)).isEqualTo("Client stalled from 127.0.0.1:"
                + stalled.localPort() + " caught up; " + dropped
                + " QoS 0 messages were dropped for it while it was behind");
        assertThat(new Scrape(get("/metrics")).value("jetemu_messages_dropped_total", "reason", "slow-subscriber"))
                .isEqualTo(dropped);
    }

    @Test
    void underDisconnectTheStalledOneIsDisconnectedCountedAndLoggedOnceAndTheOthersGetEverything()
            throws Exception {
        start("disconnect");

        long most = addRoutesWatchingTheStalledClient();

        assertReadersReceivedEverythingInOrder();
        await("the stalled client gone").atMost(10, TimeUnit.SECONDS).until(() -> stalledEntry().isEmpty());
        System.out.printf("disconnect: at most %,d bytes waited for the stalled client (bound %,d)%n", most, bound());
        assertThat(most).as("it fell behind").isGreaterThan(HIGH_WATER).isLessThanOrEqualTo(bound());

        Scrape scrape = new Scrape(get("/metrics"));
        assertThat(scrape.value("jetemu_slow_subscribers_disconnected_total")).isEqualTo(1);
        assertThat(scrape.value("jetemu_messages_dropped_total", "reason", "slow-subscriber")).isZero();
        assertThat(scrape.value("jetemu_connections")).isEqualTo(2);
        assertThat(scrape.value("jetemu_subscriptions")).isEqualTo(2);

        assertThat(linesAboutTheStalledClient()).singleElement().asString()
                .startsWith("Disconnected client stalled from 127.0.0.1:" + stalled.localPort()
                        + ": it stopped reading or acknowledging; ")
                .endsWith("(slow-subscriber policy disconnect)");
    }
}
