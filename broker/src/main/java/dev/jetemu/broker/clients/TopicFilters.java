package dev.jetemu.broker.clients;

/**
 * MQTT 3.1.1 topic-filter matching: whether a topic matches a filter, and whether two filters
 * overlap (some topic matches both). Levels are separated by '/', so a leading slash makes an
 * empty first level, as in every Junos topic.
 */
public final class TopicFilters {

    private TopicFilters() {
    }

    /**
     * Whether {@code topic} matches {@code filter}. Walks both strings level by level without
     * allocating: the broker asks this for every subscription filter of every message it routes.
     */
    public static boolean matches(String filter, String topic) {
        // A wildcard in the first level does not match topics starting with '$' (MQTT 4.7.2).
        if (topic.startsWith("$") && (filter.startsWith("#") || filter.startsWith("+"))) {
            return false;
        }
        int filterLength = filter.length();
        int topicLength = topic.length();
        int f = 0;
        int t = 0;
        while (true) {
            int filterEnd = levelEnd(filter, f);
            int filterLevel = filterEnd - f;
            if (filterLevel == 1 && filter.charAt(f) == '#') {
                // Also matches the parent level: "a/#" matches "a".
                return true;
            }
            if (t > topicLength) {
                return false;
            }
            int topicEnd = levelEnd(topic, t);
            boolean anyLevel = filterLevel == 1 && filter.charAt(f) == '+';
            if (!anyLevel && (filterLevel != topicEnd - t || !filter.regionMatches(f, topic, t, filterLevel))) {
                return false;
            }
            if (filterEnd == filterLength) {
                return topicEnd == topicLength;
            }
            f = filterEnd + 1;
            // Past the topic's end means it has no more levels; an empty last level ("a/") is still one.
            t = topicEnd + 1;
        }
    }

    private static int levelEnd(String name, int from) {
        if (from >= name.length()) {
            return name.length();
        }
        int slash = name.indexOf('/', from);
        return slash < 0 ? name.length() : slash;
    }

    /** Whether some topic would match both filters. */
    public static boolean overlap(String first, String second) {
        String[] a = first.split("/", -1);
        String[] b = second.split("/", -1);
        int i = 0;
        for (; i < a.length && i < b.length; i++) {
            if (a[i].equals("#") || b[i].equals("#")) {
                return true;
            }
            if (!a[i].equals("+") && !b[i].equals("+") && !a[i].equals(b[i])) {
                return false;
            }
        }
        if (a.length == b.length) {
            return true;
        }
        // The longer one may still end in '#', which also matches its parent level ("a/#" matches "a").
        String[] longer = a.length > b.length ? a : b;
        return longer.length == i + 1 && longer[i].equals("#");
    }
}
