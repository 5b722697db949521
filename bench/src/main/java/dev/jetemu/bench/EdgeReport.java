package dev.jetemu.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Section 5 of the report: what jetemu's broker costs on top of the Moquette engine it embeds
 * (the access edge in front, flow control behind), measured against Moquette's own server with
 * the same device publishing into it; Mosquitto beside them for reference.
 */
final class EdgeReport {

    private static final List<String> BROKERS = List.of("jetemu", "Moquette", "Mosquitto");

    private final BenchOptions options;
    private final Results results;
    private final Optional<CaseSummary> throughput;
    private final Optional<LatencySummary> latency;

    EdgeReport(BenchOptions options, Results results) {
        this.options = options;
        this.results = results;
        this.throughput = results.caseSummaries().stream().filter(s -> s.spec().equals(CaseSpec.EDGE)).findFirst();
        this.latency = results.latencySummaries().stream().filter(s -> s.qos() == 0).findFirst();
    }

    void append(StringBuilder md) {
        md.append("## ").append(Section.EDGE.heading()).append("\n\n");
        md.append(String.format(Locale.ROOT, "The same loads on jetemu's broker as shipped and on Moquette %s on "
                        + "its own: the throughput load of section 1 (%s, %,d events), and the latency load of "
                        + "section 2 at QoS 0 (%,.0f events/s). Medians of %s, interleaved with the others.%n%n",
                "0.17", CaseSpec.EDGE.label(), options.events(), BenchOptions.LATENCY_RATE,
                Format.plural(options.runs(), "run")));
        MarkdownTable table = new MarkdownTable().text("broker").figure("events/s").figure("CPU µs/event")
                .figure("lost per run").figure("p50 / p99 / max ms at 5,000/s").figure("CPU µs/event at 5,000/s")
                .figure("lost per run at 5,000/s");
        for (String broker : BROKERS) {
            Optional<CaseSummary.Figures> rate = throughput.flatMap(s -> s.broker(broker))
                    .filter(CaseSummary.Figures::any);
            Optional<LatencySummary.Figures> timed = latency.flatMap(s -> s.broker(broker))
                    .filter(LatencySummary.Figures::any);
            table.row(label(broker),
                    rate.map(f -> Format.rate(f.eventsPerSecond())).orElse(Format.NONE),
                    rate.map(f -> Format.micros(f.brokerCpuMicrosPerEvent())).orElse(Format.NONE),
                    rate.map(f -> Format.count(Math.round(f.missing()))).orElse(Format.NONE),
                    latency.map(s -> LatencyReport.triple(s, broker)).orElse(Format.NONE),
                    latency.map(s -> LatencyReport.cpu(s, broker)).orElse(Format.NONE),
                    timed.map(f -> Format.count(Math.round(f.missing()))).orElse(Format.NONE));
        }
        md.append(table).append('\n');
        appendDifference(md);
        md.append("""
                - **jetemu**: as in sections 1 and 2 (the `Emulator` facade: access edge, flow control, the
                  engine assembled by jetemu).
                - **Moquette on its own**: `io.moquette.broker.Server` in a JVM of its own, configured in code:
                  host 127.0.0.1, a free port, anonymous clients, persistence off (memory only), telemetry off,
                  messages up to 1 MiB, `session_queue_size` 65,536 as jetemu's engine has it, everything else
                  Moquette's default (buffer flushing included). Clients connect to it directly. The device
                  publishes in-process with `Server.internalPublish`: in the throughput load the same scenario
                  runner and scenario as jetemu's, in the latency load the same paced loop. Now and then it
                  closes a subscriber's connection whose SUBSCRIBE follows its CONNACK at once (it logs
                  "SUBSCRIBE received on already closed connection"); the harness then connects again, before
                  anything is published.
                - **Lost**: Moquette drops QoS 0 messages without a word when a subscriber's connection is not
                  writable; its rows count what its subscriber missed rather than failing. jetemu's flow control
                  holds the device back instead, and Mosquitto is configured to queue without limit: for those
                  two a single lost event fails the run.

                """);
        appendRuns(md);
    }

    private static String label(String broker) {
        return switch (broker) {
            case "jetemu" -> "jetemu (edge + flow control + Moquette)";
            case "Moquette" -> "Moquette 0.17 on its own";
            default -> "Mosquitto (reference)";
        };
    }

    private void appendDifference(StringBuilder md) {
        Optional<CaseSummary.Figures> jetemu = throughput.flatMap(s -> s.broker("jetemu")).filter(CaseSummary.Figures::any);
        Optional<CaseSummary.Figures> moquette = throughput.flatMap(s -> s.broker("Moquette"))
                .filter(CaseSummary.Figures::any);
        Optional<LatencySummary.Figures> jetemuTimed = latency.flatMap(s -> s.broker("jetemu"))
                .filter(LatencySummary.Figures::any);
        Optional<LatencySummary.Figures> moquetteTimed = latency.flatMap(s -> s.broker("Moquette"))
                .filter(LatencySummary.Figures::any);
        if (jetemu.isPresent() && moquette.isPresent()) {
            md.append(String.format(Locale.ROOT, "At full speed jetemu's broker spends %s CPU per event than "
                            + "Moquette alone (%s against %s µs) and delivers %s times its rate",
                    difference(jetemu.get().brokerCpuMicrosPerEvent(), moquette.get().brokerCpuMicrosPerEvent()),
                    Format.micros(jetemu.get().brokerCpuMicrosPerEvent()),
                    Format.micros(moquette.get().brokerCpuMicrosPerEvent()),
                    Format.ratio(jetemu.get().eventsPerSecond() / moquette.get().eventsPerSecond())));
            if (jetemuTimed.isPresent() && moquetteTimed.isPresent()) {
                md.append(String.format(Locale.ROOT, "; at %,.0f events/s it spends %s per event and its p99 "
                                + "is %s ms against %s ms",
                        BenchOptions.LATENCY_RATE,
                        difference(jetemuTimed.get().brokerCpuMicrosPerEvent(),
                                moquetteTimed.get().brokerCpuMicrosPerEvent()),
                        Format.millis(jetemuTimed.get().p99()), Format.millis(moquetteTimed.get().p99())));
            }
            md.append(". Both figures of CPU include the device making and publishing the events, the same work "
                    + "in both.\n\n");
        }
    }

    private void appendRuns(StringBuilder md) {
        md.append("### Every run of Moquette on its own\n\n");
        MarkdownTable table = new MarkdownTable().text("load").text("run").figure("events").figure("events/s")
                .figure("p50 / p99 / max ms").figure("CPU µs/event").figure("lost").text("result");
        for (RunResult result : results.throughput) {
            if (result.broker().equals("Moquette")) {
                table.row(result.spec().label(), result.warmup() ? "warm-up" : String.valueOf(result.run()),
                        Format.count(result.events()), result.timed() ? Format.rate(result.eventsPerSecond()) : Format.NONE,
                        Format.NONE, Format.micros(result.brokerCpuMicrosPerEvent()), Format.count(result.missing()),
                        result.ok() ? "ok" : "**FAILED**: " + String.join("; ", result.problems()));
            }
        }
        for (LatencyResult result : results.latency) {
            if (result.broker().equals("Moquette")) {
                table.row(String.format(Locale.ROOT, "QoS %d at %,.0f/s", result.qos(), result.perSecond()),
                        result.warmup() ? "warm-up" : String.valueOf(result.run()), Format.count(result.events()),
                        Format.NONE, Format.millis(result.percentileMillis(50)) + " / "
                                + Format.millis(result.percentileMillis(99)) + " / " + Format.millis(result.maxMillis()),
                        Format.micros(result.brokerCpuMicrosPerEvent()), Format.count(result.missing()),
                        result.ok() ? "ok" : "**FAILED**: " + String.join("; ", result.problems()));
            }
        }
        md.append(table).append('\n');
        if (!options.runs(Section.THROUGHPUT) || !options.runs(Section.LATENCY)) {
            md.append("jetemu's and Mosquitto's runs of these loads are in the per-run tables of sections 1 and 2 "
                    + "when those sections run; in this run they are listed here.\n\n");
            appendOtherRuns(md);
        }
    }

    /** jetemu's and Mosquitto's runs of the edge loads, when sections 1 and 2 do not list them. */
    private void appendOtherRuns(StringBuilder md) {
        MarkdownTable table = new MarkdownTable().text("load").text("broker").text("run").figure("events/s")
                .figure("p50 / p99 / max ms").figure("CPU µs/event").text("result");
        if (!options.runs(Section.THROUGHPUT)) {
            for (RunResult result : results.throughput) {
                if (!result.broker().equals("Moquette")) {
                    table.row(result.spec().label(), result.broker(), result.warmup() ? "warm-up"
                                    : String.valueOf(result.run()), result.timed() ? Format.rate(result.eventsPerSecond())
                                    : Format.NONE, Format.NONE, Format.micros(result.brokerCpuMicrosPerEvent()),
                            result.ok() ? "ok" : "**FAILED**: " + String.join("; ", result.problems()));
                }
            }
        }
        if (!options.runs(Section.LATENCY)) {
            for (LatencyResult result : results.latency) {
                if (!result.broker().equals("Moquette")) {
                    table.row("QoS " + result.qos() + " at 5,000/s", result.broker(), result.warmup() ? "warm-up"
                                    : String.valueOf(result.run()), Format.NONE,
                            Format.millis(result.percentileMillis(50)) + " / " + Format.millis(result.percentileMillis(99))
                                    + " / " + Format.millis(result.maxMillis()),
                            Format.micros(result.brokerCpuMicrosPerEvent()),
                            result.ok() ? "ok" : "**FAILED**: " + String.join("; ", result.problems()));
                }
            }
        }
        md.append(table).append('\n');
    }

    /** "4.2 µs more" or "18.1 µs less": jetemu's figure against Moquette's. */
    private static String difference(double jetemu, double moquette) {
        return Format.micros(Math.abs(jetemu - moquette)) + " µs " + (jetemu >= moquette ? "more" : "less");
    }
}
