package dev.jetemu.sim.scenario;

import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 rules for topic names and filters (section 4.7), checked when a scenario is loaded so
 * that a broker never sees a filter it would refuse. One rule of our own: a topic or filter that
 * starts with {@code junos/} is refused, because every Junos topic starts with a slash and such a
 * filter would silently match nothing the device publishes.
 *
 * <p>Public so that what records a scenario ({@code jetemu record}) checks filters and topics by the
 * rules the loader will apply to the file it writes.
 */
public final class TopicRules {

    public static final String FILTER = "an MQTT topic filter such as /junos/events/kernel/#";
    public static final String TOPIC = "a topic without wildcards, such as /junos/events/custom";

    private static final int MAX_BYTES = 65_535;

    private TopicRules() {
    }

    /**
     * @param field how the message names the value: {@code filter}
     * @throws IllegalArgumentException with {@code what is wrong; expected what}
     */
    public static String checkFilter(String field, String filter) {
        common(field, filter, FILTER);
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && !level.equals("#")) {
                throw new IllegalArgumentException(field + " '" + filter + "' has '#' inside the level '" + level
                        + "'; expected '#' alone, as the whole last level, such as /junos/events/kernel/#");
            }
            if (level.equals("#") && i != levels.length - 1) {
                throw new IllegalArgumentException(field + " '" + filter + "' has '#' before its last level; expected "
                        + "'#' only as the last level, matching everything below, such as /junos/events/kernel/#");
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new IllegalArgumentException(field + " '" + filter + "' has '+' inside the level '" + level
                        + "'; expected '+' alone, as a whole level, such as /junos/events/kernel/interfaces/ifd/+/#");
            }
        }
        return filter;
    }

    /** A topic to publish on: a filter's rules, and no wildcard. */
    public static String checkTopic(String field, String topic) {
        common(field, topic, TOPIC);
        for (String wildcard : new String[] {"+", "#"}) {
            if (topic.contains(wildcard)) {
                throw new IllegalArgumentException(field + " '" + topic + "' has the wildcard '" + wildcard
                        + "'; expected " + TOPIC + " (wildcards are for subscriptions)");
            }
        }
        return topic;
    }

    private static void common(String field, String text, String expectation) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty; expected " + expectation);
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " '" + text.replace("\0", "\\0") + "' has a NUL character; expected "
                    + expectation);
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_BYTES + " bytes; expected " + expectation);
        }
        if (text.startsWith("junos/")) {
            throw new IllegalArgumentException(field + " '" + text + "' starts with 'junos/'; expected '/" + text
                    + "': every Junos topic starts with a slash");
        }
    }
}
