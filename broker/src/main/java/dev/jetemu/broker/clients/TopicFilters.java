package dev.jetemu.broker.clients;

/**
 * MQTT 3.1.1 topic-filter matching: whether a topic matches a filter, and whether two filters
 * overlap (some topic matches both). Levels are separated by '/', so a leading slash makes an
 * empty first level, as in every Junos topic.
 */
public final class TopicFilters {

    private TopicFilters() {
    }

    public static boolean matches(String filter, String topic) {
        String[] filterLevels = filter.split("/", -1);
        String[] topicLevels = topic.split("/", -1);
        // A wildcard in the first level does not match topics starting with '$' (MQTT 4.7.2).
        if (topic.startsWith("$") && (filterLevels[0].equals("#") || filterLevels[0].equals("+"))) {
            return false;
        }
        for (int i = 0; i < filterLevels.length; i++) {
            String level = filterLevels[i];
            if (level.equals("#")) {
                return true;
            }
            if (i >= topicLevels.length) {
                return false;
            }
            if (!level.equals("+") && !level.equals(topicLevels[i])) {
                return false;
            }
        }
        return filterLevels.length == topicLevels.length;
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
