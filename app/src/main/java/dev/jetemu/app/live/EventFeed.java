package dev.jetemu.app.live;

import dev.jetemu.sim.run.RunListener;

import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Everything the device publishes, handed to whoever follows it (the event stream of the control
 * API). Followers are called on the publishing thread and must not block: they queue or drop.
 */
public final class EventFeed implements RunListener {

    private final CopyOnWriteArrayList<Consumer<FeedEvent>> followers = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Follows the feed until the returned handle is closed. */
    public AutoCloseable follow(Consumer<FeedEvent> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    @Override
    public void published(String topic, byte[] payload, Instant scenarioTime) {
        FeedEvent event = new FeedEvent(sequence.incrementAndGet(), topic, payload, scenarioTime);
        followers.forEach(follower -> follower.accept(event));
    }
}
