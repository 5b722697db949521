package dev.jetemu.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The parts of the benchmark, in the order the report gives them; {@code --only} names them. */
enum Section {
    THROUGHPUT("throughput", "Delivered events/s"),
    LATENCY("latency", "Latency, publish to delivery"),
    STARTUP("startup", "Start-up"),
    MEMORY("memory", "Memory"),
    EDGE("edge", "The cost of the access edge"),
    JITTER("jitter", "Real-time accuracy: sleep jitter");

    private final String key;
    private final String title;

    Section(String key, String title) {
        this.key = key;
        this.title = title;
    }

    String key() {
        return key;
    }

    /** The heading, numbered as the report numbers it. */
    String heading() {
        return (ordinal() + 1) + ". " + title;
    }

    /**
     * The sections an {@code --only} list names, in canonical order.
     *
     * @throws UsageException for a name that is no section
     */
    static List<Section> select(String list) throws UsageException {
        Set<Section> selected = EnumSet.noneOf(Section.class);
        for (String word : list.split(",")) {
            String name = word.trim();
            if (name.isEmpty()) {
                continue;
            }
            Section section = null;
            for (Section candidate : values()) {
                if (candidate.key.equals(name)) {
                    section = candidate;
                }
            }
            if (section == null) {
                throw new UsageException("--only: '" + name + "' is no section; expected a comma-separated list of "
                        + keys());
            }
            selected.add(section);
        }
        if (selected.isEmpty()) {
            throw new UsageException("--only: no section named; expected a comma-separated list of " + keys());
        }
        return new ArrayList<>(selected);
    }

    static String keys() {
        List<String> keys = new ArrayList<>();
        for (Section section : values()) {
            keys.add(section.key);
        }
        return String.join(", ", keys);
    }
}
