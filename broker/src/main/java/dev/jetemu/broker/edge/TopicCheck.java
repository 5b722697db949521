package dev.jetemu.broker.edge;

/**
 * Checks a topic name or a topic filter as its bytes arrive, as MQTT 3.1.1 defines them (4.7): at
 * least one character; no wildcard in a name; in a filter, {@code +} only as a whole level and
 * {@code #} only as the whole last level. The bytes of a multi-byte UTF-8 character are never
 * {@code /}, {@code +} or {@code #}, so the check can read bytes.
 */
final class TopicCheck {

    private boolean filter;
    private boolean empty;
    private boolean levelStart;
    private boolean afterPlus;
    private boolean afterHash;

    /** Starts a new topic name, or a new filter. */
    void reset(boolean isFilter) {
        filter = isFilter;
        empty = true;
        levelStart = true;
        afterPlus = false;
        afterHash = false;
    }

    /** Takes the next byte; false when it cannot come there. */
    boolean accept(int b) {
        empty = false;
        if (afterHash || afterPlus && b != '/') {
            return false;
        }
        afterPlus = false;
        if (b == '+' || b == '#') {
            if (!filter || !levelStart) {
                return false;
            }
            afterPlus = b == '+';
            afterHash = b == '#';
            levelStart = false;
            return true;
        }
        levelStart = b == '/';
        return true;
    }

    /** Whether the topic may end here: it is not empty. */
    boolean complete() {
        return !empty;
    }

    /** What is wrong, once {@link #accept} or {@link #complete} said no. */
    String problem() {
        if (empty) {
            return "is empty";
        }
        return filter ? "has a wildcard out of place" : "has a wildcard";
    }
}
