package dev.jetemu.bench;

import dev.jetemu.bench.device.DeviceProcess;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Section 2 of the report: publish-to-delivery latency at a fixed rate, jetemu beside Mosquitto. */
final class LatencyReport {

    /** jetemu's p99 at the benchmark's rate should be at most this. */
    static final double TARGET_P99_MILLIS = 2;

    private final BenchOptions options;
    private final Results results;
    private final List<LatencySummary> summaries;

    LatencyReport(BenchOptions options, Results results) {
        this.options = options;
        this.results = results;
        this.summaries = results.latencySummaries();
    }

    private List<LatencySummary> shown() {
        return options.runs(Section.LATENCY) ? summaries : List.of();
    }

    void targets(MarkdownTable targets) {
        for (LatencySummary summary : shown()) {
            double p99 = summary.broker("jetemu").filter(LatencySummary.Figures::any)
                    .map(LatencySummary.Figures::p99).orElse(Double.NaN);
            targets.row(String.format(Locale.ROOT, "p99 ≤ %.0f ms at %,.0f events/s, QoS %d",
                            TARGET_P99_MILLIS, BenchOptions.LATENCY_RATE, summary.qos()),
                    p99(summary, "jetemu"), p99(summary, "Mosquitto"),
                    ThroughputReport.met(!Double.isNaN(p99), p99 <= TARGET_P99_MILLIS, summary.ok()));
        }
    }

    private static String p99(LatencySummary summary, String broker) {
        return summary.broker(broker).filter(LatencySummary.Figures::any)
                .map(figures -> Format.millis(figures.p99()) + " ms").orElse(Format.NONE);
    }

    static String triple(LatencySummary summary, String broker) {
        return summary.broker(broker).filter(LatencySummary.Figures::any)
                .map(f -> Format.millis(f.p50()) + " / " + Format.millis(f.p99()) + " / " + Format.millis(f.max()))
                .orElse(Format.NONE);
    }

    void append(StringBuilder md) {
        md.append("## ").append(Section.LATENCY.heading()).append("\n\n");
        md.append(String.format(Locale.ROOT, "%,d route-add events published at a fixed %,.0f events/s (%.1f s) to "
                        + "one subscriber, at QoS 0 and QoS 1; each event carries the time it was published, and the "
                        + "subscriber subtracts it from the time it arrived. %s per load and broker, "
                        + "interleaved, after a warm-up run of %,d events each and a %d s pause for the JIT "
                        + "compilers to catch up. Medians of each run's figures, in "
                        + "milliseconds.%n%n",
                options.latencyEvents(), BenchOptions.LATENCY_RATE, options.latencyEvents() / BenchOptions.LATENCY_RATE,
                Format.plural(options.runs(), "measured run"), options.latencyWarmupEvents(),
                Benchmark.COMPILER_SETTLE.toSeconds()));
        MarkdownTable table = new MarkdownTable().text("load").figure("jetemu p50 / p99 / max")
                .figure("Mosquitto p50 / p99 / max").text(String.format(Locale.ROOT, "jetemu p99 ≤ %.0f ms?", TARGET_P99_MILLIS))
                .figure("jetemu CPU µs/event").figure("Mosquitto CPU µs/event").text("result");
        for (LatencySummary summary : shown()) {
            double p99 = summary.broker("jetemu").filter(LatencySummary.Figures::any)
                    .map(LatencySummary.Figures::p99).orElse(Double.NaN);
            table.row(String.format(Locale.ROOT, "QoS %d, %,.0f/s", summary.qos(), BenchOptions.LATENCY_RATE),
                    triple(summary, "jetemu"), triple(summary, "Mosquitto"),
                    Double.isNaN(p99) ? Format.NONE : p99 <= TARGET_P99_MILLIS ? "yes" : "no",
                    cpu(summary, "jetemu"), cpu(summary, "Mosquitto"),
                    summary.ok() ? "ok" : String.format(Locale.ROOT, "**FAILED: %d problems**", summary.failures().size()));
        }
        md.append(table).append('\n');
        appendMethod(md);
        appendRuns(md);
    }

    static String cpu(LatencySummary summary, String broker) {
        return summary.broker(broker).filter(LatencySummary.Figures::any)
                .map(figures -> Format.micros(figures.brokerCpuMicrosPerEvent())).orElse(Format.NONE);
    }

    private void appendMethod(StringBuilder md) {
        md.append("""
                ### How it is measured

                - **Publish time** is taken at the publisher, just before it hands the event over: for jetemu in
                  its own JVM, just before the device's in-process publish into the broker as shipped
                  (`EmbeddedBroker.publish`, the call a scenario's events go through; here a loop at a fixed
                  rate publishes the scenario's route events rather than the scenario runner, whose batches
                  would not keep a rate); for Mosquitto in the harness, on the publisher's event loop just
                  before the write to its socket. It is written into the payload (a `"bench-published-ns"`
                  member after the jet-event) as `System.nanoTime()`; the subscriber reads its own
                  `System.nanoTime()` when the message has been decoded.
                - **One clock**: on Linux, `System.nanoTime()` is `clock_gettime(CLOCK_MONOTONIC)` (HotSpot's
                  `os::javaTimeNanos`), a single clock for every process of the machine, so readings from two
                  processes subtract. Checked in this run: each device JVM's reading, asked for over its stdin,
                  fell between two readings of the harness's (see *Machine*).
                - **Fixed rate**: each publish is due at start + i ÷ rate, an absolute schedule: a late one does not
                  delay the next (no drift), and the rate holds whatever the broker does.
                - **Percentiles** are nearest-rank over every event of the run; a run fails if the subscriber
                  misses, duplicates or reorders an event.
                - **Mosquitto** runs with section 1's configuration plus `set_tcp_nodelay true`: with Nagle's
                  algorithm on (its default, which section 1 keeps for throughput), a QoS 0 message to a
                  subscriber that sends nothing back waits for the delayed acknowledgement of the one before,
                  and latencies spread evenly up to some 30 ms. jetemu's broker has Nagle off.
                - **CPU µs/event** is the broker process's CPU time over the run ÷ events, as in section 1.

                """);
    }

    private void appendRuns(StringBuilder md) {
        md.append("### Every run\n\n");
        MarkdownTable table = new MarkdownTable().text("QoS").text("broker").text("run").figure("events")
                .figure("published/s").figure("p50 ms").figure("p99 ms").figure("max ms")
                .figure("broker CPU µs/event").figure("harness CPU µs/event").text("result");
        for (LatencyResult result : results.latency) {
            if (!options.runs(Section.LATENCY) || result.broker().equals("Moquette")) {
                continue;
            }
            table.row(String.valueOf(result.qos()), result.broker(),
                    result.warmup() ? "warm-up" : String.valueOf(result.run()), Format.count(result.events()),
                    Format.rate(result.achievedPerSecond()), Format.millis(result.percentileMillis(50)),
                    Format.millis(result.percentileMillis(99)), Format.millis(result.maxMillis()),
                    Format.micros(result.brokerCpuMicrosPerEvent()), Format.micros(result.harnessCpuMicrosPerEvent()),
                    result.ok() ? "ok" : "**FAILED**: " + String.join("; ", result.problems()));
        }
        md.append(table).append('\n');
    }

    /** The clock check, for the machine section. */
    static String clocks(Map<String, DeviceProcess.ClockReading> clocks) {
        if (clocks.isEmpty()) {
            return "not checked (no device JVM in this run)";
        }
        StringBuilder text = new StringBuilder();
        clocks.forEach((broker, reading) -> {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(String.format(Locale.ROOT, "%s's JVM read its System.nanoTime() %s µs after the harness "
                            + "asked, the answer came %s µs after that: %s", broker,
                    Format.micros((reading.device() - reading.before()) / 1e3),
                    Format.micros((reading.after() - reading.device()) / 1e3),
                    reading.between() ? "one clock" : "NOT between the harness's readings"));
        });
        return text.toString();
    }
}
