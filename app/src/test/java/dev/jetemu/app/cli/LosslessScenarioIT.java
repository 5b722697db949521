package dev.jetemu.app.cli;

import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.scenario.DeviceChange;
import dev.jetemu.sim.scenario.Generated;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import dev.jetemu.sim.scenario.Step;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 100,000 route events from a scenario in virtual time, as fast as the device can publish them,
 * to 1 and to 10 Paho subscribers at QoS 0 and 1: every subscriber receives every event, in the
 * order the device model made them. jetemu runs as a process with {@code --keep-running}, as a
 * CI pipeline runs it, so that the broker stays up while the subscribers finish reading.
 */
class LosslessScenarioIT {

    @TempDir
    Path dir;

    /** The topics the device publishes for the scenario, in model order: the generator's routes, in its order. */
    private static List<String> expectedTopics(Scenario scenario) {
        Device device = new Device();
        List<String> topics = new ArrayList<>();
        for (Step step : scenario.steps()) {
            Iterator<Step> made = step instanceof Generated generated ? generated.steps().get() : List.of(step).iterator();
            made.forEachRemaining(each -> {
                if (each instanceof DeviceChange change) {
                    change.operation().apply(device).forEach(event -> topics.add(event.topic()));
                }
            });
        }
        return topics;
    }

    @ParameterizedTest(name = "{0} subscribers at QoS {1}")
    @CsvSource({"1, 0", "10, 0", "1, 1", "10, 1"})
    void everySubscriberReceivesEveryEventInModelOrder(int subscriberCount, int qos) throws Exception {
        // The burst starts once every subscriber is in: earlier events would miss the late ones.
        Path file = Files.writeString(dir.resolve("route-burst.yaml"),
                Files.readString(RunCommandIT.resource("route-burst.yaml")).replace("count: 1,",
                        "count: " + subscriberCount + ","));
        Scenario scenario = ScenarioLoader.loadAndCheck(file);
        List<String> expected = expectedTopics(scenario);
        assertThat(expected).hasSize(100_000).doesNotHaveDuplicates();
        JetemuProcess jetemu = JetemuProcess.start("run", file.toString(), "--port", "0", "--virtual-time",
                "--qos", String.valueOf(qos), "--keep-running");
        int port = jetemu.awaitReady();

        List<List<String>> received = new ArrayList<>();
        List<MqttClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < subscriberCount; i++) {
                // Not a CopyOnWriteArrayList: copying 100,000 entries per message would make the subscriber the bottleneck.
                List<String> topics = Collections.synchronizedList(new ArrayList<>(100_000));
                MqttClient client = PahoClients.connected(port, "subscriber-" + i);
                // A QoS 1 resend (DUP set) of a message already here is the protocol's at-least-once,
                // not a second event: Moquette resends what a stalled subscriber has not acknowledged.
                Set<String> seen = new HashSet<>(200_000);
                client.subscribe("/junos/events/kernel/route/#", qos, (topic, message) -> {
                    if (seen.add(topic) || !message.isDuplicate()) {
                        topics.add(topic);
                    }
                });
                clients.add(client);
                received.add(topics);
            }

            await().atMost(300, TimeUnit.SECONDS).until(() -> jetemu.out().stream()
                    .anyMatch(line -> line.startsWith("PASS route-burst") || line.startsWith("FAIL")));
            assertThat(jetemu.out()).anyMatch(line -> line.startsWith("PASS route-burst (100000 events"));
            await().atMost(120, TimeUnit.SECONDS).until(() -> received.stream().allMatch(t -> t.size() >= 100_000));
            for (List<String> topics : received) {
                synchronized (topics) {
                    assertThat(topics).hasSize(100_000);
                    assertThat(topics).isEqualTo(expected);
                }
            }
        } finally {
            jetemu.close();
            for (MqttClient client : clients) {
                if (client.isConnected()) {
                    client.disconnect();
                }
                client.close();
            }
        }
    }
}
