package dev.jetemu.app.live;

import java.time.Instant;

/**
 * A message the device published, as the event feed hands it on.
 *
 * @param sequence from 1, in publishing order, over the emulator's whole life
 * @param time     the scenario time it was published at
 */
public record FeedEvent(long sequence, String topic, byte[] payload, Instant time) {
}
