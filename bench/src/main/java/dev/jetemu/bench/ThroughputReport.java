package dev.jetemu.bench;

import java.util.List;
import java.util.Locale;

/** Section 1 of the report: delivered events/s, jetemu beside Mosquitto. */
final class ThroughputReport {

    /** jetemu's delivery rate should be at least this many times Mosquitto's on the same load. */
    static final double TARGET_RATIO = 1.5;

    private final BenchOptions options;
    private final Results results;
    private final List<CaseSummary> summaries;

    ThroughputReport(BenchOptions options, Results results) {
        this.options = options;
        this.results = results;
        this.summaries = results.caseSummaries().stream()
                .filter(summary -> options.cases().contains(summary.spec())).toList();
    }

    void targets(MarkdownTable targets) {
        for (CaseSummary summary : summaries) {
            double ratio = summary.speedRatio("jetemu", "Mosquitto");
            targets.row("Delivered events/s ≥ " + TARGET_RATIO + " × Mosquitto's, " + summary.spec().label(),
                    rate(summary, "jetemu") + (Double.isNaN(ratio) ? "" : " (" + Format.ratio(ratio) + " ×)"),
                    rate(summary, "Mosquitto"),
                    met(!Double.isNaN(ratio), ratio >= TARGET_RATIO, summary.ok()));
        }
    }

    /** The met column: yes or no, and whether the deliveries measured were right. */
    static String met(boolean measured, boolean met, boolean deliveredRight) {
        if (!measured) {
            return Format.NONE + " (no run delivered every event)";
        }
        return (met ? "yes" : "no") + (deliveredRight ? "" : "; deliveries failed the check (see below)");
    }

    private static String rate(CaseSummary summary, String broker) {
        return summary.broker(broker).filter(CaseSummary.Figures::any)
                .map(figures -> Format.rate(figures.eventsPerSecond()) + " events/s").orElse(Format.NONE);
    }

    void append(StringBuilder md) {
        md.append("## ").append(Section.THROUGHPUT.heading()).append("\n\n");
        md.append(String.format(Locale.ROOT, "The routes scenario's %,d route-add events (about %d bytes each), "
                + "delivered to 1 and to 10 subscribers at QoS 0 and QoS 1; %s per case and broker, "
                + "interleaved, after a warm-up pass of %,d events per case and broker and a %d s pause for "
                + "the JIT compilers to catch up. Medians.%n%n",
                options.events(), results.typicalPayloadBytes, Format.plural(options.runs(), "measured run"),
                options.warmupEvents(), Benchmark.COMPILER_SETTLE.toSeconds()));
        MarkdownTable table = new MarkdownTable().text("case").figure("jetemu events/s").figure("Mosquitto events/s")
                .figure("jetemu ÷ Mosquitto").text("≥ " + TARGET_RATIO + "?").figure("jetemu CPU µs/event")
                .figure("Mosquitto CPU µs/event").figure("jetemu ÷ Mosquitto").text("result");
        for (CaseSummary summary : summaries) {
            double ratio = summary.speedRatio("jetemu", "Mosquitto");
            table.row(summary.spec().label(), figure(summary, "jetemu", true), figure(summary, "Mosquitto", true),
                    Format.ratio(ratio), Double.isNaN(ratio) ? Format.NONE : ratio >= TARGET_RATIO ? "yes" : "no",
                    figure(summary, "jetemu", false), figure(summary, "Mosquitto", false),
                    Format.ratio(summary.cpuRatio("jetemu", "Mosquitto")),
                    summary.ok() ? "ok" : "**" + failed(summary) + "**");
        }
        md.append(table).append('\n');
        md.append("Ratios divide jetemu's figure by Mosquitto's: above 1, jetemu delivers faster, or spends more CPU "
                + "per event. A run in which every event arrived but some twice or out of order fails the case; its "
                + "figures still count in the medians.\n\n");
        if (results.modelCost != null) {
            md.append(String.format(Locale.ROOT, "Of jetemu's CPU per event, the device model takes %s µs: the same "
                    + "scenario run in jetemu's JVM into a sink that keeps nothing makes %s events/s. Mosquitto's "
                    + "figures include no such work: the harness made its events before the clock started.%n%n",
                    Format.micros(results.modelCost.cpuMicrosPerEvent()),
                    Format.rate(results.modelCost.eventsPerSecond())));
        }
        appendMethod(md);
        appendRuns(md);
    }

    private static String figure(CaseSummary summary, String broker, boolean rate) {
        return summary.broker(broker).filter(CaseSummary.Figures::any)
                .map(figures -> rate ? Format.rate(figures.eventsPerSecond())
                        : Format.micros(figures.brokerCpuMicrosPerEvent()))
                .orElse(Format.NONE);
    }

    static String failed(CaseSummary summary) {
        return String.format(Locale.ROOT, "FAILED: %d problem%s", summary.failures().size(),
                summary.failures().size() == 1 ? "" : "s");
    }

    private void appendMethod(StringBuilder md) {
        md.append("""
                ### How it is measured

                - **The load**: a scenario of `routes-generate` (BGP routes with next hop 192.0.2.2; see
                  `scenarios/FORMAT.md`) run under virtual time from a fixed instant, so that its events are the
                  same bytes wherever it runs. Topics `/junos/events/kernel/route/add/inet/PREFIX`, one per route.
                - **jetemu**: a JVM of its own runs the in-process facade (`Emulator.builder()...start()`: the
                  broker as shipped, access edge and flow control included) and the scenario as
                  `jetemu run --virtual-time --qos N` runs it (`ScenarioRunner` into the emulator's broker): the
                  device model makes each event as the run reaches it and publishes it in-process, waiting
                  while a subscriber is behind (the flow control that keeps delivery lossless).
                - **Mosquitto**: the harness runs the same scenario with the same device simulation code in its
                  own JVM, before the clock starts, and publishes those payloads, byte for byte, on the same
                  topics over TCP at the case's QoS, as fast as Mosquitto takes them: at QoS 0 while the
                  connection is writable, at QoS 1 with up to 1,000 messages unacknowledged. Mosquitto runs
                  from a generated configuration: loopback listener, anonymous, persistence off,
                  `max_queued_messages 0` and `max_queued_bytes 0` (no limit, so that it drops nothing for a
                  slow subscriber); everything else is Mosquitto's default, Nagle's algorithm included: it
                  coalesces small messages into fewer TCP segments, which gives Mosquitto 25–35 % more events/s
                  to one QoS 0 subscriber here than `set_tcp_nodelay true` (jetemu's broker turns Nagle off and
                  flushes once per event-loop turn instead). Section 2 measures Mosquitto with it off.
                - **Subscribers**: the harness's own MQTT 3.1.1 clients (Netty with its MQTT codec), one event
                  loop of two threads shared by every client of the harness, whichever broker it talks to.
                  Each connects with a clean session, subscribes to `/junos/events/kernel/route/#` at the case's
                  QoS before the clock starts, acknowledges QoS 1 messages, and checks every message: the event
                  its topic names must come next, once (QoS 1 resends flagged DUP are counted and allowed), with
                  the payload published, byte for byte. A case fails if any subscriber misses, duplicates or
                  reorders an event, or receives a payload other than the one published.
                - **events/s**: events published ÷ the time from the first publish to the moment the *last*
                  subscriber received the *last* event. With 10 subscribers each event is delivered 10 times
                  (the per-run table also gives messages/s counting every copy).
                - **CPU µs/event**: the broker process's user + system CPU time over the run, from
                  `/proc/PID/stat` (10 ms ticks), ÷ events. jetemu's includes its device: the model making
                  the events and the loop publishing them, the JIT and the garbage collector. Mosquitto's
                  excludes its publisher, which runs in the harness.
                - **publisher s** (per-run table): how long the publisher took to hand over every event (at QoS 1,
                  until its last PUBACK). Where it ends well before the last delivery, the rest of the events
                  waited inside the broker.
                - **broker cores, harness cores**: CPU time ÷ wall time. The harness runs on the same processors
                  as the brokers; where the two add up to about the machine's processor count, the machine is
                  saturated: compare CPU µs/event then. **harness µs/message**: the harness's CPU (subscribers,
                  and for Mosquitto its publisher) ÷ messages delivered.

                """);
    }

    private void appendRuns(StringBuilder md) {
        md.append("### Every run\n\n");
        MarkdownTable table = new MarkdownTable().text("case").text("broker").text("run").figure("events")
                .figure("events/s").figure("messages/s").figure("time s").figure("publisher s")
                .figure("broker CPU µs/event").figure("harness µs/message").figure("broker cores")
                .figure("harness cores").text("result");
        for (RunResult result : results.throughput) {
            if (!options.cases().contains(result.spec()) || result.broker().equals("Moquette")) {
                continue;
            }
            table.row(result.spec().label(), result.broker(), result.warmup() ? "warm-up" : String.valueOf(result.run()),
                    Format.count(result.events()), result.timed() ? Format.rate(result.eventsPerSecond()) : Format.NONE,
                    result.timed() ? Format.rate(result.messagesPerSecond()) : Format.NONE,
                    Format.seconds(result.elapsedNanos() / 1e9), Format.seconds(result.publishNanos() / 1e9),
                    Format.micros(result.brokerCpuMicrosPerEvent()), Format.micros(result.harnessCpuMicrosPerMessage()),
                    Format.cores(result.brokerCores()), Format.cores(result.harnessCores()),
                    result.ok() ? "ok" : "**FAILED**: " + String.join("; ", result.problems()));
        }
        md.append(table).append('\n');
    }
}
