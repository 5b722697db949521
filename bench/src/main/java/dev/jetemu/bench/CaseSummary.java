package dev.jetemu.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A case's figures over its measured runs: medians per broker, and every run that lost or
 * reordered events (warm-up included), which makes the case fail whatever its speed.
 */
record CaseSummary(CaseSpec spec, Figures jetemu, Figures mosquitto, List<String> failures) {

    /**
     * Medians over one broker's measured runs that delivered everything.
     *
     * @param goodRuns  measured runs without problems
     * @param runs      measured runs
     */
    record Figures(int goodRuns, int runs, double eventsPerSecond, double brokerCpuMicrosPerEvent,
                   double harnessCpuMicrosPerEvent) {

        static Figures of(List<RunResult> measured) {
            List<RunResult> good = measured.stream().filter(RunResult::ok).toList();
            return new Figures(good.size(), measured.size(),
                    median(good.stream().mapToDouble(RunResult::eventsPerSecond).toArray()),
                    median(good.stream().mapToDouble(RunResult::brokerCpuMicrosPerEvent).toArray()),
                    median(good.stream().mapToDouble(RunResult::harnessCpuMicrosPerEvent).toArray()));
        }

        boolean any() {
            return goodRuns > 0;
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
        return new CaseSummary(spec, Figures.of(measured(mine, "jetemu")), Figures.of(measured(mine, "Mosquitto")),
                failures);
    }

    private static List<RunResult> measured(List<RunResult> results, String broker) {
        return results.stream().filter(r -> r.broker().equals(broker) && !r.warmup()).toList();
    }

    boolean ok() {
        return failures.isEmpty();
    }

    /** jetemu's delivery rate over Mosquitto's: above 1, jetemu is faster. */
    double speedRatio() {
        return jetemu.eventsPerSecond() / mosquitto.eventsPerSecond();
    }

    /** jetemu's CPU per event over Mosquitto's: above 1, jetemu spends more. */
    double cpuRatio() {
        return jetemu.brokerCpuMicrosPerEvent() / mosquitto.brokerCpuMicrosPerEvent();
    }

    String result() {
        if (ok()) {
            return "ok";
        }
        return String.format(Locale.ROOT, "FAILED: %d problem%s (jetemu %d/%d runs good, Mosquitto %d/%d)",
                failures.size(), failures.size() == 1 ? "" : "s", jetemu.goodRuns(), jetemu.runs(),
                mosquitto.goodRuns(), mosquitto.runs());
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
