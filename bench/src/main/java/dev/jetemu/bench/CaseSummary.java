package dev.jetemu.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A throughput case's figures over its measured runs: medians per broker, and every run that
 * lost, duplicated or reordered events (warm-up included), which makes the case fail whatever
 * its speed.
 */
record CaseSummary(CaseSpec spec, Map<String, Figures> brokers, List<String> failures) {

    /**
     * Medians over one broker's measured runs whose timing stands ({@link RunResult#timed()}).
     *
     * @param timedRuns measured runs the medians are taken over
     * @param missing   events lost per run (median), for a broker that drops by design
     */
    record Figures(int timedRuns, double eventsPerSecond, double brokerCpuMicrosPerEvent,
                   double harnessCpuMicrosPerMessage, double missing) {

        static Figures of(List<RunResult> measured) {
            List<RunResult> good = measured.stream().filter(RunResult::timed).toList();
            return new Figures(good.size(),
                    median(good.stream().mapToDouble(RunResult::eventsPerSecond).toArray()),
                    median(good.stream().mapToDouble(RunResult::brokerCpuMicrosPerEvent).toArray()),
                    median(good.stream().mapToDouble(RunResult::harnessCpuMicrosPerMessage).toArray()),
                    median(good.stream().mapToDouble(RunResult::missing).toArray()));
        }

        boolean any() {
            return timedRuns > 0;
        }
    }

    static CaseSummary of(CaseSpec spec, List<RunResult> results) {
        List<RunResult> mine = results.stream().filter(r -> r.spec().equals(spec)).toList();
        List<String> failures = new ArrayList<>();
        for (RunResult result : mine) {
            for (String problem : result.problems()) {
                failures.add(result.broker() + " " + (result.warmup() ? "warm-up" : "run " + result.run()) + ": "
                        + problem);
            }
        }
        Map<String, Figures> brokers = new LinkedHashMap<>();
        mine.stream().map(RunResult::broker).distinct().forEach(broker -> brokers.put(broker,
                Figures.of(mine.stream().filter(r -> r.broker().equals(broker) && !r.warmup()).toList())));
        return new CaseSummary(spec, brokers, failures);
    }

    Optional<Figures> broker(String name) {
        return Optional.ofNullable(brokers.get(name));
    }

    boolean ok() {
        return failures.isEmpty();
    }

    /** {@code a}'s delivery rate over {@code b}'s: above 1, {@code a} is faster. */
    double speedRatio(String a, String b) {
        return ratio(a, b, Figures::eventsPerSecond);
    }

    /** {@code a}'s CPU per event over {@code b}'s: above 1, {@code a} spends more. */
    double cpuRatio(String a, String b) {
        return ratio(a, b, Figures::brokerCpuMicrosPerEvent);
    }

    private double ratio(String a, String b, java.util.function.ToDoubleFunction<Figures> figure) {
        Figures first = brokers.get(a);
        Figures second = brokers.get(b);
        if (first == null || second == null) {
            return Double.NaN;
        }
        return figure.applyAsDouble(first) / figure.applyAsDouble(second);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
