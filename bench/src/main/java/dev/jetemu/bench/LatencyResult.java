package dev.jetemu.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One latency run on one broker: events published at a fixed rate to one subscriber, each
 * carrying its publish time, and how long each took to arrive.
 *
 * @param run             1-based run number; 0 for the warm-up
 * @param events          events published
 * @param perSecond       the rate asked for
 * @param publishNanos    how long the publisher took (at QoS 1, until its last PUBACK)
 * @param latencies       publish-to-arrival of every event received, in nanoseconds, sorted
 * @param missing         events the subscriber did not receive
 * @param brokerCpuNanos  CPU time of the broker's process over the run
 * @param harnessCpuNanos CPU time of the harness's process over the run
 * @param problems        empty when the subscriber received every event, once, in order (see {@link RunResult})
 */
record LatencyResult(String broker, int qos, int run, int events, double perSecond, long publishNanos,
                     long[] latencies, long missing, long brokerCpuNanos, long harnessCpuNanos,
                     List<String> problems) {

    LatencyResult {
        problems = List.copyOf(problems);
    }

    static LatencyResult of(String broker, int qos, int run, int events, double perSecond, long publishNanos,
                            long[] latencies, long missing, long brokerCpuNanos, long harnessCpuNanos,
                            List<String> problems) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new LatencyResult(broker, qos, run, events, perSecond, publishNanos, sorted, missing, brokerCpuNanos,
                harnessCpuNanos, problems);
    }

    static LatencyResult failed(String broker, int qos, int run, int events, double perSecond, List<String> problems) {
        return new LatencyResult(broker, qos, run, events, perSecond, 0, new long[0], 0, 0, 0, problems);
    }

    boolean ok() {
        return problems.isEmpty() && latencies.length > 0;
    }

    /** Whether the run's latencies stand: see {@link RunResult#timed()}. */
    boolean timed() {
        return latencies.length > 0 && (ok() || missing == 0);
    }

    boolean warmup() {
        return run == 0;
    }

    /** The latency below which {@code percent} % of the events arrived, in milliseconds (nearest rank). */
    double percentileMillis(double percent) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * latencies.length);
        return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
    }

    /** The rate the publisher achieved: below the one asked for, it could not keep up. */
    double achievedPerSecond() {
        return publishNanos == 0 ? Double.NaN : events * 1e9 / publishNanos;
    }

    double brokerCpuMicrosPerEvent() {
        return brokerCpuNanos / 1e3 / events;
    }

    double harnessCpuMicrosPerEvent() {
        return harnessCpuNanos / 1e3 / events;
    }
}
