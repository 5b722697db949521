package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Publishes any payload on any topic, for what the device model does not cover. The payload is
 * sent byte for byte as written.
 *
 * @param qos the step's QoS, or empty for the run's device QoS
 */
public record Raw(Position at, String topic, byte[] payload, OptionalInt qos) implements Step {

    public static final String KEYWORD = "raw";

    public Raw {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String keyword() {
        return KEYWORD;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Raw raw && at.equals(raw.at) && topic.equals(raw.topic)
                && Arrays.equals(payload, raw.payload) && qos.equals(raw.qos);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * at.hashCode() + topic.hashCode()) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Raw[at=" + at + ", topic=" + topic + ", " + payload.length + " bytes, qos=" + qos + "]";
    }
}
