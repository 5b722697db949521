package dev.jetemu.bench;

import dev.jetemu.sim.run.BrokerControl;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.MessageWatch;
import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.run.ScenarioClock;
import dev.jetemu.sim.run.ScenarioRunner;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How accurately {@code sleep} steps keep real time: a scenario publishes a raw message, sleeps,
 * and repeats. Sleeps are kept against the scenario's schedule (a late wake-up shortens the next
 * sleep), so the error that matters is each publish's lateness against its scheduled time: the
 * run's start plus the sleeps before it. Runs the real runner and clock with a sink that only
 * takes the time, so the figure is the scheduler's and the clock's, not a broker's.
 */
final class SleepJitter {

    static final List<Duration> SLEEPS = List.of(Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(100));

    /** The lateness of the publishes after sleeps of one length, in milliseconds. */
    record Lateness(Duration sleep, int rounds, double p50, double p99, double max, double min) {
    }

    private SleepJitter() {
    }

    /** Each sleep length {@code rounds} times, after a warm-up of the shortest (class loading, compilation). */
    static List<Lateness> measure(int rounds) throws InterruptedException {
        lateness(SLEEPS.get(0), rounds);
        List<Lateness> results = new ArrayList<>();
        for (Duration sleep : SLEEPS) {
            double[] errors = lateness(sleep, rounds);
            Arrays.sort(errors);
            results.add(new Lateness(sleep, rounds, percentile(errors, 50), percentile(errors, 99),
                    errors[errors.length - 1], errors[0]));
        }
        return results;
    }

    /** The lateness of each publish after a sleep, in milliseconds. */
    private static double[] lateness(Duration sleep, int rounds) throws InterruptedException {
        Scenario scenario = ScenarioLoader.parse("jitter.yaml", """
                steps:
                  - repeat: %d
                    steps:
                      - raw: { topic: /junos/events/bench/tick, payload: "" }
                      - sleep: %dms
                """.formatted(rounds + 1, sleep.toMillis()));
        long[] publishedAt = new long[rounds + 1];
        int[] count = {0};
        BrokerView nobody = new BrokerView() {
            @Override
            public int subscribersOverlapping(String filter) {
                return 0;
            }

            @Override
            public MessageWatch watch(String filter) {
                throw new UnsupportedOperationException();
            }
        };
        long start = System.nanoTime();
        new ScenarioRunner((topic, payload, qos) -> publishedAt[count[0]++] = System.nanoTime(), nobody,
                BrokerControl.NONE, ScenarioClock.realTime(Instant.now(), 1), RunListener.NONE, 0, "bench")
                .run(scenario);
        double[] errors = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            errors[i] = (publishedAt[i + 1] - start - (i + 1) * sleep.toNanos()) / 1e6;
        }
        return errors;
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
