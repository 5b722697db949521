package dev.jetemu.broker.fault;

import dev.jetemu.broker.clients.TopicFilters;

/**
 * One client's share of a drop or duplicate fault: the next {@code remaining} messages on topics
 * matching {@code filter}. Used on the client channel's event loop only.
 */
final class ArmedFault {

    enum Kind { DROP, DUPLICATE }

    private final Kind kind;
    private final String filter;
    private int remaining;

    ArmedFault(Kind kind, String filter, int count) {
        this.kind = kind;
        this.filter = filter;
        this.remaining = count;
    }

    Kind kind() {
        return kind;
    }

    boolean appliesTo(String topic) {
        return remaining > 0 && TopicFilters.matches(filter, topic);
    }

    /** @return whether this was the last message it takes */
    boolean take() {
        return --remaining <= 0;
    }
}
