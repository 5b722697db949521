package dev.jetemu.bench;

import java.util.List;
import java.util.Locale;

/** Section 6 of the report: how accurately sleep steps keep real time. Mosquitto has nothing to compare. */
final class JitterReport {

    private final List<SleepJitter.Lateness> jitter;

    JitterReport(Results results) {
        this.jitter = results.jitter;
    }

    void append(StringBuilder md) {
        md.append("## ").append(Section.JITTER.heading()).append("\n\n");
        md.append(String.format(Locale.ROOT, "A scenario publishes a raw message, sleeps, and repeats, %,d times for "
                        + "each sleep length, in real time at speed 1. The figure is each publish's lateness against "
                        + "its scheduled time (the run's start plus the sleeps before it), in milliseconds.%n%n",
                jitter.isEmpty() ? 0 : jitter.get(0).rounds()));
        MarkdownTable table = new MarkdownTable().text("sleep").figure("jetemu p50").figure("jetemu p99")
                .figure("jetemu max").figure("jetemu min").text("Mosquitto");
        for (SleepJitter.Lateness lateness : jitter) {
            table.row(lateness.sleep().toMillis() + " ms", Format.millis(lateness.p50()), Format.millis(lateness.p99()),
                    Format.millis(lateness.max()), Format.millis(lateness.min()), Format.NONE + " (no sleep steps)");
        }
        md.append(table).append('\n');
        md.append("""
                Sleeps are kept against the scenario's schedule: a late wake-up shortens the next sleep, so
                lateness does not add up over a run. The benchmark runs the real scenario runner and clock with
                a sink that only takes the time, in the harness's JVM before any other section (while its heap
                is small), so the figure is the scheduler's and the clock's, not a broker's. Mosquitto has no
                scenarios and so no equivalent.

                """);
    }
}
