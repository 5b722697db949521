package dev.jetemu.app.config;

import dev.jetemu.broker.flow.SlowSubscriberPolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The emulator's own {@code delivery} settings (no Junos statement has them): what is done
 * about a subscriber that stops reading, and after how long.
 */
public record DeliveryConfig(Optional<SlowSubscriberPolicy> slowSubscriberPolicy, Optional<Duration> gracePeriod) {

    public static final DeliveryConfig NONE = new DeliveryConfig(Optional.empty(), Optional.empty());

    public DeliveryConfig {
        Objects.requireNonNull(slowSubscriberPolicy, "slowSubscriberPolicy");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
    }
}
