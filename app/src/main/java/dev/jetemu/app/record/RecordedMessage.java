package dev.jetemu.app.record;

import java.util.Arrays;

/**
 * One message as it arrived from the broker being recorded.
 *
 * @param atNanos  when it arrived, in nanoseconds since the recording subscribed
 * @param qos      the QoS it was delivered with: the lower of the publisher's and the subscription's
 * @param retained whether the broker sent it because it held it when the recording subscribed
 */
public record RecordedMessage(long atNanos, String topic, byte[] payload, int qos, boolean retained) {

    public RecordedMessage {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedMessage message && atNanos == message.atNanos && topic.equals(message.topic)
                && Arrays.equals(payload, message.payload) && qos == message.qos && retained == message.retained;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(atNanos) + topic.hashCode()) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "RecordedMessage[at=" + atNanos + " ns, topic=" + topic + ", " + payload.length + " bytes, qos=" + qos
                + (retained ? ", retained" : "") + "]";
    }
}
