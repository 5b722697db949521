package dev.jetemu.app.metrics;

import dev.jetemu.broker.observe.DeliveryListener;
import dev.jetemu.broker.observe.DropReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What becomes of the messages sent to clients, counted, and the device's publish-to-delivery
 * latency. Called on the broker's event loops for every message and subscriber: counters, timer
 * and percentiles are lock-free.
 */
final class DeliveryMetrics implements DeliveryListener {

    private static final double[] PERCENTILES = {0.5, 0.99};
    /**
     * Histogram bucket bounds: a subscriber on the same host is sent a message in tens to hundreds
     * of microseconds; a flow-control wait or a slow subscriber takes milliseconds to seconds.
     */
    private static final Duration[] BUCKETS = {
            micros(50), micros(100), micros(250), micros(500),
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final Counter delivered;
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
    private final Counter duplicated;
    private final Counter slowSubscribersDisconnected;
    private final Timer latency;
    private final RecentPercentiles recent = new RecentPercentiles(TimeUnit.MINUTES.toNanos(1), System::nanoTime);

    DeliveryMetrics(MeterRegistry registry) {
        delivered = Counter.builder("jetemu.messages.delivered")
                .description("PUBLISH packets written to clients' sockets, once per message and client "
                        + "(resends and duplicate-fault copies not counted)")
                .register(registry);
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, Counter.builder("jetemu.messages.dropped")
                    .description("Messages not sent to a client that subscribed to them: slow-subscriber (its "
                            + "QoS 0 messages under the drop-qos0 policy) or fault (drop-events)")
                    .tag("reason", reason.label())
                    .register(registry));
        }
        duplicated = Counter.builder("jetemu.messages.duplicated")
                .description("Messages sent to a client a second time by a duplicate-events fault")
                .register(registry);
        slowSubscribersDisconnected = Counter.builder("jetemu.slow.subscribers.disconnected")
                .description("Subscribers disconnected because they stopped reading for the grace period")
                .register(registry);
        latency = Timer.builder("jetemu.delivery.latency")
                .description("From the device publishing a message to its write completing on a subscriber's "
                        + "socket, flow-control waits included; device messages only")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        // Micrometer's Prometheus registry writes a timer with buckets as a histogram without its
        // percentiles (a Prometheus histogram has no quantiles), and computing them costs more than
        // the rest of a delivery's metrics together: they are gauges of their own, read from
        // RecentPercentiles.
        for (double percentile : PERCENTILES) {
            TimeGauge.builder("jetemu.delivery.latency.percentile", recent, TimeUnit.NANOSECONDS,
                            window -> window.value(percentile))
                    .description("Delivery latency at a percentile, over the last minute or two (since a "
                            + "snapshot at least a minute old); NaN when nothing was delivered in it")
                    .tag("quantile", Double.toString(percentile))
                    .strongReference(true)
                    .register(registry);
        }
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1000);
    }

    @Override
    public void delivered(int qos, long latencyNanos) {
        delivered.increment();
        if (latencyNanos >= 0) {
            latency.record(latencyNanos, TimeUnit.NANOSECONDS);
            recent.record(latencyNanos);
        }
    }

    @Override
    public void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    @Override
    public void duplicated() {
        duplicated.increment();
    }

    @Override
    public void slowSubscriberDisconnected() {
        slowSubscribersDisconnected.increment();
    }
}
