package dev.jetemu.broker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The device publishing numbered events at a steady rate on a thread of its own, until stopped;
 * payloads as {@link SequenceCheckingSubscriber} reads them.
 */
final class DevicePublisher {

    private final NotificationBroker broker;
    private final String topic;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int published;
    private volatile Throwable failure;

    private DevicePublisher(NotificationBroker broker, String topic, int perSecond) {
        this.broker = broker;
        this.topic = topic;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.thread = new Thread(this::run, "device-publisher");
        this.thread.setDaemon(true);
    }

    static DevicePublisher start(NotificationBroker broker, String topic, int perSecond) {
        DevicePublisher publisher = new DevicePublisher(broker, topic, perSecond);
        publisher.thread.start();
        return publisher;
    }

    private void run() {
        long next = System.nanoTime();
        try {
            while (!stopped) {
                broker.publish(topic, SequenceCheckingSubscriber.payload(published, "{\"jet-event\":{}}"), 0);
                published++;
                next += intervalNanos;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** Stops publishing; returns how many events were published. */
    int stop() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
        if (failure != null) {
            throw new AssertionError("the device could not publish", failure);
        }
        return published;
    }
}
