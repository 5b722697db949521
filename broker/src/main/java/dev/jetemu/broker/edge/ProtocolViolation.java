package dev.jetemu.broker.edge;

/**
 * Why the edge closed an admitted client's connection for what the client sent, or did not send
 * in time. Each one is told to the {@link AccessListener}; the log shows a few of them only.
 */
public enum ProtocolViolation {
    /**
     * Bytes that are not MQTT 3.1.1: a reserved packet type or flag, QoS 3, a remaining length of
     * more than four bytes, a field that runs past its packet, a string that is not well-formed
     * UTF-8 or that holds U+0000.
     */
    MALFORMED_PACKET("malformed-packet"),
    /** A packet over the broker's size limit, or a CONNECT longer than any CONNECT can be. */
    PACKET_TOO_LARGE("packet-too-large"),
    /** A first packet that is not a CONNECT. */
    PACKET_BEFORE_CONNECT("packet-before-connect"),
    /** A CONNECT on a connection that already sent one. */
    SECOND_CONNECT("second-connect"),
    /** No CONNECT within the connect timeout of the connection's opening. */
    CONNECT_TIMEOUT("connect-timeout"),
    /**
     * A CONNECT the broker must refuse: a protocol level other than MQTT 3.1.1's or 3.1's (CONNACK 1),
     * or an empty client id without a clean session (CONNACK 2).
     */
    CONNECT_REJECTED("connect-rejected");

    private final String label;

    ProtocolViolation(String label) {
        this.label = label;
    }

    /** As metrics and logs name it: {@code malformed-packet}. */
    public String label() {
        return label;
    }
}
