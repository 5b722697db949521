package dev.jetemu.app.record;

import java.time.Instant;
import java.util.List;

/**
 * What a recording listens to, for the header of the file it writes.
 *
 * @param broker    the broker's address as the user gave it
 * @param filters   the topic filters subscribed to
 * @param qos       the QoS of the subscription
 * @param startedAt when the recording subscribed; the recorded gaps count from here
 */
public record Recording(String broker, List<String> filters, int qos, Instant startedAt) {

    public Recording {
        filters = List.copyOf(filters);
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("a recording subscribes to at least one filter");
        }
    }
}
