package dev.jetemu.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One throughput case: how many subscribers, at which QoS (the device publishes and the
 * subscribers subscribe at that QoS).
 */
record CaseSpec(int subscribers, int qos) {

    static final List<CaseSpec> ALL = List.of(new CaseSpec(1, 0), new CaseSpec(10, 0), new CaseSpec(1, 1),
            new CaseSpec(10, 1));
    /** The throughput case the access edge's cost is measured on. */
    static final CaseSpec EDGE = new CaseSpec(1, 0);

    /** The name {@code --cases} takes, e.g. {@code 10sub-qos1}. */
    String name() {
        return subscribers + "sub-qos" + qos;
    }

    /** The name tables show, e.g. {@code 10 subscribers, QoS 1}. */
    String label() {
        return subscribers + (subscribers == 1 ? " subscriber" : " subscribers") + ", QoS " + qos;
    }

    /**
     * The cases a {@code --cases} list selects: each comma-separated word selects the cases whose
     * name contains it ({@code qos1}, {@code 10sub}, {@code 1sub-qos0}).
     *
     * @throws UsageException when a word selects nothing
     */
    static List<CaseSpec> select(String list) throws UsageException {
        List<CaseSpec> selected = new ArrayList<>();
        for (String word : list.split(",")) {
            String token = word.trim();
            if (token.isEmpty()) {
                continue;
            }
            List<CaseSpec> matching = ALL.stream().filter(c -> c.name().contains(token)).toList();
            if (matching.isEmpty()) {
                throw new UsageException("--cases: '" + token + "' matches no case; the cases are "
                        + String.join(", ", ALL.stream().map(CaseSpec::name).toList()));
            }
            matching.stream().filter(c -> !selected.contains(c)).forEach(selected::add);
        }
        if (selected.isEmpty()) {
            throw new UsageException("--cases: no case named; the cases are "
                    + String.join(", ", ALL.stream().map(CaseSpec::name).toList()));
        }
        // Always in the canonical order, so reports of different selections line up.
        return ALL.stream().filter(selected::contains).toList();
    }
}
