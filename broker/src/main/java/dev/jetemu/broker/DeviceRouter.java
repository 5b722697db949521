package dev.jetemu.broker;

import dev.jetemu.broker.flow.Backlogs;
import dev.jetemu.broker.flow.PublishWindow;
import dev.jetemu.broker.moquette.MoquetteEngine;
import dev.jetemu.broker.observe.PublishTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Routes the device's messages on a thread of its own, in the order they were published, so
 * that the device makes its next events while the engine routes the last ones: on a machine
 * with two cores the two halves of the work overlap instead of taking turns.
 *
 * <p>The queue between them is short: when it is full the device waits, and the flow control
 * (a subscriber behind holds the device back) acts on this thread, so it still reaches the
 * device within a queue's length.
 */
final class DeviceRouter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRouter.class);

    /** Enough to keep the routing thread busy through the device's pauses; a few hundred KB at most. */
    static final int QUEUE_LENGTH = 1_024;

    private record Message(String topic, byte[] payload, int qos, long publishedNanos) {
    }

    private final MoquetteEngine engine;
    private final Backlogs backlogs;
    private final PublishWindow window = new PublishWindow();
    private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(QUEUE_LENGTH);
    private final AtomicLong submitted = new AtomicLong();
    /** How many messages had been handed to their sessions when the queue was last found empty. */
    private volatile long settled;
    private volatile RuntimeException failure;
    private final Thread thread;

    DeviceRouter(MoquetteEngine engine, Backlogs backlogs) {
        this.engine = engine;
        this.backlogs = backlogs;
        this.thread = new Thread(this::run, "jetemu-device-router");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the message; waits while the queue is full. */
    void publish(String topic, byte[] payload, int qos, long publishedNanos) throws InterruptedException {
        RuntimeException failed = failure;
        if (failed != null) {
            throw new IllegalStateException("the broker stopped routing the device's messages: " + failed, failed);
        }
        submitted.incrementAndGet();
        queue.put(new Message(topic, payload, qos, publishedNanos));
    }

    /**
     * Waits until every message queued so far has been handed to its sessions.
     *
     * @return false when some were still waiting after {@code timeout}
     */
    boolean awaitRouted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (settled != submitted.get()) {
            if (failure != null || !thread.isAlive() || System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private void run() {
        long routed = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Message message = queue.poll();
                if (message == null) {
                    window.awaitAll();
                    settled = routed;
                    message = queue.take();
                }
                route(message);
                routed++;
            }
        } catch (InterruptedException e) {
            // closed
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("Stopped routing the device's messages", e);
        }
    }

    private void route(Message message) throws InterruptedException {
        if (backlogs.anyHoldingBack()) {
            backlogs.awaitRoomFor(engine.subscribersOf(message.topic()));
        }
        window.add(engine.publish(message.topic(), PublishTimes.timed(message.payload(), message.publishedNanos()),
                message.qos()));
    }

    /** Stops routing; what is still queued is dropped with the broker. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
