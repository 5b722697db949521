package dev.jetemu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap figures of a JVM run with {@code -Xlog:gc,gc+heap+exit:file=...}. The heap fills
 * between collections and is emptied by them, so the most it ever held is one of the figures
 * before a collection ("Pause Young (Normal) ... 120M->30M(256M)") or what it held at exit. What
 * is left after a collection bounds the live data from above: its maximum says how close the
 * run came to the limit.
 *
 * @param peakUsedBytes     the most the heap held: the largest figure before a collection, or at exit
 * @param maxAfterGcBytes   the largest figure after a collection (0 when there was none)
 * @param collections       collection pauses logged
 */
record GcLog(long peakUsedBytes, long maxAfterGcBytes, int collections) {

    /** "12M->4M(256M)": before, after, heap size, each with its unit. */
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    /** "garbage-first heap   total 262144K, used 201995K": the exit summary. */
    private static final Pattern AT_EXIT = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    static GcLog read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static GcLog parse(List<String> lines) {
        long peak = 0;
        long maxAfter = 0;
        int collections = 0;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (line.contains("Pause") && pause.find()) {
                collections++;
                peak = Math.max(peak, bytes(pause.group(1), pause.group(2)));
                maxAfter = Math.max(maxAfter, bytes(pause.group(3), pause.group(4)));
                continue;
            }
            Matcher exit = AT_EXIT.matcher(line);
            if (exit.find()) {
                peak = Math.max(peak, Long.parseLong(exit.group(1)) * 1024);
            }
        }
        return new GcLog(peak, maxAfter, collections);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value * 1024;
            case "M" -> value * 1024 * 1024;
            default -> value * 1024 * 1024 * 1024;
        };
    }
}
