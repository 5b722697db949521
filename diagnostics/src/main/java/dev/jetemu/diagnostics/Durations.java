package dev.jetemu.diagnostics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them in configuration and scenario files: a number and a unit,
 * {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 5m}, {@code 1h}.
 */
public final class Durations {

    public static final String EXPECTATION = "a number with a unit, ms, s, m or h, such as 10s or 500ms";

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException with {@code what is wrong; expected what} when {@code text} is not a duration
     */
    public static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; expected " + EXPECTATION);
        }
        BigDecimal nanos = new BigDecimal(matcher.group(1))
                .multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(matcher.group(2))));
        return Duration.ofNanos(nanos.longValue());
    }

    /** The shortest spelling that {@link #parse} reads back: {@code 10s}, {@code 1500ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
