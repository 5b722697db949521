package dev.jetemu.sim.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jetemu.diagnostics.Durations;
import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.device.DeviceModelException;
import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.JetEventCodec;
import dev.jetemu.sim.scenario.AwaitSubscribers;
import dev.jetemu.sim.scenario.DeviceChange;
import dev.jetemu.sim.scenario.DeliveryFault;
import dev.jetemu.sim.scenario.DisconnectClients;
import dev.jetemu.sim.scenario.ExpectMessage;
import dev.jetemu.sim.scenario.ExpectNoMessage;
import dev.jetemu.sim.scenario.Fault;
import dev.jetemu.sim.scenario.Generated;
import dev.jetemu.sim.scenario.PauseDelivery;
import dev.jetemu.sim.scenario.Raw;
import dev.jetemu.sim.scenario.Repeat;
import dev.jetemu.sim.scenario.RestartBroker;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.Sleep;
import dev.jetemu.sim.scenario.Step;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs scenarios on a fresh device each: builds the initial state without publishing, then
 * performs the steps in order, publishing every event the device reports through the sink.
 *
 * <p>{@code await-subscribers}, {@code expect-message} and {@code expect-no-message} wait in real
 * time even under a virtual clock: what they wait for (an application) lives in real time. Their
 * waiting does not move the scenario clock. Application messages are collected from the start of
 * the scenario for the filters its expect-message steps name, so an answer that arrives before
 * its expectation starts counts: each expect-message takes the first matching message since the
 * previous one on its filter. An expect-no-message window starts with its step.
 *
 * <p>{@code pause-delivery} holds the device's messages until scenario time reaches the pause's
 * end; they go out, in order, at the first step, sleep or wait poll after that, and at the latest
 * when the scenario ends.
 */
public final class ScenarioRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(20);
    /** After this long, an await-subscribers says what it waits for, once. */
    private static final Duration WAITING_NOTICE = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);

    private final EventSink sink;
    private final BrokerView broker;
    private final BrokerControl control;
    private final ScenarioClock clock;
    private final RunListener listener;
    private final int deviceQos;
    private final String defaultHostname;

    /**
     * @param control         what fault steps do to the broker; {@link BrokerControl#NONE} refuses them
     * @param deviceQos       the QoS of the device's messages
     * @param defaultHostname the device's host name when a scenario does not set one
     */
    public ScenarioRunner(EventSink sink, BrokerView broker, BrokerControl control, ScenarioClock clock,
                          RunListener listener, int deviceQos, String defaultHostname) {
        this.sink = sink;
        this.broker = broker;
        this.control = control;
        this.clock = clock;
        this.listener = listener;
        this.deviceQos = deviceQos;
        this.defaultHostname = defaultHostname;
    }

    /** Runs the scenario on a new device. */
    public ScenarioResult run(Scenario scenario) throws InterruptedException {
        return run(scenario, new Device());
    }

    /**
     * Runs the scenario on {@code device}: its initial state is built there without publishing,
     * then its steps change it. A running emulator passes its live device, to apply steps to it.
     */
    public ScenarioResult run(Scenario scenario, Device device) throws InterruptedException {
        long started = System.nanoTime();
        Run run = new Run(scenario, device, scenario.hostname().orElse(defaultHostname));
        Optional<StepFailure> failure = run.start();
        return new ScenarioResult(scenario.name(), scenario.file(), failure, run.published,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** One scenario's run: its device, host name, held messages and count of published messages. */
    private final class Run {
        private final Scenario scenario;
        private final Device device;
        private final String hostname;
        private final HeldEvents held = new HeldEvents();
        /**
         * A watch per filter of the scenario's expect-message steps, open from its start: an
         * application's answer may arrive before the step that expects it begins.
         */
        private final Map<String, MessageWatch> expected = new HashMap<>();
        private long published;

        Run(Scenario scenario, Device device, String hostname) {
            this.scenario = scenario;
            this.device = device;
            this.hostname = hostname;
        }

        Optional<StepFailure> start() throws InterruptedException {
            for (DeviceChange change : scenario.initialState()) {
                try {
                    change.operation().apply(device);
                } catch (DeviceModelException e) {
                    return Optional.of(failure(change, e.getMessage()));
                }
            }
            Optional<StepFailure> failure;
            try {
                watchExpectedFilters(scenario.steps());
                failure = steps();
            } finally {
                expected.values().forEach(MessageWatch::close);
            }
            Optional<Instant> pauseEnd = held.end(clock.now());
            if (failure.isEmpty() && pauseEnd.isPresent() && !held.isEmpty()) {
                clock.sleep(Duration.between(clock.now(), pauseEnd.get()));
            }
            held.end();
            release();
            return failure;
        }

        private Optional<StepFailure> steps() throws InterruptedException {
            List<Step> steps = scenario.steps();
            for (int i = 0; i < steps.size(); i++) {
                listener.stepStarted(i + 1, steps.size(), steps.get(i));
                Optional<StepFailure> failure = perform(steps.get(i));
                if (failure.isPresent()) {
                    return failure;
                }
            }
            return Optional.empty();
        }

        private Optional<StepFailure> perform(Step step) throws InterruptedException {
            // A run that waits for nothing (virtual time, nobody behind) still stops when interrupted.
            if (Thread.interrupted()) {
                throw new InterruptedException("the run was interrupted before " + step.keyword());
            }
            release();
            if (step instanceof DeviceChange change) {
                return change(change);
            }
            if (step instanceof Sleep sleep) {
                sleep(sleep.duration());
                return Optional.empty();
            }
            if (step instanceof Repeat repeat) {
                return repeat(repeat);
            }
            if (step instanceof Generated generated) {
                return all(generated.steps().get());
            }
            if (step instanceof Raw raw) {
                publish(raw.topic(), raw.payload(), raw.qos().orElse(deviceQos));
                return Optional.empty();
            }
            Optional<StepFailure> failure;
            if (step instanceof AwaitSubscribers await) {
                failure = awaitSubscribers(await);
            } else if (step instanceof ExpectMessage expect) {
                failure = expectMessage(expect);
            } else if (step instanceof ExpectNoMessage expect) {
                failure = expectNoMessage(expect);
            } else {
                failure = fault((Fault) step);
            }
            // The wait was for an application, or the broker: sleeps after it count from now.
            clock.resync();
            return failure;
        }

        private Optional<StepFailure> change(DeviceChange change) throws InterruptedException {
            List<JetEvent> events;
            try {
                events = change.operation().apply(device);
            } catch (DeviceModelException e) {
                return Optional.of(failure(change, e.getMessage()));
            }
            for (JetEvent event : events) {
                publish(event.topic(), JetEventCodec.encode(event, hostname, clock.now()), deviceQos);
            }
            return Optional.empty();
        }

        private Optional<StepFailure> repeat(Repeat repeat) throws InterruptedException {
            for (int round = 0; round < repeat.times(); round++) {
                Optional<StepFailure> failure = all(repeat.steps().iterator());
                if (failure.isPresent()) {
                    return failure;
                }
            }
            return Optional.empty();
        }

        private Optional<StepFailure> all(Iterator<Step> steps) throws InterruptedException {
            while (steps.hasNext()) {
                Optional<StepFailure> failure = perform(steps.next());
                if (failure.isPresent()) {
                    return failure;
                }
            }
            return Optional.empty();
        }

        /** A sleep that lets held messages go when a pause ends during it. */
        private void sleep(Duration duration) throws InterruptedException {
            Instant wakeUp = clock.now().plus(duration);
            Optional<Instant> pauseEnd = held.end(clock.now());
            if (pauseEnd.isPresent() && pauseEnd.get().isBefore(wakeUp)) {
                clock.sleep(Duration.between(clock.now(), pauseEnd.get()));
                release();
                clock.sleep(Duration.between(clock.now(), wakeUp));
                return;
            }
            clock.sleep(duration);
        }

        private void publish(String topic, byte[] payload, int qos) throws InterruptedException {
            release();
            if (held.paused(clock.now())) {
                held.hold(topic, payload, qos);
                return;
            }
            send(topic, payload, qos);
        }

        /** Sends what a pause held, once it is over. */
        private void release() throws InterruptedException {
            if (held.isEmpty() || held.paused(clock.now())) {
                return;
            }
            for (HeldEvents.Held message = held.next(); message != null; message = held.next()) {
                send(message.topic(), message.payload(), message.qos());
            }
        }

        private void send(String topic, byte[] payload, int qos) throws InterruptedException {
            sink.publish(topic, payload, qos);
            published++;
            listener.published(topic, payload, clock.now());
        }

        private Optional<StepFailure> awaitSubscribers(AwaitSubscribers await) throws InterruptedException {
            long started = System.nanoTime();
            long deadline = started + await.timeout().toNanos();
            boolean told = false;
            int seen;
            while ((seen = broker.subscribersOverlapping(await.filter())) < await.count()) {
                if (!told && System.nanoTime() - started > WAITING_NOTICE.toNanos()) {
                    told = true;
                    LOG.info("{}: waiting up to {} for {} client{} subscribed to {} ({} so far): start the "
                                    + "application under test, or a subscriber such as mosquitto_sub", scenario.name(),
                            Durations.format(await.timeout()), await.count(), await.count() == 1 ? "" : "s",
                            await.filter(), seen);
                }
                if (System.nanoTime() - deadline > 0) {
                    return Optional.of(failure(await, seen + " of " + await.count() + " subscribers to "
                            + await.filter() + " after " + Durations.format(await.timeout())));
                }
                Thread.sleep(POLL.toMillis());
                release();
            }
            return Optional.empty();
        }

        private void watchExpectedFilters(List<Step> steps) {
            for (Step step : steps) {
                if (step instanceof ExpectMessage expect && !expected.containsKey(expect.filter())) {
                    expected.put(expect.filter(), broker.watch(expect.filter()));
                } else if (step instanceof Repeat repeat) {
                    watchExpectedFilters(repeat.steps());
                }
            }
        }

        /**
         * Takes, from what arrived on the step's filter since the previous expectation on it, the
         * first message that matches; those before it are passed over.
         */
        private Optional<StepFailure> expectMessage(ExpectMessage expect) throws InterruptedException {
            if (watchFor(expected.get(expect.filter()), matching(expect.payload()), expect.timeout()).isPresent()) {
                return Optional.empty();
            }
            String what = expect.payload().map(subset -> " containing " + subset).orElse("");
            return Optional.of(failure(expect, "no message on " + expect.filter() + what + " within "
                    + Durations.format(expect.timeout())));
        }

        private Optional<StepFailure> expectNoMessage(ExpectNoMessage expect) throws InterruptedException {
            long started = System.nanoTime();
            Optional<AppMessage> seen;
            try (MessageWatch watch = broker.watch(expect.filter())) {
                seen = watchFor(watch, matching(expect.payload()), expect.within());
            }
            if (seen.isEmpty()) {
                return Optional.empty();
            }
            AppMessage message = seen.get();
            long after = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return Optional.of(failure(expect, "client " + message.clientId() + " published on " + message.topic()
                    + " " + after + " ms into the " + Durations.format(expect.within()) + " window: "
                    + abbreviated(message.payload()) + "; expected no message on " + expect.filter()
                    + expect.payload().map(subset -> " containing " + subset).orElse("")));
        }

        /** Waits for a wanted message in short slices, so that a pause ending meanwhile lets its messages go. */
        private Optional<AppMessage> watchFor(MessageWatch watch, Predicate<AppMessage> wanted, Duration timeout)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long remaining = deadline - System.nanoTime();
                Optional<AppMessage> found = watch.await(wanted,
                        Duration.ofNanos(Math.max(0, Math.min(remaining, POLL.toNanos()))));
                if (found.isPresent() || remaining <= 0) {
                    return found;
                }
                release();
            }
        }

        private Optional<StepFailure> fault(Fault fault) throws InterruptedException {
            if (fault instanceof PauseDelivery pause) {
                held.pauseUntil(clock.now().plus(pause.duration()));
            } else if (fault instanceof DisconnectClients disconnect) {
                control.disconnectClients(disconnect.clients());
            } else if (fault instanceof RestartBroker restart) {
                control.stopBroker();
                clock.sleep(restart.downFor());
                control.startBroker();
            } else {
                DeliveryFault delivery = (DeliveryFault) fault;
                if (delivery.kind() == DeliveryFault.Kind.DROP) {
                    control.dropNext(delivery.clients(), delivery.filter(), delivery.count());
                } else {
                    control.duplicateNext(delivery.clients(), delivery.filter(), delivery.count());
                }
            }
            return Optional.empty();
        }

        private StepFailure failure(Step step, String reason) {
            return new StepFailure(scenario.file(), step.keyword(), step.at(), reason);
        }
    }

    private static Predicate<AppMessage> matching(Optional<JsonNode> subset) {
        return message -> subset.map(wanted -> payloadContains(message.payload(), wanted)).orElse(true);
    }

    private static boolean payloadContains(byte[] payload, JsonNode subset) {
        try {
            return JsonSubset.contains(JSON.readTree(payload), subset);
        } catch (IOException notJson) {
            return false;
        }
    }

    /** A payload for a message: as text, cut after 200 characters. */
    private static String abbreviated(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
