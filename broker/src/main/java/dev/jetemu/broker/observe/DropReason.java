package dev.jetemu.broker.observe;

/** Why a message did not reach a client that subscribed to it. */
public enum DropReason {
    /** Its QoS 0 message was dropped while it was behind for longer than the grace period (drop-qos0 policy). */
    SLOW_SUBSCRIBER("slow-subscriber"),
    /** A drop fault took it ({@code drop-events}). */
    FAULT("fault");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    /** The reason as metrics and logs name it. */
    public String label() {
        return label;
    }
}
