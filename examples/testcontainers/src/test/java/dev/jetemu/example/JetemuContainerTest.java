package dev.jetemu.example;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An application under test, talking to jetemu in a container as it would to a device. */
class JetemuContainerTest {

    private static final int MQTT = 1883;
    private static final int HTTP = 8080;

    // The image's allow-clients admit the container network's addresses, which is where
    // Testcontainers' mapped ports bring the test's clients from: nothing to configure.
    static final GenericContainer<?> JETEMU =
            new GenericContainer<>(DockerImageName.parse(System.getProperty("jetemu.image", "jetemu:latest")))
                    .withExposedPorts(MQTT, HTTP)
                    .withEnv("JETEMU_HOSTNAME", "vmx-tc")
                    .waitingFor(Wait.forHttp("/health").forPort(HTTP).forStatusCode(200));

    @BeforeAll
    static void start() {
        JETEMU.start();
    }

    @AfterAll
    static void stop() {
        JETEMU.stop();
    }

    @Test
    void anEventCausedThroughTheControlApiReachesASubscriber() throws Exception {
        String broker = "tcp://" + JETEMU.getHost() + ":" + JETEMU.getMappedPort(MQTT);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient app = new MqttClient(broker, "tc-app", new MemoryPersistence());
        app.connect();
        try {
            app.subscribe("/junos/events/#", (topic, message) ->
                    received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + JETEMU.getHost() + ":" + JETEMU.getMappedPort(HTTP)
                                    + "/api/steps"))
                            .header("Content-Type", "application/yaml")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "- syslog: { event-id: UI_COMMIT_COMPLETED, attributes: { username: tc } }"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());

            String event = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "no event within 10 s");
            assertTrue(event.startsWith("/junos/events/syslog/UI_COMMIT_COMPLETED "), event);
            assertTrue(event.contains("\"hostname\":\"vmx-tc\""), event);
        } finally {
            app.disconnect();
            app.close();
        }
    }
}
