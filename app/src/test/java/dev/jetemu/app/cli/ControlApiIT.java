package dev.jetemu.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The control API of {@code jetemu serve}, over real HTTP with the JDK's client, against the
 * packaged jar: status codes, bodies and errors of every endpoint, and what an MQTT subscriber
 * sees of the changes the API makes.
 */
class ControlApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JetemuProcess jetemu;
    private static int mqttPort;
    private static String base;

    @BeforeAll
    static void serve() throws IOException {
        jetemu = JetemuProcess.start("serve", "--port", "0", "--http-port", "0", "--hostname", "lab-vmx");
        mqttPort = jetemu.awaitReady();
        base = "http://127.0.0.1:" + jetemu.httpPort();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        assertThat(jetemu.terminate(10)).isZero();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void healthSaysReadyWithThePortsAndHeadAnswersTheSameWithoutABody() throws Exception {
        HttpResponse<String> health = get("/health");
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("content-type")).contains("application/json");
        JsonNode body = json(health);
        assertThat(body.get("status").asText()).isEqualTo("ready");
        assertThat(body.get("mqttPort").asInt()).isEqualTo(mqttPort);
        assertThat(body.get("hostname").asText()).isEqualTo("lab-vmx");
        assertThat(head.statusCode()).isEqualTo(200);
    }

    @Test
    void stepsPostedAsYamlChangeTheDeviceAndASubscriberReceivesTheirEvents() throws Exception {
        try (Subscriber subscriber = Subscriber.connect(mqttPort, "/junos/events/kernel/interfaces/#")) {
    
            HttpResponse<String> response = post("/api/steps", """
                    - ifd-add: { name: xe-0/1/0, snmp-id: 700 }
                    - interface-down: xe-0/1/0
                    """);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("applied").asInt()).isEqualTo(2);
            assertThat(json(response).get("eventsPublished").asInt()).isEqualTo(2);
            await().atMost(5, TimeUnit.SECONDS).until(() -> subscriber.count() == 2);
            assertThat(subscriber.topics()).containsExactly(
                    "/junos/events/kernel/interfaces/ifd/add/xe-0/1/0",
                    "/junos/events/kernel/interfaces/ifd/change/xe-0/1/0");
            assertThat(subscriber.received().get(1).event().hostname()).isEqualTo("lab-vmx");
            JsonNode device = json(get("/api/device"));
            JsonNode added = find(device.get("interfaces"), "xe-0/1/0");
            assertThat(added.get("snmpId").asInt()).isEqualTo(700);
            assertThat(added.get("linkUp").asBoolean()).isFalse();
        }
    }

    @Test
    void clientsListsEachConnectedApplicationWithItsSubscriptions() throws Exception {
        try (Subscriber subscriber = Subscriber.connect(mqttPort, "/junos/events/syslog/#", "/junos/events/genpub/#")) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> clientWith("/junos/events/syslog/#") != null);
            JsonNode client = clientWith("/junos/events/syslog/#");

            assertThat(client.get("address").asText()).startsWith("127.0.0.1:");
            assertThat(client.get("subscriptions")).extracting(s -> s.get("filter").asText())
                    .containsExactlyInAnyOrder("/junos/events/syslog/#", "/junos/events/genpub/#");
            assertThat(client.get("queuedMessages").asInt()).isZero();
        }
    }

    private static JsonNode clientWith(String filter) throws Exception {
        for (JsonNode client : json(get("/api/clients")).get("clients")) {
            for (JsonNode subscription : client.get("subscriptions")) {
                if (subscription.get("filter").asText().equals(filter)) {
                    return client;
                }
            }
        }
        return null;
    }

    @Test
    void aStepWithAMistakeIsRefusedWithItsPlaceAndNothingIsApplied() throws Exception {
        HttpResponse<String> misspelt = post("/api/steps", "- interface-dwon: ge-0/0/9\n");
        HttpResponse<String> refused = post("/api/steps", "steps:\n  - route-delete: 10.99.0.0/16\n");
        HttpResponse<String> notSteps = post("/api/steps", "just words");

        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(json(misspelt).get("error").asText()).startsWith("request:1:3: unknown step 'interface-dwon' "
                + "(did you mean 'interface-down'?); expected one of ");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).startsWith("request:2:5: route-delete: route 10.99.0.0/16 "
                + "does not exist in inet.0");
        assertThat(notSteps.statusCode()).isEqualTo(400);
        assertThat(json(notSteps).get("error").asText()).isEqualTo("request:1:1: the steps are a string ('just words'); "
                + "expected a list of steps, such as [{interface-down: ge-0/0/1}], or a map with steps:");
    }

    @Test
    void aBundledScenarioRunsByNameAndReportsAndItsDeviceBecomesTheLiveOne() throws Exception {
        try (Subscriber subscriber = Subscriber.connect(mqttPort, "/junos/events/kernel/#")) {
            HttpResponse<String> response = post("/api/scenarios?name=interface-flap&virtualTime=true", "");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode report = json(response);
            assertThat(report.get("name").asText()).isEqualTo("interface-flap");
            assertThat(report.get("passed").asBoolean()).isTrue();
            assertThat(report.get("failure").isNull()).isTrue();
            assertThat(report.get("eventsPublished").asInt()).isEqualTo(12);
            await().atMost(5, TimeUnit.SECONDS).until(() -> subscriber.count() == 12);
            JsonNode device = json(get("/api/device"));
            assertThat(device.get("hostname").asText()).isEqualTo("vmx1");
            assertThat(find(device.get("interfaces"), "ge-0/0/1").get("snmpId").asInt()).isEqualTo(521);
        }
    }

    @Test
    void aScenarioInTheBodyRunsAndAFailedOneIsReportedAsFailed() throws Exception {
        HttpResponse<String> failed = post("/api/scenarios?virtualTime=true", """
                name: expects-an-answer
                steps:
                  - syslog: UI_COMMIT_COMPLETED
                  - expect-message: { filter: "myapp/#", timeout: 100ms }
                """);

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(json(failed).get("passed").asBoolean()).isFalse();
        assertThat(json(failed).get("failure").asText()).isEqualTo("request:4:5: expect-message: no message on "
                + "myapp/# within 100ms");
    }

    @Test
    void scenarioMistakesAreFourHundredsAndAnUnknownNameIsFourOhFour() throws Exception {
        HttpResponse<String> unknown = post("/api/scenarios?name=intreface-flap", "");
        HttpResponse<String> invalid = post("/api/scenarios", "steps:\n  - sleep: soon\n");
        HttpResponse<String> empty = post("/api/scenarios", "");
        HttpResponse<String> parameter = post("/api/scenarios?name=interface-flap&fast=yes", "");
        HttpResponse<String> speed = post("/api/scenarios?name=interface-flap&speed=0", "");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).startsWith("no bundled scenario 'intreface-flap' "
                + "(did you mean 'interface-flap'?); expected one of ");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("error").asText()).startsWith("request:2:12: sleep 'soon' is not a duration");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(parameter.statusCode()).isEqualTo(400);
        assertThat(json(parameter).get("error").asText()).isEqualTo("unknown parameter 'fast'; expected name, "
                + "virtualTime, speed, startTime or awaitSubscribers");
        assertThat(speed.statusCode()).isEqualTo(400);
        assertThat(json(speed).get("error").asText()).isEqualTo("speed '0'; expected a number above 0, such as 10 or 0.5");
    }

    @Test
    void theBundledScenariosAreListedWithTheirDescriptions() throws Exception {
        List<String> names = new ArrayList<>();
        json(get("/api/scenarios")).get("scenarios").forEach(entry -> {
            assertThat(entry.get("description").asText()).isNotBlank();
            names.add(entry.get("name").asText());
        });
        List<String> library;
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
            library = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.replace(".yaml", "")).sorted().toList();
        }
        assertThat(names).isEqualTo(library);
    }

    @Test
    void whileAScenarioRunsOtherChangesAreTurnedAwayWithConflict() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = HTTP.sendAsync(HttpRequest.newBuilder(
                        URI.create(base + "/api/scenarios")).POST(HttpRequest.BodyPublishers.ofString(
                        "name: slow\nsteps:\n  - sleep: 2s\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        AtomicReference<HttpResponse<String>> busy = new AtomicReference<>();
        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50)).until(() -> {
            busy.set(post("/api/steps", "- syslog: UI_COMMIT_COMPLETED\n"));
            return busy.get().statusCode() == 409;
        });

        assertThat(json(busy.get()).get("error").asText()).isEqualTo("scenario slow is running on the live device; "
                + "expected it to finish first");
        assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAreRefusedWithWhatIsServed() throws Exception {
        HttpResponse<String> missing = get("/api/nothing");
        HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/device"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).startsWith("no endpoint /api/nothing; expected one of /,");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).contains("GET");
    }

    @Test
    void theEventStreamDeliversWhatTheDevicePublishes() throws Exception {
        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        Iterator<String> lines = stream.body().iterator();
        assertThat(lines.next()).isEqualTo(": jetemu events");

        assertThat(post("/api/steps", "- config-update: { username: lab, comment: from the API }\n").statusCode())
                .isEqualTo(200);

        String data = null;
        while (data == null) {
            String line = lines.next();
            if (line.startsWith("data: ")) {
                data = line.substring("data: ".length());
            } else if (!line.isEmpty()) {
                assertThat(line).matches("event: jet-event|id: [0-9]+");
            }
        }
        JsonNode event = JSON.readTree(data);
        assertThat(event.get("topic").asText()).isEqualTo("/junos/events/genpub/config-update");
        assertThat(event.get("payload").get("jet-event").get("event-id").asText()).isEqualTo("CONFIG_UPDATE");
        assertThat(event.get("payload").get("jet-event").get("attributes").get("comment").asText())
                .isEqualTo("from the API");
        assertThat(event.get("sequence").asLong()).isPositive();
        stream.body().close();
    }

    @Test
    void metricsCountTheClientsAndTheEventsTheApiMakes() throws Exception {
        String added = "jetemu_events_published_total{operation=\"add\",type=\"ifd\"}";
        String delivered = "jetemu_messages_delivered_total";
        double addedBefore = metric(added);
        double deliveredBefore = metric(delivered);

        try (Subscriber subscriber = Subscriber.connect(mqttPort, "/junos/events/kernel/interfaces/ifd/#")) {
            assertThat(metric("jetemu_connections")).isGreaterThanOrEqualTo(1);
            assertThat(post("/api/steps", "- ifd-add: et-0/0/5\n").statusCode()).isEqualTo(200);
            await().atMost(5, TimeUnit.SECONDS).until(() -> subscriber.count() == 1);

            assertThat(metric(added)).isEqualTo(addedBefore + 1);
            await().atMost(5, TimeUnit.SECONDS).until(() -> metric(delivered) >= deliveredBefore + 1);
            assertThat(metric("jetemu_delivery_latency_seconds_count")).isPositive();
        }
        HttpResponse<String> scrape = get("/metrics");
        assertThat(scrape.headers().firstValue("content-type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.body()).contains("jvm_memory_used_bytes", "jetemu_refusals_total{reason=\"allow-clients\"}");
    }

    /** A sample's value in the scrape, 0 when it is not there. */
    private static double metric(String sample) throws Exception {
        return get("/metrics").body().lines().filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1))).findFirst().orElse(0);
    }

    @Test
    void theLivePageIsServedAtTheRoot() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>jetemu: live device</title>", "new EventSource(\"/api/events\")");
    }

    private static JsonNode find(JsonNode interfaces, String name) {
        for (JsonNode ifd : interfaces) {
            if (ifd.get("name").asText().equals(name)) {
                return ifd;
            }
        }
        throw new AssertionError("no interface " + name + " in " + interfaces);
    }
}
