package dev.jetemu.broker;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The device publishing route events at a steady rate on a thread of its own, QoS 0 and 1 in
 * turn (even sequence numbers at QoS 0, odd ones at QoS 1). Each payload starts with its sequence
 * number and QoS ({@code 000042 0 {...}}), as {@link OrderedEventsSubscriber} reads them.
 */
final class RouteEventPublisher implements AutoCloseable {

    private static final String ROUTE_EVENT = "{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\",\"hostname\":"
            + "\"vmx1\",\"time\":\"2026-11-21T08:00:00.000Z\",\"severity\":\"info\",\"facility\":\"KERNEL\","
            + "\"attributes\":{\"table-name\":\"inet.0\",\"route-prefix\":\"%s\",\"next-hop-address\":"
            + "[\"192.0.2.2\"]}}}";

    private final NotificationBroker broker;
    private final long periodNanos;
    private final AtomicInteger published = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Exception failure;

    private RouteEventPublisher(NotificationBroker broker, int eventsPerSecond) {
        this.broker = broker;
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / eventsPerSecond;
        this.thread = new Thread(this::run, "route-event-publisher");
        thread.setDaemon(true);
    }

    static RouteEventPublisher start(NotificationBroker broker, int eventsPerSecond) {
        RouteEventPublisher publisher = new RouteEventPublisher(broker, eventsPerSecond);
        publisher.thread.start();
        return publisher;
    }

    static int qosOf(int sequence) {
        return sequence % 2;
    }

    private void run() {
        long next = System.nanoTime();
        try {
            for (int sequence = 0; !stopping; sequence++) {
                String prefix = "10." + (sequence >> 8 & 0xff) + "." + (sequence & 0xff) + ".0/24";
                byte[] payload = String.format("%06d %d %s", sequence, qosOf(sequence), ROUTE_EVENT.formatted(prefix))
                        .getBytes(StandardCharsets.UTF_8);
                broker.publish("/junos/events/kernel/route/add/inet/" + prefix, payload, qosOf(sequence));
                published.set(sequence + 1);
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    int published() {
        return published.get();
    }

    /** Stops after the event being published; returns how many were published. */
    int stop() throws Exception {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (failure != null) {
            throw failure;
        }
        return published.get();
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
