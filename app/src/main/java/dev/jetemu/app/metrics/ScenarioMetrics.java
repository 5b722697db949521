package dev.jetemu.app.metrics;

import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.scenario.Step;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** What the device publishes and what scenario runs do, counted. */
final class ScenarioMetrics {

    private final Map<EventTopic, Counter> events;
    private final Counter other;
    private final Counter steps;
    private final Counter passed;
    private final Counter failed;
    private final Counter failures;

    ScenarioMetrics(MeterRegistry registry) {
        Map<EventTopic, Counter> byTopic = new HashMap<>();
        for (EventTopic topic : EventTopic.all()) {
            byTopic.put(topic, Counter.builder("jetemu.events.published")
                    .description("Messages the device published, by event type and operation (from the topic)")
                    .tag("type", topic.type())
                    .tag("operation", topic.operation())
                    .register(registry));
        }
        events = Map.copyOf(byTopic);
        other = events.get(new EventTopic(EventTopic.OTHER, EventTopic.NO_OPERATION));
        steps = Counter.builder("jetemu.scenario.steps")
                .description("Top-level scenario steps started")
                .register(registry);
        passed = scenarios(registry, "passed");
        failed = scenarios(registry, "failed");
        failures = Counter.builder("jetemu.scenario.failures")
                .description("Scenarios that failed: an await or expectation not met, or a step the device refused")
                .register(registry);
    }

    private static Counter scenarios(MeterRegistry registry, String result) {
        return Counter.builder("jetemu.scenarios")
                .description("Scenario runs finished, by result")
                .tag("result", result)
                .register(registry);
    }

    RunListener listener(RunListener next) {
        Objects.requireNonNull(next, "next");
        return new RunListener() {
            @Override
            public void stepStarted(int number, int total, Step step) {
                steps.increment();
                next.stepStarted(number, total, step);
            }

            @Override
            public void published(String topic, byte[] payload, Instant scenarioTime) {
                events.getOrDefault(EventTopic.of(topic), other).increment();
                next.published(topic, payload, scenarioTime);
            }
        };
    }

    void finished(ScenarioResult result) {
        if (result.passed()) {
            passed.increment();
        } else {
            failed.increment();
            failures.increment();
        }
    }
}
