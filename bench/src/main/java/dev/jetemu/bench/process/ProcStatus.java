package dev.jetemu.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * What the kernel accounts for a process, read from {@code /proc}: CPU time from
 * {@code /proc/PID/stat} (user plus system time of all its threads, so a JVM's JIT and GC threads
 * count as every cycle of Mosquitto does), and resident memory from {@code /proc/PID/status}.
 */
public final class ProcStatus {

    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcStatus() {
    }

    /** User plus system CPU time of process {@code pid}, in nanoseconds (the kernel counts in clock ticks, 10 ms). */
    public static long cpuNanos(long pid) {
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

    public static long ownCpuNanos() {
        return cpuNanos(ProcessHandle.current().pid());
    }

    /** The peak resident set size so far ({@code VmHWM}), in bytes; empty once the process is gone. */
    public static OptionalLong peakRssBytes(long pid) {
        return statusKilobytes(pid, "VmHWM:");
    }

    /** The resident set size now ({@code VmRSS}), in bytes; empty once the process is gone. */
    public static OptionalLong rssBytes(long pid) {
        return statusKilobytes(pid, "VmRSS:");
    }

    private static OptionalLong statusKilobytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"),
                    StandardCharsets.US_ASCII)) {
                if (line.startsWith(field)) {
                    String value = line.substring(field.length()).trim();
                    return OptionalLong.of(Long.parseLong(value.substring(0, value.indexOf(' '))) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has exited (or this is not Linux): nothing to read
        }
        return OptionalLong.empty();
    }

    /** The load averages over 1, 5 and 15 minutes, as {@code /proc/loadavg} has them. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
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
