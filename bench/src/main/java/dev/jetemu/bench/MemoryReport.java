package dev.jetemu.bench;

import java.util.Locale;

/** Section 4 of the report: a million routes' memory, jetemu beside Mosquitto. */
final class MemoryReport {

    private final MemoryBenchmark.Result memory;

    MemoryReport(Results results) {
        this.memory = results.memory;
    }

    private boolean met() {
        return memory.jetemu().ok() && memory.jetemu().passed();
    }

    void targets(MarkdownTable targets) {
        if (memory == null) {
            return;
        }
        MemoryBenchmark.JetemuMemory jetemu = memory.jetemu();
        targets.row(String.format(Locale.ROOT, "%,d routes within a 256 MB heap", memory.routes()),
                (jetemu.passed() ? "ran in it" : "did not run in it") + "; peak heap "
                        + (jetemu.heap() == null ? Format.NONE : Format.mebibytes(jetemu.heap().peakUsedBytes()))
                        + ", peak RSS " + Format.mebibytes(jetemu.peakRss()),
                Format.NONE + " (peak RSS " + Format.mebibytes(memory.mosquitto().peakRss()) + ")",
                met() ? "yes" : "no");
    }

    void append(StringBuilder md) {
        md.append("## ").append(Section.MEMORY.heading()).append("\n\n");
        MemoryBenchmark.JetemuMemory jetemu = memory.jetemu();
        MemoryBenchmark.MosquittoMemory mosquitto = memory.mosquitto();
        md.append(String.format(Locale.ROOT, "A scenario that adds %,d BGP routes (`routes-generate`) then withdraws "
                + "them (`routes-withdraw`): %,d events, each delivered to one subscriber at QoS 0. One run each.%n%n",
                memory.routes(), jetemu.events()));
        MarkdownTable table = new MarkdownTable().text("").figure("jetemu").figure("Mosquitto");
        table.row("events delivered", Format.count(jetemu.received()) + " of " + Format.count(jetemu.events()),
                Format.count(mosquitto.received()) + " of " + Format.count(mosquitto.events()));
        table.row("heap limit", "256 MiB (`" + MemoryBenchmark.HEAP_LIMIT + "`)", Format.NONE + " (no JVM)");
        table.row("peak heap: the most the heap held",
                jetemu.heap() == null ? Format.NONE : Format.mebibytes(jetemu.heap().peakUsedBytes()), Format.NONE);
        table.row("largest heap left after a collection",
                jetemu.heap() == null ? Format.NONE : Format.mebibytes(jetemu.heap().maxAfterGcBytes()) + " ("
                        + jetemu.heap().collections() + " collections)", Format.NONE);
        table.row("resident set at start", Format.mebibytes(jetemu.rssAtReady()), Format.mebibytes(mosquitto.rssAtStart()));
        table.row("peak resident set (VmHWM)", Format.mebibytes(jetemu.peakRss()), Format.mebibytes(mosquitto.peakRss()));
        table.row("time to deliver every event, s", Format.seconds(jetemu.seconds()), Format.seconds(mosquitto.seconds()));
        table.row("result", outcome(jetemu.ok(), jetemu.problems()), outcome(mosquitto.ok(), mosquitto.problems()));
        md.append(table).append('\n');
        md.append(String.format(Locale.ROOT, "Target: %,d routes within a 256 MB heap: %s.%s%n%n", memory.routes(),
                met() ? "met" : "**not met**", jetemu.runLine() == null ? "" : " jetemu said: `" + jetemu.runLine()
                        + "`"));
        md.append("""
                - **jetemu** runs the scenario as a user would: `java -Xmx256m -XX:+ExitOnOutOfMemoryError
                  -Xlog:gc,gc+heap+exit:file=gc.log -jar app/target/jetemu.jar run FILE --virtual-time
                  --keep-running` (the scenario starts with `await-subscribers`, so the subscriber is there
                  before the first event; `--keep-running` keeps the process up once the scenario is done so
                  that its memory can be read). It holds the device's routing table: a million routes at the
                  peak.
                - **Peak heap**, from the GC log: the heap fills between collections and is emptied by them, so
                  the most it held is its occupancy just before a collection (or at exit), garbage included.
                  The largest figure *after* a collection bounds the live data from above: how close the run
                  came to the limit.
                - **Peak resident set** is the kernel's high-water mark, `VmHWM` in `/proc/PID/status`, read once
                  every event has been delivered: code, heap, thread stacks, buffers, everything.
                - **Mosquitto** holds no routing table; the harness runs the same scenario with the device
                  simulation and publishes each event at QoS 0 as it is made (nothing kept), while one
                  subscriber receives them. Its peak resident set is what the same traffic costs a broker alone.

                """);
    }

    private static String outcome(boolean ok, java.util.List<String> problems) {
        return ok ? "ok" : "**FAILED**: " + String.join("; ", problems);
    }
}
