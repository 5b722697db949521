package dev.jetemu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of a process as the kernel accounts it: user plus system time of all its threads,
 * from {@code /proc/PID/stat}. Both brokers are read this way, so their figures compare: a JVM's
 * JIT and GC threads count, as Mosquitto's every cycle does.
 */
final class ProcCpu {

    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcCpu() {
    }

    /** User plus system CPU time of process {@code pid}, in nanoseconds (the kernel counts in clock ticks, 10 ms). */
    static long nanos(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + ": " + e.getMessage(), e);
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15: utime, stime
        return ticks * TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND;
    }

    static long ownNanos() {
        return nanos(ProcessHandle.current().pid());
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (getconf.waitFor() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall back to the value every Linux architecture has used for user space for decades
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
