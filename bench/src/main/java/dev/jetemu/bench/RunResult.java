package dev.jetemu.bench;

import java.util.List;

/**
 * One measured (or warm-up) throughput run of one case on one broker.
 *
 * @param spec              the case
 * @param broker            "jetemu", "Mosquitto" or "Moquette"
 * @param run               1-based run number; 0 for the warm-up
 * @param events            events published
 * @param elapsedNanos      from the first publish to the moment the last subscriber received its last message
 * @param publishNanos      how long the publisher took (until its last publish, or last PUBACK at QoS 1)
 * @param brokerCpuNanos    CPU time of the broker's process over the run
 * @param harnessCpuNanos   CPU time of the harness's process (its subscribers, and Mosquitto's publisher) over the run
 * @param missing           events the subscribers did not receive, summed over them
 * @param resends           QoS 1 resends (DUP) of events already received, summed over the subscribers
 * @param problems          loss, reordering, errors; empty when every subscriber received every event in order
 *                          (or, for a broker that drops by design, lost some but otherwise received them right)
 */
record RunResult(CaseSpec spec, String broker, int run, int events, long elapsedNanos, long publishNanos,
                 long brokerCpuNanos, long harnessCpuNanos, long missing, long resends, List<String> problems) {

    RunResult {
        problems = List.copyOf(problems);
    }

    static RunResult failed(CaseSpec spec, String broker, int run, int events, List<String> problems) {
        return new RunResult(spec, broker, run, events, 0, 0, 0, 0, 0, 0, problems);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    /**
     * Whether the run's timing stands: every event arrived (or the broker drops by design), even if
     * some arrived twice or out of order. Such a run fails, but its rate is still reported.
     */
    boolean timed() {
        return elapsedNanos > 0 && (ok() || missing == 0);
    }

    boolean warmup() {
        return run == 0;
    }

    /** The figure: events delivered to the whole subscriber set per second. */
    double eventsPerSecond() {
        return elapsedNanos == 0 ? 0 : events * 1e9 / elapsedNanos;
    }

    /** Messages delivered per second, counting each subscriber's copy. */
    double messagesPerSecond() {
        return eventsPerSecond() * spec.subscribers();
    }

    /** Processors the broker kept busy on average: near the machine's count, the machine is the limit. */
    double brokerCores() {
        return elapsedNanos == 0 ? Double.NaN : (double) brokerCpuNanos / elapsedNanos;
    }

    /** Processors the harness kept busy on average, taken from the same machine as the broker's. */
    double harnessCores() {
        return elapsedNanos == 0 ? Double.NaN : (double) harnessCpuNanos / elapsedNanos;
    }

    double brokerCpuMicrosPerEvent() {
        return brokerCpuNanos / 1e3 / events;
    }

    /** The harness's CPU per message delivered (each subscriber's copy counts). */
    double harnessCpuMicrosPerMessage() {
        return harnessCpuNanos / 1e3 / ((double) events * spec.subscribers());
    }
}
