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
import dev.jetemu.sim.scenario.ExpectMessage;
import dev.jetemu.sim.scenario.Raw;
import dev.jetemu.sim.scenario.Repeat;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.Sleep;
import dev.jetemu.sim.scenario.Step;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs scenarios on a fresh device each: builds the initial state without publishing, then
 * performs the steps in order, publishing every event the device reports through the sink.
 *
 * <p>{@code await-subscribers} and {@code expect-message} wait in real time even under a
 * virtual clock: what they wait for (an application) lives in real time. Their waiting does not
 * move the scenario clock.
 */
public final class ScenarioRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(20);

    private final EventSink sink;
    private final BrokerView broker;
    private final ScenarioClock clock;
    private final RunListener listener;
    private final int deviceQos;
    private final String defaultHostname;

    /**
     * @param deviceQos       the QoS of the device's messages
     * @param defaultHostname the device's host name when a scenario does not set one
     */
    public ScenarioRunner(EventSink sink, BrokerView broker, ScenarioClock clock, RunListener listener,
                          int deviceQos, String defaultHostname) {
        this.sink = sink;
        this.broker = broker;
        this.clock = clock;
        this.listener = listener;
        this.deviceQos = deviceQos;
        this.defaultHostname = defaultHostname;
    }

    public ScenarioResult run(Scenario scenario) throws InterruptedException {
        long started = System.nanoTime();
        Run run = new Run(scenario, new Device(), scenario.hostname().orElse(defaultHostname));
        Optional<StepFailure> failure = run.start();
        return new ScenarioResult(scenario.name(), scenario.file(), failure, run.published,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** One scenario's run: its device, host name and count of published messages. */
    private final class Run {
        private final Scenario scenario;
        private final Device device;
        private final String hostname;
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
            if (step instanceof DeviceChange change) {
                return change(change);
            }
            if (step instanceof Sleep sleep) {
                clock.sleep(sleep.duration());
                return Optional.empty();
            }
            if (step instanceof Repeat repeat) {
                return repeat(repeat);
            }
            if (step instanceof Raw raw) {
                publish(raw.topic(), raw.payload(), raw.qos().orElse(deviceQos));
                return Optional.empty();
            }
            if (step instanceof AwaitSubscribers await) {
                return awaitSubscribers(await);
            }
            return expectMessage((ExpectMessage) step);
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
                for (Step step : repeat.steps()) {
                    Optional<StepFailure> failure = perform(step);
                    if (failure.isPresent()) {
                        return failure;
                    }
                }
            }
            return Optional.empty();
        }

        private void publish(String topic, byte[] payload, int qos) throws InterruptedException {
            sink.publish(topic, payload, qos);
            published++;
            listener.published(topic, payload, clock.now());
        }

        private Optional<StepFailure> awaitSubscribers(AwaitSubscribers await) throws InterruptedException {
            long deadline = System.nanoTime() + await.timeout().toNanos();
            int seen;
            while ((seen = broker.subscribersOverlapping(await.filter())) < await.count()) {
                if (System.nanoTime() - deadline > 0) {
                    return Optional.of(failure(await, seen + " of " + await.count() + " subscribers to "
                            + await.filter() + " after " + Durations.format(await.timeout())));
                }
                Thread.sleep(POLL.toMillis());
            }
            return Optional.empty();
        }

        private Optional<StepFailure> expectMessage(ExpectMessage expect) throws InterruptedException {
            Predicate<AppMessage> wanted = message -> expect.payload()
                    .map(subset -> payloadContains(message.payload(), subset))
                    .orElse(true);
            try (MessageWatch watch = broker.watch(expect.filter())) {
                if (watch.await(wanted, expect.timeout()).isPresent()) {
                    return Optional.empty();
                }
            }
            String what = expect.payload().map(subset -> " containing " + subset).orElse("");
            return Optional.of(failure(expect, "no message on " + expect.filter() + what + " within "
                    + Durations.format(expect.timeout())));
        }

        private StepFailure failure(Step step, String reason) {
            return new StepFailure(scenario.file(), step.keyword(), step.at(), reason);
        }
    }

    private static boolean payloadContains(byte[] payload, JsonNode subset) {
        try {
            return JsonSubset.contains(JSON.readTree(payload), subset);
        } catch (IOException notJson) {
            return false;
        }
    }
}
