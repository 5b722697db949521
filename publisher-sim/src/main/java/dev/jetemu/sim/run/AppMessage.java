package dev.jetemu.sim.run;

/** A message an application published through the broker. */
public record AppMessage(String clientId, String topic, byte[] payload) {
}
