package dev.jetemu.app.cli;

import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.NotificationBroker;
import dev.jetemu.broker.access.Credentials;
import dev.jetemu.sim.scenario.Raw;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import dev.jetemu.sim.scenario.Sleep;
import dev.jetemu.sim.scenario.Step;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code jetemu record} against real brokers (jetemu's own, and Debian's Mosquitto), with Paho
 * publishing and subscribing over TCP: what is recorded loads as a scenario, keeps the gaps, and
 * replays to the same topics with the same bytes, in the same order.
 */
class RecordIT {


    @TempDir
    Path dir;

    /** One message to publish: the pause before it, where, what, at which QoS. */
    private record Publish(long pauseMillis, String topic, byte[] payload, int qos) {
        static Publish of(long pauseMillis, String topic, String payload, int qos) {
            return new Publish(pauseMillis, topic, payload.getBytes(StandardCharsets.UTF_8), qos);
        }
    }

    /** A message as a subscriber received it, or as a scenario's raw step sends it. */
    private record Message(String topic, String payloadHex) {
        static Message of(String topic, byte[] payload) {
            return new Message(topic, HexFormat.of().formatHex(payload));
        }
    }

    /** A raw step of a loaded scenario and the scenario time at which it comes. */
    private record Timed(long atMillis, Raw raw) {
    }

    private static final List<Publish> AWKWARD = List.of(
            Publish.of(0, "lab/json", "{\"event\": \"say \\\"hi\\\"\", \"site\": \"Zürich ☃ 😀\"}", 1),
            Publish.of(300, "lab/empty", "", 0),
            Publish.of(50, "lab/multi-line", "line one\nline two\r\n\ttabbed\n", 1),
            Publish.of(0, "lab/leading-space", " leading space", 1),
            Publish.of(0, "lab/hash", "# not a comment: really", 1),
            new Publish(0, "lab/binary", new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, 0x01}, 1),
            Publish.of(0, "lab/ünï cödé", "'single' \"double\" \\back\\slash\\ \u2028 \u0085 \u0000 end", 1));

    @Test
    void recordThenReplayDeliversTheSameTopicsAndPayloadsInTheSameOrder() throws Exception {
        try (NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
             Publisher publisher = Publisher.connect(broker.port())) {
            String uri = "tcp://127.0.0.1:" + broker.port();
            Path out = dir.resolve("lab.yaml");

            CompletableFuture<CliHarness.Result> recording = CompletableFuture.supplyAsync(() -> CliHarness.run(
                    "record", "--broker", uri, "--filter", "lab/#", "--out", out.toString(), "--duration", "5s"));
            awaitSubscribed(out, recording);
            publishAll(publisher, AWKWARD);
            CliHarness.Result result = recording.get(30, TimeUnit.SECONDS);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo("Recorded 6 messages in 5.0 s to " + out + System.lineSeparator());
            assertThat(result.err()).contains(
                    "warning: 1 message was left out: a raw step cannot send a payload that is not UTF-8 text");
            Scenario scenario = ScenarioLoader.loadAndCheck(out);
            assertThat(scenario.name()).isEqualTo("lab");
            List<Timed> raws = timed(scenario.steps());
            List<Message> expected = AWKWARD.stream().filter(p -> !p.topic().equals("lab/binary"))
                    .map(p -> Message.of(p.topic(), p.payload())).toList();
            assertThat(raws).extracting(t -> Message.of(t.raw().topic(), t.raw().payload()))
                    .containsExactlyElementsOf(expected);
            assertThat(raws).extracting(t -> t.raw().qos()).containsExactly(OptionalInt.of(1), OptionalInt.of(0),
                    OptionalInt.of(1), OptionalInt.of(1), OptionalInt.of(1), OptionalInt.of(1));
            // Generous bounds: the machine may be busy, and arrival is not publication.
            long pause = raws.get(1).atMillis() - raws.get(0).atMillis();
            long shortPause = raws.get(2).atMillis() - raws.get(1).atMillis();
            assertThat(pause).as("the 300 ms pause, recorded").isBetween(200L, 2_300L);
            assertThat(shortPause).as("the 50 ms pause, recorded").isBetween(10L, 2_050L);
            assertThat(raws.get(3).atMillis() - raws.get(2).atMillis()).as("no pause").isLessThan(2_000L);
            String text = Files.readString(out);
            assertThat(text).contains("# Messages: 6 recorded (0 retained), 1 left out; recording ended after 5.000 s",
                    "  # left out: a message on lab/binary at ");

            try (Collector application = Collector.subscribe(broker.port(), "lab/#")) {
                CliHarness.Result replay = CliHarness.run("run", out.toString(), "--virtual-time",
                        "--broker", "mqtt://127.0.0.1:" + broker.port(), "--qos", "1");

                assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
                await().atMost(10, TimeUnit.SECONDS).until(() -> application.messages().size() >= expected.size());
                assertThat(application.messages()).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void theDevicesEventsReplayFromJetemusOwnBrokerOnceTheApplicationIsConnected() throws Exception {
        Path out = dir.resolve("device.yaml");
        List<Message> published = new ArrayList<>();
        try (NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0))) {
            CompletableFuture<CliHarness.Result> recording = CompletableFuture.supplyAsync(() -> CliHarness.run(
                    "record", "--broker", "tcp://127.0.0.1:" + broker.port(), "--out", out.toString(),
                    "--duration", "3s"));
            awaitSubscribed(out, recording);
            for (int i = 0; i < 3; i++) {
                String topic = "/junos/events/kernel/interfaces/ifd/change/ge-0/0/" + i;
                byte[] payload = ("{\"jet-event\": {\"event-id\": \"KERNEL_EVENT\", \"hostname\": \"vmx1\", "
                        + "\"attributes\": {\"name\": \"ge-0/0/" + i + "\", \"flags\": 9}}}")
                        .getBytes(StandardCharsets.UTF_8);
                broker.publish(topic, payload, 0);
                published.add(Message.of(topic, payload));
                Thread.sleep(100);
            }
            CliHarness.Result result = recording.get(30, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
        // What the header advises for CI: wait for the application before the first message.
        String recorded = Files.readString(out);
        assertThat(recorded).contains("#   - await-subscribers: { filter: \"/junos/events/#\", timeout: 60s }");
        Path replayed = Files.writeString(dir.resolve("device-await.yaml"), recorded.replace("\nsteps:\n",
                "\nsteps:\n  - await-subscribers: { filter: \"/junos/events/#\", timeout: 60s }\n"));
        int port = RunCommandIT.freePort();
        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(() -> CliHarness.run("run",
                replayed.toString(), "--port", String.valueOf(port), "--virtual-time"));
        try (Collector application = Collector.subscribe(port, "/junos/events/#")) {
            CliHarness.Result result = run.get(60, TimeUnit.SECONDS);

            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            await().atMost(10, TimeUnit.SECONDS).until(() -> application.messages().size() >= published.size());
            assertThat(application.messages()).containsExactlyElementsOf(published);
        }
    }

    @Test
    void aRecordingFromMosquittoReplaysIntoMosquitto() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start(dir)) {
            int port = mosquitto.port();
            String uri = "tcp://127.0.0.1:" + port;
            List<Publish> events = List.of(
                    Publish.of(0, "/junos/events/kernel/interfaces/ifd/change/ge-0/0/1", "{\"flags\": 9}", 0),
                    Publish.of(200, "/junos/events/syslog/UI_COMMIT_COMPLETED",
                            "{\"message\": \"commit: \\\"lab\\\"\"}", 1),
                    Publish.of(0, "lab/ignored", "not under the default filter", 1),
                    Publish.of(0, "/junos/events/genpub/config-update", "#1 é\n  indented", 1));
            Path out = dir.resolve("mosquitto.yaml");
            try (Publisher publisher = Publisher.connect(port)) {
                // The device's state before the recording: Mosquitto hands it over with the RETAIN flag.
                publisher.client.publish("/junos/events/kernel/interfaces/ifd/add/ge-0/0/1",
                        "{\"state\": \"up\"}".getBytes(StandardCharsets.UTF_8), 1, true);
                CompletableFuture<CliHarness.Result> recording = CompletableFuture.supplyAsync(() -> CliHarness.run(
                        "record", "--broker", uri, "--out", out.toString(), "--duration", "3s"));
                awaitSubscribed(out, recording);
                publishAll(publisher, events);
                CliHarness.Result result = recording.get(30, TimeUnit.SECONDS);
                assertThat(result.exitCode()).as(result.err()).isZero();
                assertThat(result.out()).startsWith("Recorded 4 messages in 3.0 s");
                assertThat(result.err()).contains("note: 1 of them was retained, the broker's state when "
                        + "the recording subscribed; they replay as ordinary messages");
                // cleared, so that the replay's subscriber sees only what is replayed
                publisher.client.publish("/junos/events/kernel/interfaces/ifd/add/ge-0/0/1", new byte[0], 1, true);
            }
            List<Message> expected = new ArrayList<>();
            expected.add(Message.of("/junos/events/kernel/interfaces/ifd/add/ge-0/0/1",
                    "{\"state\": \"up\"}".getBytes(StandardCharsets.UTF_8)));
            events.stream().filter(p -> p.topic().startsWith("/junos/"))
                    .forEach(p -> expected.add(Message.of(p.topic(), p.payload())));
            assertThat(timed(ScenarioLoader.loadAndCheck(out).steps()))
                    .extracting(t -> Message.of(t.raw().topic(), t.raw().payload()))
                    .containsExactlyElementsOf(expected);
            String text = Files.readString(out);
            assertThat(text).contains("# Messages: 4 recorded (1 retained), 0 left out; recording ended after 3.000 s",
                    "  # retained: the broker held it when the recording subscribed\n"
                            + "  - raw: {topic: \"/junos/events/kernel/interfaces/ifd/add/ge-0/0/1\"");

            try (Collector application = Collector.subscribe(port, "/junos/events/#")) {
                CliHarness.Result replay = CliHarness.run("run", out.toString(), "--broker", uri, "--virtual-time");

                assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
                await().atMost(10, TimeUnit.SECONDS).until(() -> application.messages().size() >= expected.size());
                assertThat(application.messages()).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void sigtermEndsTheRecordingCleanlyAndTheFileHoldsEveryMessage() throws Exception {
        Path out = dir.resolve("stopped.yaml");
        try (NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
             Publisher publisher = Publisher.connect(broker.port());
             JetemuProcess jetemu = JetemuProcess.start("record", "--broker", "tcp://127.0.0.1:" + broker.port(),
                     "--filter", "lab/#", "--out", out.toString())) {
            await().atMost(30, TimeUnit.SECONDS).until(() -> Files.exists(out)
                    && jetemu.err().stream().anyMatch(line -> line.startsWith("Recording lab/#")));
            publishAll(publisher, List.of(Publish.of(0, "lab/a", "one", 1), Publish.of(100, "lab/b", "two", 1),
                    Publish.of(100, "lab/c", "three\n", 1)));
            await().atMost(10, TimeUnit.SECONDS).until(() -> rawSteps(out) == 3);

            assertThat(jetemu.terminateAndKeepOutput(10)).isZero();

            await().atMost(5, TimeUnit.SECONDS).until(() -> !jetemu.out().isEmpty());
            assertThat(jetemu.out()).singleElement().asString().startsWith("Recorded 3 messages in ")
                    .endsWith(" s to " + out);
            Scenario scenario = ScenarioLoader.loadAndCheck(out);
            assertThat(timed(scenario.steps())).extracting(t -> t.raw().topic())
                    .containsExactly("lab/a", "lab/b", "lab/c");
            assertThat(Files.readString(out)).contains("# Messages: 3 recorded (0 retained), 0 left out; "
                    + "recording ended after ", "# Recording ended ");
        }
    }

    @Test
    void aKilledRecordingIsStillAScenarioUpToItsLastMessage() throws Exception {
        Path out = dir.resolve("killed.yaml");
        try (NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
             Publisher publisher = Publisher.connect(broker.port())) {
            JetemuProcess jetemu = JetemuProcess.start("record", "--broker", "tcp://127.0.0.1:" + broker.port(),
                    "--filter", "lab/#", "--out", out.toString());
            await().atMost(30, TimeUnit.SECONDS).until(() -> Files.exists(out)
                    && jetemu.err().stream().anyMatch(line -> line.startsWith("Recording lab/#")));
            assertThat(ScenarioLoader.loadAndCheck(out).steps()).as("before the first message").isEmpty();
            publishAll(publisher, List.of(Publish.of(0, "lab/a", "one", 1), Publish.of(50, "lab/b", "two", 1)));
            await().atMost(10, TimeUnit.SECONDS).until(() -> rawSteps(out) == 2);

            jetemu.close(); // SIGKILL: no handler runs
            jetemu.awaitExit(10);

            assertThat(timed(ScenarioLoader.loadAndCheck(out).steps())).extracting(t -> t.raw().topic())
                    .containsExactly("lab/a", "lab/b");
            assertThat(Files.readString(out)).contains("# Messages: 2 recorded (0 retained), 0 left out; "
                    + "recording in progress").doesNotContain("# Recording ended");
        }
    }

    @Test
    void aLostConnectionEndsTheRecordingWithExitCode3AndAValidFile() throws Exception {
        Path out = dir.resolve("lost.yaml");
        CompletableFuture<CliHarness.Result> recording;
        String uri;
        try (NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
             Publisher publisher = Publisher.connect(broker.port())) {
            uri = "tcp://127.0.0.1:" + broker.port();
            recording = CompletableFuture.supplyAsync(() -> CliHarness.run("record", "--broker", uri,
                    "--filter", "lab/#", "--out", out.toString(), "--duration", "60s"));
            awaitSubscribed(out, recording);
            publishAll(publisher, List.of(Publish.of(0, "lab/a", "before the broker went away", 1)));
            await().atMost(10, TimeUnit.SECONDS).until(() -> rawSteps(out) == 1);
        }
        CliHarness.Result result = recording.get(30, TimeUnit.SECONDS);

        assertThat(result.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(result.out()).startsWith("Recorded 1 message in ");
        assertThat(result.err().lines().toList()).last().asString().startsWith("jetemu: lost the connection to " + uri
                + ": ").endsWith("; " + out + " holds what was recorded until then");
        assertThat(timed(ScenarioLoader.loadAndCheck(out).steps())).hasSize(1);
    }

    @Test
    void aBrokerThatCannotBeReachedIsExitCode3AndNoFile() throws Exception {
        int port = RunCommandIT.freePort();
        Path out = dir.resolve("never.yaml");

        CliHarness.Result result = CliHarness.run("record", "--broker", "tcp://127.0.0.1:" + port,
                "--out", out.toString(), "--duration", "1s");

        assertThat(result.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("jetemu: cannot connect to tcp://127.0.0.1:" + port
                + ": Unable to connect to server (Connection refused)" + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void credentialsLogIn() throws Exception {
        BrokerSettings settings = BrokerSettings.loopbackOnly(0)
                .withUsers(List.of(new Credentials("jetapp", "secret")));
        try (NotificationBroker broker = NotificationBroker.start(settings)) {
            String uri = "tcp://127.0.0.1:" + broker.port();
            Path refused = dir.resolve("refused.yaml");
            CliHarness.Result wrong = CliHarness.run("record", "--broker", uri, "--user", "jetapp",
                    "--password", "guess", "--out", refused.toString(), "--duration", "1s");
            assertThat(wrong.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
            assertThat(wrong.err()).isEqualTo("jetemu: cannot connect to " + uri + ": Bad user name or password"
                    + System.lineSeparator());
            assertThat(refused).doesNotExist();

            Path quiet = dir.resolve("quiet.yaml");
            CliHarness.Result right = CliHarness.run("record", "--broker", uri, "--user", "jetapp",
                    "--password", "secret", "--out", quiet.toString(), "--duration", "500ms");
            assertThat(right.exitCode()).as(right.err()).isZero();
            assertThat(right.out()).isEqualTo("Recorded 0 messages in 0.5 s to " + quiet + System.lineSeparator());
            assertThat(ScenarioLoader.loadAndCheck(quiet).steps()).isEmpty();
        }
    }

    /** The file appears once the subscription is made: from then on nothing published is missed. */
    private static void awaitSubscribed(Path out, CompletableFuture<CliHarness.Result> recording) {
        await().atMost(30, TimeUnit.SECONDS)
                .failFast("record ended early", recording::isDone)
                .until(() -> Files.exists(out) && Files.readString(out).contains("steps:"));
    }

    private static void publishAll(Publisher publisher, List<Publish> messages) throws Exception {
        for (Publish message : messages) {
            if (message.pauseMillis() > 0) {
                Thread.sleep(message.pauseMillis()); // the gap to be recorded
            }
            publisher.client.publish(message.topic(), message.payload(), message.qos(), false);
        }
    }

    private static long rawSteps(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith("  - raw: ")).count();
    }

    /** The raw steps, each with the scenario time at which it is published: the sum of the sleeps before it. */
    private static List<Timed> timed(List<Step> steps) {
        List<Timed> raws = new ArrayList<>();
        long at = 0;
        for (Step step : steps) {
            if (step instanceof Sleep sleep) {
                at += sleep.duration().toMillis();
            } else if (step instanceof Raw raw) {
                raws.add(new Timed(at, raw));
            }
        }
        return raws;
    }

    /** A Paho client that publishes, and disconnects when closed. */
    private static final class Publisher implements AutoCloseable {

        private final MqttClient client;

        private Publisher(MqttClient client) {
            this.client = client;
        }

        static Publisher connect(int port) throws MqttException {
            return new Publisher(PahoClients.connected(port));
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    /** An application subscribed at QoS 1, keeping every message's topic and bytes in arrival order. */
    private static final class Collector implements AutoCloseable {

        private final MqttClient client;
        private final List<Message> messages = new CopyOnWriteArrayList<>();

        private Collector(MqttClient client) {
            this.client = client;
        }

        static Collector subscribe(int port, String filter) throws MqttException {
            Collector collector = new Collector(PahoClients.connected(port));
            collector.client.subscribe(filter, 1, (topic, message) ->
                    collector.messages.add(Message.of(topic, message.getPayload())));
            return collector;
        }

        List<Message> messages() {
            return messages;
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }
}
