package dev.jetemu.bench;

import dev.jetemu.bench.process.JetemuJar;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Section 3 of the report: from process start to ready, jetemu beside Mosquitto. */
final class StartupReport {

    /** jetemu should print Ready. within this long of its start. */
    static final double TARGET_READY_MILLIS = 1_000;

    private final BenchOptions options;
    private final List<StartupBenchmark.Start> starts;
    private final boolean archiveUsed;

    StartupReport(BenchOptions options, Results results) {
        this.options = options;
        this.starts = results.starts;
        this.archiveUsed = results.startupArchiveUsed;
    }

    private double median(String broker, ToDoubleFunction<StartupBenchmark.Start> figure) {
        return CaseSummary.median(starts.stream()
                .filter(start -> start.broker().equals(broker) && !start.warmup() && start.problem().isEmpty())
                .mapToDouble(figure).toArray());
    }

    private String millis(String broker, ToDoubleFunction<StartupBenchmark.Start> figure) {
        return Format.millis(median(broker, figure));
    }

    private boolean ok() {
        return starts.stream().allMatch(start -> start.problem().isEmpty());
    }

    void targets(MarkdownTable targets) {
        if (starts.isEmpty()) {
            return;
        }
        double ready = median(StartupBenchmark.JETEMU, StartupBenchmark.Start::readyMillis);
        targets.row("Ready ≤ 1 s after the process starts", Format.millis(ready) + " ms to `Ready.`",
                Format.NONE + " (accepting after " + Format.millis(median(StartupBenchmark.MOSQUITTO,
                        StartupBenchmark.Start::acceptingMillis)) + " ms)",
                !ok() || Double.isNaN(ready) ? "– (a start failed)" : ready <= TARGET_READY_MILLIS ? "yes" : "no");
    }

    void append(StringBuilder md) {
        md.append("## ").append(Section.STARTUP.heading()).append("\n\n");
        md.append(String.format(Locale.ROOT, "From starting the process to the broker's port accepting a TCP "
                + "connection, and for jetemu to its `%s` line on stdout. Medians of %s per broker, "
                + "interleaved, after one start of each that is not counted (it warms the page cache), in "
                + "milliseconds.%n%n", JetemuJar.READY, Format.plural(options.startups(), "start")));
        double ready = median(StartupBenchmark.JETEMU, StartupBenchmark.Start::readyMillis);
        MarkdownTable table = new MarkdownTable().text("").figure("jetemu (`./jetemu serve`)")
                .figure("jetemu (plain `java -jar`)").figure("Mosquitto");
        table.row("start → port accepting", millis(StartupBenchmark.JETEMU, StartupBenchmark.Start::acceptingMillis),
                millis(StartupBenchmark.PLAIN_JAR, StartupBenchmark.Start::acceptingMillis),
                millis(StartupBenchmark.MOSQUITTO, StartupBenchmark.Start::acceptingMillis));
        table.row("start → `" + JetemuJar.READY + "`", Format.millis(ready),
                millis(StartupBenchmark.PLAIN_JAR, StartupBenchmark.Start::readyMillis),
                Format.NONE + " (prints nothing)");
        table.row("target: ready ≤ 1,000 ms", Double.isNaN(ready) ? Format.NONE : ready <= TARGET_READY_MILLIS
                ? "met" : "**not met**", Format.NONE, Format.NONE);
        md.append(table).append('\n');
        md.append(archiveUsed ? """
                - **jetemu** starts as `./jetemu serve` starts it, without JAVA_OPTS:
                  `java -XX:SharedArchiveFile=app/target/jetemu.jsa -Xlog:cds=off,cds+dynamic=off -jar
                  app/target/jetemu.jar serve --port PORT --http-port 0` (the control API on a free port; it is
                  started before `Ready.` is printed). The archive holds the classes jetemu loads up to `Ready.`;
                  `bin/class-data-archive` makes it once per build, and the launcher and the Docker image use it.
                  The plain column starts the same jar without it, as `java -jar` does.
                """ : """
                - **jetemu** starts without a class-data archive (none newer than the jar beside it): both
                  jetemu columns are `java -jar JAR serve --port PORT --http-port 0` (the control API on a free
                  port; it is started before `Ready.` is printed).
                """);
        md.append("""
                - **Mosquitto** starts with the configuration of section 1.
                - The time starts just before the process is started (`ProcessBuilder.start`, fork and exec
                  included). The port is tried every millisecond: a refused connection on loopback fails at once,
                  so the millisecond is the resolution. jetemu's `Ready.` is timed when the harness reads the
                  line from the pipe.

                """);
        md.append("### Every start\n\n");
        MarkdownTable runs = new MarkdownTable().text("broker").text("run").figure("to port accepting ms")
                .figure("to Ready. ms").text("result");
        for (StartupBenchmark.Start start : starts) {
            runs.row(start.broker(), start.warmup() ? "warm-up" : String.valueOf(start.round()),
                    Format.millis(start.acceptingMillis()), Format.millis(start.readyMillis()),
                    start.problem().map(problem -> "**FAILED**: " + problem).orElse("ok"));
        }
        md.append(runs).append('\n');
    }
}
