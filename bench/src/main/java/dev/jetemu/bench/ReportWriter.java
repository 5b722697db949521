package dev.jetemu.bench;

import org.eclipse.paho.client.mqttv3.MqttClient;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;

/** The figures as a console table and as the Markdown page {@code docs/benchmarks.md}. */
final class ReportWriter {

    private final BenchOptions options;
    private final Machine machine;
    private final String date;
    private final List<CaseSummary> summaries;
    private final List<RunResult> results;

    ReportWriter(BenchOptions options, Machine machine, String date, List<CaseSummary> summaries,
                 List<RunResult> results) {
        this.options = options;
        this.machine = machine;
        this.date = date;
        this.summaries = summaries;
        this.results = results;
    }

    String consoleTable() {
        StringBuilder out = new StringBuilder();
        String format = "%-24s %14s %14s %8s %12s %12s %8s  %s%n";
        out.append(String.format(Locale.ROOT, "Delivery of %,d route-add jet-events, medians of %d runs (%s)%n",
                options.events(), options.runs(), machine.mosquitto()));
        out.append(String.format(Locale.ROOT, format, "case", "jetemu ev/s", "Mosquitto ev/s", "ratio",
                "jetemu CPU", "Mosq. CPU", "ratio", "result"));
        out.append(String.format(Locale.ROOT, format, "", "", "", "", "µs/event", "µs/event", "", ""));
        for (CaseSummary summary : summaries) {
            out.append(String.format(Locale.ROOT, format, summary.spec().label(),
                    rate(summary.jetemu().eventsPerSecond()), rate(summary.mosquitto().eventsPerSecond()),
                    ratio(summary.speedRatio()), micros(summary.jetemu().brokerCpuMicrosPerEvent()),
                    micros(summary.mosquitto().brokerCpuMicrosPerEvent()), ratio(summary.cpuRatio()),
                    summary.result()));
        }
        for (CaseSummary summary : summaries) {
            for (String failure : summary.failures()) {
                out.append("FAILED ").append(summary.spec().label()).append(": ").append(failure).append('\n');
            }
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("<!-- Written by bench/run (dev.jetemu.bench.DeliveryBenchmark); run it again rather than edit. -->\n\n");
        md.append("## Delivery of route events: jetemu and Eclipse Mosquitto\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s on the machine below, both brokers in the same run, "
                + "interleaved (jetemu, Mosquitto, jetemu, ...), %d measured runs per case and broker after a warm-up "
                + "pass of %,d events per case and broker. Each run publishes %,d route-add jet-events "
                + "(about %d bytes each). Figures are medians. Reproduce them with:%n%n", date, options.runs(),
                options.warmupEvents(), options.events(), typicalPayloadBytes()));
        List<String> jetemuOptions = JetemuProcess.jvmOptions();
        String environment = jetemuOptions.isEmpty() ? ""
                : JetemuProcess.JVM_OPTIONS_VARIABLE + "='" + String.join(" ", jetemuOptions) + "' ";
        md.append("```sh\n").append(environment).append(options.reproduceCommand()).append("\n```\n\n");
        md.append("| case | jetemu events/s | Mosquitto events/s | jetemu ÷ Mosquitto | jetemu CPU µs/event "
                + "| Mosquitto CPU µs/event | jetemu ÷ Mosquitto | result |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (CaseSummary summary : summaries) {
            md.append("| ").append(summary.spec().label())
                    .append(" | ").append(rate(summary.jetemu().eventsPerSecond()))
                    .append(" | ").append(rate(summary.mosquitto().eventsPerSecond()))
                    .append(" | ").append(ratio(summary.speedRatio()))
                    .append(" | ").append(micros(summary.jetemu().brokerCpuMicrosPerEvent()))
                    .append(" | ").append(micros(summary.mosquitto().brokerCpuMicrosPerEvent()))
                    .append(" | ").append(ratio(summary.cpuRatio()))
                    .append(" | ").append(summary.ok() ? "ok" : "**" + summary.result() + "**")
                    .append(" |\n");
        }
        md.append("\nRatios divide jetemu's figure by Mosquitto's: above 1, jetemu delivers faster, or spends more CPU "
                + "per event.\n\n");
        appendFailures(md);
        appendMethod(md);
        appendRuns(md);
        appendMachine(md);
        return md.toString();
    }

    private void appendFailures(StringBuilder md) {
        if (summaries.stream().allMatch(CaseSummary::ok)) {
            md.append("Every subscriber received every event exactly once and in order, in every run, "
                    + "warm-up included.\n\n");
            return;
        }
        md.append("**Events were lost or reordered:**\n\n");
        for (CaseSummary summary : summaries) {
            for (String failure : summary.failures()) {
                md.append("- ").append(summary.spec().label()).append(", ").append(failure).append('\n');
            }
        }
        md.append('\n');
    }

    private void appendMethod(StringBuilder md) {
        md.append("""
                ### What is measured

                - **events/s**: events published ÷ the time from the first publish to the moment the *last*
                  subscriber received the *last* event. With 10 subscribers each event is delivered 10 times
                  (the per-run table also gives messages/s counting every copy). Each subscriber is an Eclipse
                  Paho Java client (MQTT 3.1.1, clean session) on `/junos/events/kernel/route/#`, subscribed at
                  the case's QoS, connected before the clock starts; it checks every event by its sequence
                  number. A case fails if any subscriber misses, duplicates or reorders an event.
                - **jetemu**: the simulated device publishes in-process with `NotificationBroker.publish` in a
                  loop at full speed, as a scenario drives it (it waits while a subscriber is behind: the
                  flow control that keeps delivery lossless). The broker runs in a JVM of its own with default
                  JVM options; topics `/junos/events/kernel/route/add/inet/10.X.Y.0/24`.
                - **Mosquitto**: the same payloads on the same topics, published over TCP by a Paho Java client
                  in the harness's JVM at the case's QoS, as fast as Paho allows (asynchronous client, up to
                  1,000 publishes outstanding). Mosquitto runs from a generated configuration: loopback listener,
                  anonymous, persistence off, `max_queued_messages 0` and `max_queued_bytes 0` (no limit, so it
                  drops nothing for a slow subscriber); everything else is Mosquitto's default.
                - **CPU µs/event**: the broker process's user + system CPU time over the run (from the start of
                  publishing to the last delivery), read from `/proc/PID/stat` for both brokers, ÷ events. For
                  jetemu this includes the device's publishing loop (it is part of jetemu's process and work),
                  the JIT and the garbage collector; for Mosquitto it excludes its Paho publisher, which runs in
                  the harness. The harness's own CPU (Paho subscribers, and Mosquitto's publisher) is in the
                  per-run table. `/proc` counts in 10 ms ticks.
                - **publisher loop s** (per-run table): how long the publisher took to hand over every event
                  (at QoS 1, until its last PUBACK). Where it ends well before the last delivery, the rest of
                  the events waited inside the broker, in its memory.
                - **broker cores, harness cores** (per-run table): CPU time ÷ wall time. The harness's Paho
                  clients run on the same processors as the broker; where the two add up to about the
                  machine's processor count, the machine is saturated and the delivery rate says as much
                  about the Paho subscribers as about the broker: compare CPU µs/event then.
                - Payloads are built before the clock starts. Warm-up runs (marked below) let both JVMs compile
                  their hot paths; they are excluded from the figures but checked for loss like the others.

                """);
    }

    private void appendRuns(StringBuilder md) {
        md.append("### Every run\n\n");
        md.append("| case | broker | run | events | events/s | messages/s | time s | publisher loop s "
                + "| broker CPU µs/event | harness CPU µs/event | broker cores | harness cores | result |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (RunResult result : results) {
            md.append("| ").append(result.spec().label())
                    .append(" | ").append(result.broker())
                    .append(" | ").append(result.warmup() ? "warm-up" : String.valueOf(result.run()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", result.events()))
                    .append(" | ").append(result.ok() ? rate(result.eventsPerSecond()) : "–")
                    .append(" | ").append(result.ok() ? rate(result.messagesPerSecond()) : "–")
                    .append(" | ").append(seconds(result.elapsedNanos()))
                    .append(" | ").append(seconds(result.publishNanos()))
                    .append(" | ").append(micros(result.brokerCpuMicrosPerEvent()))
                    .append(" | ").append(micros(result.harnessCpuMicrosPerEvent()))
                    .append(" | ").append(cores(result.brokerCores()))
                    .append(" | ").append(cores(result.harnessCores()))
                    .append(" | ").append(result.ok() ? "ok" : "**FAILED**: " + String.join("; ", result.problems())
                            .replace("|", "\\|"))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private void appendMachine(StringBuilder md) {
        md.append("### Machine\n\n");
        md.append("- CPU: ").append(machine.cpuModel()).append(", ").append(machine.cores())
                .append(" processors available\n");
        md.append("- Memory: ").append(machine.memory()).append('\n');
        md.append("- OS: ").append(machine.os()).append('\n');
        md.append("- Java: ").append(machine.java()).append('\n');
        List<String> jetemuOptions = JetemuProcess.jvmOptions();
        md.append("- jetemu's JVM options: ").append(jetemuOptions.isEmpty() ? "none (the JVM's defaults)"
                : "`" + String.join(" ", jetemuOptions) + "` (from " + JetemuProcess.JVM_OPTIONS_VARIABLE + ")")
                .append('\n');
        md.append("- Mosquitto: ").append(machine.mosquitto()).append(" (Debian package)\n");
        md.append("- Paho Java client: ").append(pahoVersion()).append('\n');
        md.append("- Date: ").append(date).append('\n');
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    }

    private static int typicalPayloadBytes() {
        return RouteEvents.batch(1000).payloads()[999].length;
    }

    /** Paho's jar names no Implementation-Version; its OSGi manifest has the Bundle-Version. */
    private static String pahoVersion() {
        try (JarFile jar = new JarFile(Path.of(MqttClient.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toFile())) {
            String version = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
            return version == null ? "unknown" : version;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) || perSecond == 0 ? "–" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String micros(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String cores(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String seconds(long nanos) {
        return nanos == 0 ? "–" : String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
