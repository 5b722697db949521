package dev.jetemu.sim.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.sim.device.RouteSpec;
import dev.jetemu.sim.event.JetEventParser;
import dev.jetemu.sim.event.ParsedJetEvent;
import dev.jetemu.sim.scenario.AwaitSubscribers;
import dev.jetemu.sim.scenario.DeliveryFault;
import dev.jetemu.sim.scenario.DeviceChange;
import dev.jetemu.sim.scenario.DisconnectClients;
import dev.jetemu.sim.scenario.ExpectMessage;
import dev.jetemu.sim.scenario.ExpectNoMessage;
import dev.jetemu.sim.scenario.Generated;
import dev.jetemu.sim.scenario.PauseDelivery;
import dev.jetemu.sim.scenario.Raw;
import dev.jetemu.sim.scenario.Repeat;
import dev.jetemu.sim.scenario.RestartBroker;
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
        return new ScenarioRunner(sink, broker, BrokerControl.NONE, ScenarioClock.virtual(START), RunListener.NONE, 1, "jetemu")
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

    /** Records what fault steps ask of the broker, and when, in the order asked. */
    private final class RecordingControl implements BrokerControl {
        private final List<String> calls = new ArrayList<>();

        @Override
        public int disconnectClients(String clientPattern) {
            calls.add("disconnect " + clientPattern + " after " + published.size());
            return 1;
        }

        @Override
        public void stopBroker() {
            calls.add("stop after " + published.size());
        }

        @Override
        public void startBroker() {
            calls.add("start after " + published.size());
        }

        @Override
        public int dropNext(String clientPattern, String filter, int count) {
            calls.add("drop " + count + " " + clientPattern + " " + filter);
            return 1;
        }

        @Override
        public int duplicateNext(String clientPattern, String filter, int count) {
            calls.add("duplicate " + count + " " + clientPattern + " " + filter);
            return 1;
        }
    }

    private static final DeviceChange DOWN = new DeviceChange("interface-down", at(4), d -> d.interfaceDown("ge-0/0/1"));
    private static final DeviceChange UP = new DeviceChange("interface-up", at(6), d -> d.interfaceUp("ge-0/0/1"));

    /** Published event times, and for each the scenario time the listener saw it leave at. */
    private final List<String> leftAt = new ArrayList<>();

    private ScenarioResult runWith(BrokerControl control, Scenario scenario) throws InterruptedException {
        RunListener listener = new RunListener() {
            @Override
            public void published(String topic, byte[] payload, Instant scenarioTime) {
                leftAt.add(JetEventParser.parse(payload).time() + " left " + scenarioTime);
            }
        };
        return new ScenarioRunner(sink, new FixedBroker(1), control, ScenarioClock.virtual(START), listener, 0,
                "jetemu").run(scenario);
    }

    @Test
    void pauseDeliveryHoldsEventsUntilItsEndInScenarioTimeThenSendsThemInOrder() throws Exception {
        ScenarioResult result = runWith(BrokerControl.NONE, scenario(List.of(INTERFACE),
                new PauseDelivery(at(3), Duration.ofSeconds(5)),
                DOWN,
                new Sleep(at(5), Duration.ofSeconds(2)),
                UP,
                new Sleep(at(7), Duration.ofSeconds(10)),
                DOWN));

        assertThat(result.passed()).isTrue();
        assertThat(leftAt).containsExactly(
                "2026-01-01T00:00:00.000Z left 2026-01-01T00:00:05Z",
                "2026-01-01T00:00:02.000Z left 2026-01-01T00:00:05Z",
                "2026-01-01T00:00:12.000Z left 2026-01-01T00:00:12Z");
    }

    @Test
    void eventsHeldWhenTheScenarioEndsAreSentAtThePausesEnd() throws Exception {
        ScenarioResult result = runWith(BrokerControl.NONE, scenario(List.of(INTERFACE),
                new PauseDelivery(at(3), Duration.ofSeconds(3)), DOWN));

        assertThat(result.passed()).isTrue();
        assertThat(leftAt).containsExactly("2026-01-01T00:00:00.000Z left 2026-01-01T00:00:03Z");
    }

    @Test
    void faultStepsActOnTheBrokerBetweenTheEventsAroundThem() throws Exception {
        RecordingControl control = new RecordingControl();

        ScenarioResult result = runWith(control, scenario(List.of(INTERFACE),
                DOWN,
                new DisconnectClients(at(5), "app-*"),
                new RestartBroker(at(6), Duration.ofSeconds(2)),
                UP,
                new DeliveryFault(at(8), DeliveryFault.Kind.DROP, 3, "*", "/junos/#"),
                new DeliveryFault(at(9), DeliveryFault.Kind.DUPLICATE, 2, "app-1", "/junos/events/kernel/#"),
                DOWN));

        assertThat(result.passed()).isTrue();
        assertThat(control.calls).containsExactly("disconnect app-* after 1", "stop after 1", "start after 1",
                "drop 3 * /junos/#", "duplicate 2 app-1 /junos/events/kernel/#");
        assertThat(leftAt).extracting(line -> line.substring(0, 24)).containsExactly(
                "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:02.000Z", "2026-01-01T00:00:02.000Z");
    }

    @Test
    void expectNoMessageFailsWithTheMessageThatArrivedAndPassesWhenNoneMatches() throws Exception {
        FixedBroker broker = new FixedBroker(1);
        broker.messages.add(new AppMessage("monitor", "app/alerts",
                "{\"interface\":\"ge-0/0/1\",\"state\":\"down\"}".getBytes(StandardCharsets.UTF_8)));
        ObjectMapper json = new ObjectMapper();

        ScenarioResult quiet = run(broker, scenario(List.of(), new ExpectNoMessage(at(7), "app/alerts",
                Optional.of(json.readTree("{\"state\":\"up\"}")), Duration.ofMillis(50))));
        ScenarioResult noisy = run(broker, scenario(List.of(), new ExpectNoMessage(at(7), "app/alerts",
                Optional.of(json.readTree("{\"state\":\"down\"}")), Duration.ofMillis(50))));

        assertThat(quiet.passed()).isTrue();
        assertThat(noisy.failure().map(Object::toString).orElseThrow())
                .startsWith("flap.yaml:7:3: expect-no-message: client monitor published on app/alerts ")
                .contains("ms into the 50ms window: {\"interface\":\"ge-0/0/1\",\"state\":\"down\"}; "
                        + "expected no message on app/alerts containing {\"state\":\"down\"}");
    }

    @Test
    void aGeneratedStepRunsTheStepsItMakesAsTheRunReachesThem() throws Exception {
        List<Integer> made = new ArrayList<>();
        Generated generated = new Generated("flaps-generate", at(4), () -> java.util.stream.IntStream.range(0, 4)
                .peek(made::add)
                .<Step>mapToObj(i -> i % 2 == 0 ? DOWN : UP)
                .iterator());

        ScenarioResult result = run(new FixedBroker(0), scenario(List.of(INTERFACE), generated));

        assertThat(result.passed()).isTrue();
        assertThat(made).containsExactly(0, 1, 2, 3);
        assertThat(published).hasSize(4);
    }

    /** A broker whose application answers each device event at once, before the runner's next step starts. */
    private static final class AnsweringBroker implements BrokerView, EventSink {
        private final List<java.util.concurrent.BlockingQueue<AppMessage>> watches = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void publish(String topic, byte[] payload, int qos) {
            AppMessage answer = new AppMessage("app", "app/alerts", ("{\"seen\":\"" + topic + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            watches.forEach(queue -> queue.add(answer));
        }

        @Override
        public int subscribersOverlapping(String filter) {
            return 1;
        }

        @Override
        public MessageWatch watch(String filter) {
            java.util.concurrent.BlockingQueue<AppMessage> queue = new java.util.concurrent.LinkedBlockingQueue<>();
            watches.add(queue);
            return new MessageWatch() {
                @Override
                public Optional<AppMessage> await(java.util.function.Predicate<AppMessage> wanted, Duration timeout)
                        throws InterruptedException {
                    long deadline = System.nanoTime() + timeout.toNanos();
                    for (AppMessage message = queue.poll(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
                         message != null; message = queue.poll(Math.max(0, deadline - System.nanoTime()),
                            java.util.concurrent.TimeUnit.NANOSECONDS)) {
                        if (wanted.test(message)) {
                            return Optional.of(message);
                        }
                    }
                    return Optional.empty();
                }

                @Override
                public void close() {
                    watches.remove(queue);
                }
            };
        }
    }

    @Test
    void anAnswerPublishedBeforeItsExpectationStartsCountsOnceForOneExpectation() throws Exception {
        AnsweringBroker broker = new AnsweringBroker();
        ObjectMapper json = new ObjectMapper();
        DeviceChange route = new DeviceChange("route-add", at(3), d -> d.addRoute(
                RouteSpec.parse("inet.0", "10.1.0.0/16", List.of("192.0.2.2"), "bgp")));
        ExpectMessage expectAnswer = new ExpectMessage(at(4), "app/alerts",
                Optional.of(json.readTree("{\"seen\":\"/junos/events/kernel/route/add/inet/10.1.0.0/16\"}")),
                Duration.ofMillis(200));

        ScenarioResult once = new ScenarioRunner(broker, broker, BrokerControl.NONE, ScenarioClock.virtual(START),
                RunListener.NONE, 0, "jetemu").run(scenario(List.of(), route, expectAnswer));
        ScenarioResult twice = new ScenarioRunner(broker, broker, BrokerControl.NONE, ScenarioClock.virtual(START),
                RunListener.NONE, 0, "jetemu").run(scenario(List.of(), route, expectAnswer, expectAnswer));

        assertThat(once.passed()).as(once.failure().map(Object::toString).orElse("")).isTrue();
        assertThat(twice.failure().map(Object::toString).orElseThrow()).startsWith("flap.yaml:4:3: expect-message: "
                + "no message on app/alerts containing");
        assertThat(broker.watches).as("watches closed with the scenario").isEmpty();
    }
}
