package dev.jetemu.broker;

import dev.jetemu.broker.observe.DeliveryListener;
import dev.jetemu.broker.observe.DropReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps every call it gets, from any event loop, for a test to look at. */
final class RecordingDeliveryListener implements DeliveryListener {

    record Delivery(int qos, long latencyNanos) {
    }

    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Map<DropReason, AtomicLong> dropped = new ConcurrentHashMap<>();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong slowSubscribersDisconnected = new AtomicLong();

    @Override
    public void delivered(int qos, long latencyNanos) {
        deliveries.add(new Delivery(qos, latencyNanos));
    }

    @Override
    public void dropped(DropReason reason) {
        dropped.computeIfAbsent(reason, any -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void duplicated() {
        duplicated.incrementAndGet();
    }

    @Override
    public void slowSubscriberDisconnected() {
        slowSubscribersDisconnected.incrementAndGet();
    }

    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    int deliveryCount() {
        return deliveries.size();
    }

    long droppedCount(DropReason reason) {
        AtomicLong count = dropped.get(reason);
        return count == null ? 0 : count.get();
    }

    long duplicatedCount() {
        return duplicated.get();
    }

    long slowSubscribersDisconnectedCount() {
        return slowSubscribersDisconnected.get();
    }
}
