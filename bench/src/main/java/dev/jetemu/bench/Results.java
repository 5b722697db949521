package dev.jetemu.bench;

import dev.jetemu.bench.device.DeviceProcess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, section by section; what a section did not measure stays empty. */
final class Results {

    final List<RunResult> throughput = new ArrayList<>();
    final List<LatencyResult> latency = new ArrayList<>();
    /** Per device JVM: its clock read between two readings of the harness's. */
    final Map<String, DeviceProcess.ClockReading> clocks = new LinkedHashMap<>();
    /** jetemu's device model alone: CPU and wall time to make the throughput run's events, with nowhere to send them. */
    ModelCost modelCost;
    /** The size of a route-add event's payload, as generated. */
    int typicalPayloadBytes;
    List<StartupBenchmark.Start> starts = List.of();
    /** Whether jetemu's starts had the launcher's class-data archive. */
    boolean startupArchiveUsed;
    MemoryBenchmark.Result memory;
    List<SleepJitter.Lateness> jitter = List.of();
    String loadAtStart = "unknown";
    String loadAtEnd = "unknown";
    /** Problems outside any run (a broker that would not start, a section that broke), for the report. */
    final List<String> errors = new ArrayList<>();

    /**
     * The device model's own cost.
     *
     * @param events   events made
     * @param cpuNanos CPU time of the device JVM while it made them
     * @param nanos    wall time
     */
    record ModelCost(long events, long cpuNanos, long nanos) {
        double cpuMicrosPerEvent() {
            return cpuNanos / 1e3 / events;
        }

        double eventsPerSecond() {
            return events * 1e9 / nanos;
        }
    }

    List<CaseSummary> caseSummaries() {
        return throughput.stream().map(RunResult::spec).distinct()
                .sorted(java.util.Comparator.comparingInt(CaseSpec.ALL::indexOf))
                .map(spec -> CaseSummary.of(spec, throughput)).toList();
    }

    List<LatencySummary> latencySummaries() {
        return latency.stream().map(LatencyResult::qos).distinct().sorted()
                .map(qos -> LatencySummary.of(qos, latency)).toList();
    }

    /** Every run delivered right, every start and the memory runs succeeded, and nothing else broke. */
    boolean ok() {
        return errors.isEmpty()
                && caseSummaries().stream().allMatch(CaseSummary::ok)
                && latencySummaries().stream().allMatch(LatencySummary::ok)
                && starts.stream().allMatch(start -> start.problem().isEmpty())
                && (memory == null || memory.ok());
    }
}
