package dev.jetemu.sim.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.sim.device.RouteSpec;
import dev.jetemu.sim.event.JetEventParser;
import dev.jetemu.sim.event.ParsedJetEvent;
import dev.jetemu.sim.scenario.AwaitSubscribers;
import dev.jetemu.sim.scenario.DeviceChange;
import dev.jetemu.sim.scenario.ExpectMessage;
import dev.jetemu.sim.scenario.Raw;
import dev.jetemu.sim.scenario.Repeat;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.Sleep;
import dev.jetemu.sim.scenario.Step;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner's own logic, on an in-memory sink: order of events, repeat, raw, the virtual clock
 * and the failures of waiting steps. Publishing over MQTT is tested with the broker, in the app.
 */
class ScenarioRunnerTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private record Published(String topic, String payload, int qos) {
    }

    private final List<Published> published = new ArrayList<>();
    private final EventSink sink = (topic, payload, qos) ->
            published.add(new Published(topic, new String(payload, StandardCharsets.UTF_8), qos));

    /** A broker view with a fixed subscriber count and the application messages a test queues. */
    private static final class FixedBroker implements BrokerView {
        private final int subscribers;
        private final ConcurrentLinkedQueue<AppMessage> messages = new ConcurrentLinkedQueue<>();

        FixedBroker(int subscribers) {
            this.subscribers = subscribers;
        }

        @Override
        public int subscribersOverlapping(String filter) {
            return subscribers;
        }

        @Override
        public MessageWatch watch(String filter) {
            return new MessageWatch() {
                @Override
                public Optional<AppMessage> await(java.util.function.Predicate<AppMessage> wanted, Duration timeout) {
                    return messages.stream().filter(wanted).findFirst();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static Position at(int line) {
        return new Position(line, 3);
    }

    private static Scenario scenario(List<DeviceChange> initial, Step... steps) {
        return new Scenario("flap.yaml", "flap", "", Optional.of("vmx1"), initial, List.of(steps));
    }

    private static final DeviceChange INTERFACE = new DeviceChange("ifd-add", at(2), d -> d.addInterface("ge-0/0/1"));

    private ScenarioResult run(BrokerView broker, Scenario scenario) throws InterruptedException {
        return new ScenarioRunner(sink, broker, ScenarioClock.virtual(START), RunListener.NONE, 1, "jetemu")
                .run(scenario);
    }

    @Test
    void theInitialStateIsNotPublishedAndStepsPublishInOrderWithTheVirtualClock() throws Exception {
        ScenarioResult result = run(new FixedBroker(0), scenario(List.of(INTERFACE),
                new Repeat(at(5), 2, List.of(
                        new DeviceChange("interface-down", at(7), d -> d.interfaceDown("ge-0/0/1")),
                        new Sleep(at(8), Duration.ofSeconds(2)),
                        new DeviceChange("interface-up", at(9), d -> d.interfaceUp("ge-0/0/1")),
                        new Sleep(at(10), Duration.ofSeconds(2))))));

        assertThat(result.passed()).isTrue();
        assertThat(result.eventsPublished()).isEqualTo(4);
        assertThat(published).extracting(Published::topic).containsOnly(
                "/junos/events/kernel/interfaces/ifd/change/ge-0/0/1");
        assertThat(published).extracting(Published::qos).containsOnly(1);
        List<ParsedJetEvent> events = published.stream()
                .map(p -> JetEventParser.parse(p.payload().getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(events).extracting(ParsedJetEvent::time).containsExactly(
                "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:02.000Z",
                "2026-01-01T00:00:04.000Z", "2026-01-01T00:00:06.000Z");
        assertThat(events).extracting(ParsedJetEvent::hostname).containsOnly("vmx1");
    }

    @Test
    void aRawStepPublishesItsBytesAsWritten() throws Exception {
        ScenarioResult result = run(new FixedBroker(0), scenario(List.of(),
                new Raw(at(3), "/junos/events/custom/thing", "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8),
                        OptionalInt.of(0))));

        assertThat(result.passed()).isTrue();
        assertThat(published).containsExactly(new Published("/junos/events/custom/thing", "{\"a\": 1}\n", 0));
    }

    @Test
    void awaitSubscribersFailsWithItsPlaceWhenTooFewSubscribe() throws Exception {
        ScenarioResult result = run(new FixedBroker(1), scenario(List.of(),
                new AwaitSubscribers(at(4), "/junos/events/kernel/#", 2, Duration.ofMillis(100))));

        assertThat(result.failure().map(Object::toString)).contains(
                "flap.yaml:4:3: await-subscribers: 1 of 2 subscribers to /junos/events/kernel/# after 100ms");
    }

    @Test
    void expectMessageMatchesAJsonSubsetOfWhatTheApplicationPublished() throws Exception {
        FixedBroker broker = new FixedBroker(1);
        broker.messages.add(new AppMessage("app", "myapp/actions/restart",
                "{\"action\":\"restart\",\"interface\":\"ge-0/0/1\"}".getBytes(StandardCharsets.UTF_8)));
        ObjectMapper json = new ObjectMapper();

        ScenarioResult matching = run(broker, scenario(List.of(), new ExpectMessage(at(6), "myapp/actions/#",
                Optional.of(json.readTree("{\"action\":\"restart\"}")), Duration.ofMillis(100))));
        ScenarioResult notMatching = run(broker, scenario(List.of(), new ExpectMessage(at(6), "myapp/actions/#",
                Optional.of(json.readTree("{\"action\":\"shutdown\"}")), Duration.ofMillis(100))));

        assertThat(matching.passed()).isTrue();
        assertThat(notMatching.failure().map(Object::toString)).contains("flap.yaml:6:3: expect-message: no message "
                + "on myapp/actions/# containing {\"action\":\"shutdown\"} within 100ms");
    }

    @Test
    void aStepTheDeviceRefusesFailsTheScenarioAtThatStep() throws Exception {
        ScenarioResult result = run(new FixedBroker(0), scenario(List.of(),
                new DeviceChange("route-delete", at(9),
                        d -> d.deleteRoute("inet.0", "default", "10.9.0.0/16"))));

        assertThat(result.failure().map(Object::toString).orElseThrow())
                .startsWith("flap.yaml:9:3: route-delete: ");
        assertThat(published).isEmpty();
    }

    @Test
    void routeEventsOfAStepLeaveInModelOrder() throws Exception {
        run(new FixedBroker(0), scenario(List.of(),
                new DeviceChange("route-add", at(3), d -> d.addRoute(
                        RouteSpec.parse("inet.0", "10.1.0.0/16", List.of("192.0.2.2"), "bgp"))),
                new DeviceChange("route-delete", at(4), d -> d.deleteRoute("inet.0", "default", "10.1.0.0/16"))));

        assertThat(published).extracting(Published::topic).containsExactly(
                "/junos/events/kernel/route/add/inet/10.1.0.0/16",
                "/junos/events/kernel/route/delete/inet/10.1.0.0/16");
    }
}
