package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

/**
 * {@code drop-events} or {@code duplicate-events}: each client whose id matches {@code clients}
 * and that is connected when the step runs misses, or receives twice, its next {@code count}
 * messages on topics matching {@code filter}.
 */
public record DeliveryFault(Position at, Kind kind, int count, String clients, String filter) implements Fault {

    /** What happens to the messages. */
    public enum Kind {
        DROP("drop-events"),
        DUPLICATE("duplicate-events");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    @Override
    public String keyword() {
        return kind.keyword();
    }
}
