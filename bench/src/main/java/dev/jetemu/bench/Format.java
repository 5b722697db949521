package dev.jetemu.bench;

import java.util.Locale;

/** How figures are written in tables: a dash for what was not measured. */
final class Format {

    static final String NONE = "–";

    private Format() {
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) || perSecond == 0 ? NONE : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    static String micros(double value) {
        return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%.1f", value);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.3f" : value < 100 ? "%.2f" : value < 1000 ? "%.1f" : "%,.0f",
                value);
    }

    static String cores(double value) {
        return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    static String seconds(double value) {
        return Double.isNaN(value) || value == 0 ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String mebibytes(long bytes) {
        return bytes <= 0 ? NONE : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** "1 run", "3 runs". */
    static String plural(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
