package dev.jetemu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures as the Markdown page {@code docs/benchmarks.md}, and a short summary for the console. */
final class ReportWriter {

    private final BenchOptions options;
    private final Machine machine;
    private final String date;
    private final Results results;

    ReportWriter(BenchOptions options, Machine machine, String date, Results results) {
        this.options = options;
        this.machine = machine;
        this.date = date;
        this.results = results;
    }

    /** The targets, and what failed. */
    String consoleSummary() {
        StringBuilder out = new StringBuilder();
        out.append("Targets (").append(machine.mosquitto()).append(", same run):\n");
        out.append(targets());
        failures().forEach(failure -> out.append("FAILED ").append(failure).append('\n'));
        return out.toString();
    }

    private MarkdownTable targets() {
        MarkdownTable targets = new MarkdownTable().text("target").figure("jetemu").figure("Mosquitto").text("met");
        if (options.runs(Section.THROUGHPUT)) {
            new ThroughputReport(options, results).targets(targets);
        }
        if (options.runs(Section.LATENCY)) {
            new LatencyReport(options, results).targets(targets);
        }
        if (options.runs(Section.STARTUP)) {
            new StartupReport(options, results).targets(targets);
        }
        if (options.runs(Section.MEMORY) && results.memory != null) {
            new MemoryReport(results).targets(targets);
        }
        return targets;
    }

    private List<String> failures() {
        List<String> failures = new ArrayList<>(results.errors);
        for (CaseSummary summary : results.caseSummaries()) {
            summary.failures().forEach(failure -> failures.add(summary.spec().label() + ", " + failure));
        }
        for (LatencySummary summary : results.latencySummaries()) {
            summary.failures().forEach(failure -> failures.add("latency QoS " + summary.qos() + ", " + failure));
        }
        results.starts.stream().filter(start -> start.problem().isPresent())
                .forEach(start -> failures.add("start-up of " + start.broker() + ": " + start.problem().get()));
        if (results.memory != null) {
            results.memory.jetemu().problems().forEach(problem -> failures.add("memory, jetemu: " + problem));
            results.memory.mosquitto().problems().forEach(problem -> failures.add("memory, Mosquitto: " + problem));
        }
        return failures;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("<!-- Written by bench/run (dev.jetemu.bench.Benchmark); run it again rather than edit. -->\n\n");
        md.append(String.format(Locale.ROOT, "jetemu measured beside Eclipse Mosquitto (Debian's package) on the "
                + "machine described at the end, both in the same run, on %s. Where a figure is measured several "
                + "times, jetemu's and Mosquitto's runs alternate and the figure is the median, because a shared "
                + "machine is noisy. Reproduce them with:%n%n", date));
        md.append("```sh\n").append(environment()).append(options.reproduceCommand()).append("\n```\n\n");
        md.append("## Targets\n\n");
        MarkdownTable targets = targets();
        if (targets.isEmpty()) {
            md.append("No section with a target ran.\n\n");
        } else {
            md.append(targets).append('\n');
        }
        List<String> notRun = new ArrayList<>();
        for (Section section : Section.values()) {
            if (!options.runs(section)) {
                notRun.add(section.heading());
            }
        }
        if (!notRun.isEmpty()) {
            md.append("Not measured in this run (`--only`): ").append(String.join("; ", notRun)).append(".\n\n");
        }
        appendFailures(md);
        if (options.runs(Section.THROUGHPUT)) {
            new ThroughputReport(options, results).append(md);
        }
        if (options.runs(Section.LATENCY)) {
            new LatencyReport(options, results).append(md);
        }
        if (options.runs(Section.STARTUP)) {
            new StartupReport(options, results).append(md);
        }
        if (options.runs(Section.MEMORY) && results.memory != null) {
            new MemoryReport(results).append(md);
        }
        if (options.runs(Section.EDGE)) {
            new EdgeReport(options, results).append(md);
        }
        if (options.runs(Section.JITTER)) {
            new JitterReport(results).append(md);
        }
        appendHarness(md);
        appendMachine(md);
        return md.toString();
    }

    private static String environment() {
        List<String> jvm = JvmOptions.devices();
        return jvm.isEmpty() ? "" : JvmOptions.VARIABLE + "='" + String.join(" ", jvm) + "' ";
    }

    private void appendFailures(StringBuilder md) {
        List<String> failures = failures();
        if (failures.isEmpty()) {
            md.append("Every subscriber of every run received every event exactly once, in order and as published "
                    + "(warm-up runs included), except what Moquette on its own dropped by design (section 5); "
                    + "every start and memory run succeeded.\n\n");
            return;
        }
        md.append("**Some runs failed:**\n\n");
        failures.forEach(failure -> md.append("- ").append(Format.cell(failure)).append('\n'));
        md.append('\n');
    }

    private void appendHarness(StringBuilder md) {
        List<CaseSummary> summaries = results.caseSummaries();
        if (summaries.isEmpty()) {
            return;
        }
        md.append("## The harness\n\n");
        md.append(String.format(Locale.ROOT, "Every client is the harness's own: MQTT 3.1.1 over Netty %s with "
                + "Netty's MQTT codec, all on one event loop group of %d threads, so that the harness takes the "
                + "same bounded share of the machine whichever broker it measures. What it costs, median CPU of "
                + "the harness's process per message delivered (with Mosquitto, its publisher included):%n%n",
                Machine.nettyVersion(), Benchmark.CLIENT_THREADS));
        MarkdownTable table = new MarkdownTable().text("case").figure("with jetemu µs/message")
                .figure("with Mosquitto µs/message").figure("with Moquette µs/message");
        for (CaseSummary summary : summaries) {
            table.row(summary.spec().label(), harness(summary, "jetemu"), harness(summary, "Mosquitto"),
                    harness(summary, "Moquette"));
        }
        md.append(table).append('\n');
    }

    private static String harness(CaseSummary summary, String broker) {
        return summary.broker(broker).filter(CaseSummary.Figures::any)
                .map(figures -> Format.micros(figures.harnessCpuMicrosPerMessage())).orElse(Format.NONE);
    }

    private void appendMachine(StringBuilder md) {
        md.append("## Machine\n\n");
        md.append("- CPU: ").append(machine.cpuModel()).append(", ").append(machine.cores())
                .append(" processors available\n");
        md.append("- Memory: ").append(machine.memory()).append('\n');
        md.append("- OS: ").append(machine.os()).append('\n');
        md.append("- Load average (1, 5, 15 minutes) at the start: ").append(results.loadAtStart)
                .append("; at the end: ").append(results.loadAtEnd)
                .append(" (other work on the machine during the run shows here)\n");
        md.append("- Java: ").append(machine.java()).append(" (the harness, jetemu and Moquette)\n");
        List<String> jvm = JvmOptions.devices();
        md.append("- Device JVMs' options (sections 1, 2, 5): ").append(jvm.isEmpty() ? "none (the JVM's defaults)"
                : "`" + String.join(" ", jvm) + "` (from " + JvmOptions.VARIABLE + ")").append('\n');
        md.append("- Mosquitto: ").append(machine.mosquitto()).append(" (Debian package)\n");
        md.append("- Moquette: 0.17 (the engine jetemu embeds); Netty ").append(Machine.nettyVersion()).append('\n');
        md.append("- Clocks: ").append(LatencyReport.clocks(results.clocks)).append('\n');
        md.append("- Date: ").append(date).append('\n');
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    }
}
