package dev.jetemu.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A latency load's figures (one QoS) over its measured runs: medians per broker, and the runs that went wrong. */
record LatencySummary(int qos, Map<String, Figures> brokers, List<String> failures) {

    /**
     * Medians over one broker's measured runs whose latencies stand ({@link LatencyResult#timed()}), in
     * milliseconds (CPU in µs per event).
     *
     * @param timedRuns measured runs the medians are taken over
     */
    record Figures(int timedRuns, double p50, double p99, double max, double brokerCpuMicrosPerEvent,
                   double harnessCpuMicrosPerEvent, double missing) {

        static Figures of(List<LatencyResult> measured) {
            List<LatencyResult> good = measured.stream().filter(LatencyResult::timed).toList();
            return new Figures(good.size(),
                    CaseSummary.median(good.stream().mapToDouble(r -> r.percentileMillis(50)).toArray()),
                    CaseSummary.median(good.stream().mapToDouble(r -> r.percentileMillis(99)).toArray()),
                    CaseSummary.median(good.stream().mapToDouble(LatencyResult::maxMillis).toArray()),
                    CaseSummary.median(good.stream().mapToDouble(LatencyResult::brokerCpuMicrosPerEvent).toArray()),
                    CaseSummary.median(good.stream().mapToDouble(LatencyResult::harnessCpuMicrosPerEvent).toArray()),
                    CaseSummary.median(good.stream().mapToDouble(LatencyResult::missing).toArray()));
        }

        boolean any() {
            return timedRuns > 0;
        }
    }

    static LatencySummary of(int qos, List<LatencyResult> results) {
        List<LatencyResult> mine = results.stream().filter(r -> r.qos() == qos).toList();
        List<String> failures = new ArrayList<>();
        for (LatencyResult result : mine) {
            for (String problem : result.problems()) {
                failures.add(result.broker() + " " + (result.warmup() ? "warm-up" : "run " + result.run()) + ": "
                        + problem);
            }
            if (result.problems().isEmpty() && result.latencies().length == 0) {
                failures.add(result.broker() + " run " + result.run() + ": no event carried its publish time");
            }
        }
        Map<String, Figures> brokers = new LinkedHashMap<>();
        mine.stream().map(LatencyResult::broker).distinct().forEach(broker -> brokers.put(broker,
                Figures.of(mine.stream().filter(r -> r.broker().equals(broker) && !r.warmup()).toList())));
        return new LatencySummary(qos, brokers, failures);
    }

    Optional<Figures> broker(String name) {
        return Optional.ofNullable(brokers.get(name));
    }

    boolean ok() {
        return failures.isEmpty();
    }
}
