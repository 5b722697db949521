package dev.jetemu.broker.flow;

/**
 * What waits for one client: bytes in its socket's outbound buffer, QoS 1 and 2 messages in its
 * session queue, and those sent to it and not yet acknowledged.
 */
public record Waiting(long bytes, int queuedMessages, int unacknowledgedMessages) {

    /** Messages waiting for the client: queued, or sent and unacknowledged. */
    public int messages() {
        return queuedMessages + unacknowledgedMessages;
    }
}
