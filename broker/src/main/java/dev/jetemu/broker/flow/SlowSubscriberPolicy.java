package dev.jetemu.broker.flow;

/**
 * What happens to a subscriber that stops reading: it stayed behind (its backlog above the
 * high-water mark) for a whole grace period without taking anything, no write to its socket
 * completing and no message acknowledged. Until then every matching publisher waits for it.
 */
public enum SlowSubscriberPolicy {
    /** Close its connection, with a log line saying how far behind it was; the others go on at full rate. */
    DISCONNECT("disconnect"),
    /**
     * Drop the QoS 0 messages meant for it until it catches up, counted and logged once per episode.
     * A backlog of QoS 1 or 2 messages cannot be dropped without breaking their promise, so such a
     * subscriber is disconnected as under {@link #DISCONNECT}.
     */
    DROP_QOS0("drop-qos0");

    private final String configName;

    SlowSubscriberPolicy(String configName) {
        this.configName = configName;
    }

    /** The name in configuration files: {@code disconnect} or {@code drop-qos0}. */
    public String configName() {
        return configName;
    }
}
