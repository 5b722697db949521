package dev.jetemu.bench.events;

import dev.jetemu.sim.run.BrokerControl;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.EventSink;
import dev.jetemu.sim.run.MessageWatch;
import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.run.ScenarioClock;
import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.run.ScenarioRunner;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import dev.jetemu.sim.scenario.ScenarioValidator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a scenario publishes, in order, made by the device simulation itself (publisher-sim's
 * runner under virtual time) with a sink that keeps them: the topics, and the payloads when asked.
 * Subscribers check what they receive against them; the harness publishes them to Mosquitto.
 *
 * <p>Every event's topic is distinct (one route each), so a topic names its event.
 */
public final class GeneratedEvents {

    private final String[] topics;
    private final byte[][] payloads;
    private final int size;
    private final TopicIndex index;

    private GeneratedEvents(String[] topics, byte[][] payloads, int size, TopicIndex index) {
        this.topics = topics;
        this.payloads = payloads;
        this.size = size;
        this.index = index;
    }

    /** The events of the routes scenario ({@link RouteScenario#yaml}) with {@code count} routes. */
    public static GeneratedEvents routes(int count, boolean withdraw, boolean keepPayloads) {
        return of(RouteScenario.yaml(count, 0, withdraw), keepPayloads);
    }

    /** Runs a scenario (YAML) under virtual time from {@link RouteScenario#START} and keeps what it publishes. */
    public static GeneratedEvents of(String scenarioYaml, boolean keepPayloads) {
        Scenario scenario = ScenarioLoader.parse("bench.yaml", scenarioYaml);
        ScenarioValidator.check(scenario);
        List<String> topics = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        EventSink keep = (topic, payload, qos) -> {
            topics.add(topic);
            if (keepPayloads) {
                payloads.add(payload);
            }
        };
        ScenarioResult result;
        try {
            result = run(scenario, keep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the events", e);
        }
        if (!result.passed()) {
            throw new IllegalStateException("the benchmark's scenario failed: " + result.failure().orElseThrow());
        }
        String[] topicArray = topics.toArray(String[]::new);
        return new GeneratedEvents(topicArray, keepPayloads ? payloads.toArray(byte[][]::new) : null,
                topicArray.length, new TopicIndex(topicArray));
    }

    /** Runs a scenario into {@code sink} as a device with nobody subscribed (await-subscribers passes at once). */
    public static ScenarioResult run(Scenario scenario, EventSink sink) throws InterruptedException {
        BrokerView everyone = new BrokerView() {
            @Override
            public int subscribersOverlapping(String filter) {
                return Integer.MAX_VALUE;
            }

            @Override
            public MessageWatch watch(String filter) {
                throw new UnsupportedOperationException("the benchmark's scenarios expect no messages");
            }
        };
        return new ScenarioRunner(sink, everyone, BrokerControl.NONE, ScenarioClock.virtual(RouteScenario.START),
                RunListener.NONE, 0, RouteScenario.HOSTNAME).run(scenario);
    }

    /** The first {@code count} events (a warm-up publishes fewer than a measured run; they are the same first ones). */
    public GeneratedEvents first(int count) {
        if (count > size) {
            throw new IllegalArgumentException(count + " events asked for; " + size + " were generated");
        }
        return new GeneratedEvents(topics, payloads, count, index);
    }

    public int size() {
        return size;
    }

    public String topic(int index) {
        return topics[index];
    }

    public boolean hasPayloads() {
        return payloads != null;
    }

    /** The payload of event {@code index}; not to be changed. */
    public byte[] payload(int index) {
        if (payloads == null) {
            throw new IllegalStateException("generated without payloads");
        }
        return payloads[index];
    }

    /**
     * The index of the event published on {@code topic}, or -1 if none of these events was. Looks at
     * {@code hint} first (the event that should come next), so that in-order delivery costs one
     * string comparison.
     */
    public int indexOf(String topic, int hint) {
        if (hint >= 0 && hint < size && topics[hint].equals(topic)) {
            return hint;
        }
        int found = index.of(topic);
        return found < size ? found : -1;
    }

    /** Topic to index, built on the first event out of place: in-order runs never need it. */
    private static final class TopicIndex {
        private final String[] topics;
        private Map<String, Integer> byTopic;

        TopicIndex(String[] topics) {
            this.topics = topics;
        }

        synchronized int of(String topic) {
            if (byTopic == null) {
                byTopic = new HashMap<>(topics.length * 2);
                for (int i = 0; i < topics.length; i++) {
                    byTopic.put(topics[i], i);
                }
            }
            return byTopic.getOrDefault(topic, -1);
        }
    }
}
