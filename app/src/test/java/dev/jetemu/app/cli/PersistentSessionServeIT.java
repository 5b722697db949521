package dev.jetemu.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jetemu.broker.moquette.MoquetteEngine;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code jetemu serve --qos 1}, the packaged jar: an application with a persistent session, away
 * while the device adds a thousand routes, receives on its return every event it missed, once, in
 * the order an application that stayed connected received them; meanwhile the control API shows
 * what waits for it, and on its return the subscription it holds without subscribing again.
 */
class PersistentSessionServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EVENTS = "/junos/events/#";
    private static final String APP = "persistent-app";
    /** The broker sends a subscriber at most this many QoS 1 messages before it acknowledges one. */
    private static final int IN_FLIGHT_WINDOW = MoquetteEngine.INFLIGHT_WINDOW;

    private JetemuProcess jetemu;
    private String base;
    private MqttClient stayed;
    private final List<String> stayedReceived = new CopyOnWriteArrayList<>();
    private PersistentApp app;

    @BeforeEach
    void serve() throws Exception {
        jetemu = JetemuProcess.start("serve", "--port", "0", "--http-port", "0", "--qos", "1");
        int port = jetemu.awaitReady();
        base = "http://127.0.0.1:" + jetemu.httpPort();
        stayed = PahoClients.connected(port);
        stayed.subscribe(EVENTS, 1, (topic, message) ->
                stayedReceived.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        app = new PersistentApp(APP, port);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        stayed.disconnect();
        stayed.close();
        assertThat(jetemu.terminate(10)).isZero();
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private String metrics() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private long addRoutes(int count, int seed) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/steps"))
                .POST(HttpRequest.BodyPublishers.ofString("- routes-generate: { table: inet.0, count: " + count
                        + ", seed: " + seed + " }\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("eventsPublished").asLong();
    }

    private JsonNode clientEntry(String clientId) throws Exception {
        for (JsonNode client : get("/api/clients").get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "the application leaves by {0}")
    @ValueSource(strings = {"disconnect", "dropping its connection"})
    void anApplicationBackOnItsSessionReceivesEveryEventItMissedOnceAndInOrder(String how) throws Exception {
        assertThat(app.connect()).isFalse();
        app.subscribe(EVENTS);
        assertThat(addRoutes(10, 1)).isEqualTo(10);
        await().atMost(10, TimeUnit.SECONDS).until(() -> app.distinct().size() == 10);

        if (how.equals("disconnect")) {
            app.disconnect();
        } else {
            app.dropConnection();
        }
        await("the broker saw it go").atMost(10, TimeUnit.SECONDS).until(() -> clientEntry(APP) == null);
        int whileAway = 1_000;
        assertThat(addRoutes(whileAway, 2)).isEqualTo(whileAway);

        await("its queue in /api/clients").atMost(10, TimeUnit.SECONDS).until(() -> {
            JsonNode away = get("/api/clients").get("disconnected");
            return away.size() == 1 && away.get(0).get("clientId").asText().equals(APP)
                    && away.get(0).get("queuedMessages").asInt() == whileAway;
        });
        assertThat(app.connect()).as("session present").isTrue();

        await().atMost(60, TimeUnit.SECONDS).until(() -> app.distinct().size() == 10 + whileAway);
        await().atMost(10, TimeUnit.SECONDS).until(() -> stayedReceived.size() == 10 + whileAway);
        assertThat(app.distinct()).as("what it received, in order, against an application that stayed")
                .containsExactlyElementsOf(stayedReceived);
        assertThat(app.repeats()).isLessThanOrEqualTo(IN_FLIGHT_WINDOW);

        JsonNode back = clientEntry(APP);
        assertThat(back).isNotNull();
        assertThat(back.get("subscriptions").get(0).get("filter").asText()).isEqualTo(EVENTS);
        assertThat(back.get("subscriptions").get(0).get("qos").asInt()).isEqualTo(1);
        assertThat(get("/api/clients").get("disconnected")).isEmpty();
        assertThat(metrics()).contains("\njetemu_subscriptions 2.0\n");
    }
}
