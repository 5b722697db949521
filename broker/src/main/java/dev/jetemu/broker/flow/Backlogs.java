package dev.jetemu.broker.flow;

import dev.jetemu.broker.observe.DeliveryListener;
import dev.jetemu.broker.observe.DropReason;
import io.netty.channel.Channel;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The backlogs of all connected clients, and the waiting they cause: the device waits while a
 * subscriber that would receive its message holds back, and client publishers are not read from
 * while any subscriber holds back. Nothing is dropped for a client that keeps reading.
 */
public final class Backlogs {

    private final FlowSettings settings;
    private final Map<String, ClientBacklog> byClient = new ConcurrentHashMap<>();
    /** The length of every session queue that is not empty, connected client or not. */
    private final Map<String, Integer> queued = new ConcurrentHashMap<>();
    private final Set<Channel> pausedPublishers = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile int holdingBack;
    private final AtomicLong droppedQos0 = new AtomicLong();
    private final AtomicLong disconnected = new AtomicLong();
    private final AtomicLong publisherPauses = new AtomicLong();
    private final DeliveryListener listener;

    public Backlogs(FlowSettings settings) {
        this(settings, DeliveryListener.NONE);
    }

    /** @param listener told of every message the slow-subscriber policy drops and every subscriber it disconnects */
    public Backlogs(FlowSettings settings, DeliveryListener listener) {
        this.settings = settings;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public FlowSettings settings() {
        return settings;
    }

    /**
     * Starts following a client the engine has accepted; a client id taken over replaces the old entry.
     * A client back on its persistent session starts with the queue the session kept for it.
     */
    ClientBacklog register(String clientId, Channel channel) {
        ClientBacklog backlog = new ClientBacklog(clientId, channel, settings, this);
        synchronized (backlog) {
            byClient.put(clientId, backlog);
            backlog.queueLength(queued.getOrDefault(clientId, 0));
        }
        return backlog;
    }

    void unregister(ClientBacklog backlog) {
        if (byClient.remove(backlog.clientId(), backlog)) {
            changed();
        }
    }

    /** What waits for a connected client: empty for one the engine has not accepted (or that has gone). */
    public Optional<Waiting> waiting(String clientId) {
        return Optional.ofNullable(byClient.get(clientId)).map(ClientBacklog::waiting);
    }

    /** Moquette's session queue of a client changed length; the client may be away, its session kept. */
    public void queueLength(String clientId, int length) {
        if (length > 0) {
            queued.put(clientId, length);
        } else {
            queued.remove(clientId);
        }
        ClientBacklog backlog = byClient.get(clientId);
        if (backlog != null) {
            // Read again under the entry's lock, as register does: whichever of the two runs last
            // sets the length the map holds then, never an older one.
            synchronized (backlog) {
                backlog.queueLength(queued.getOrDefault(clientId, 0));
            }
        }
    }

    /**
     * The QoS 1 and 2 messages waiting in the sessions the broker keeps for clients that are not
     * connected (clean session off), by client id: what each will be sent when it comes back.
     * Sessions with nothing waiting are left out.
     */
    public Map<String, Integer> queuedForDisconnected() {
        Map<String, Integer> away = new TreeMap<>();
        queued.forEach((clientId, length) -> {
            if (!byClient.containsKey(clientId)) {
                away.put(clientId, length);
            }
        });
        return away;
    }

    /** Whether any client holds publishers back now: the fast path is one volatile read. */
    public boolean anyHoldingBack() {
        return holdingBack > 0;
    }

    /**
     * Waits while one of these clients holds back. Returns at once when none does.
     *
     * @param subscribers the clients that would receive the message about to be published
     */
    public void awaitRoomFor(Collection<String> subscribers) throws InterruptedException {
        lock.lock();
        try {
            while (holdsBack(subscribers)) {
                // The timeout only guards against a missed signal; every change signals.
                changed.await(100, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean holdsBack(Collection<String> subscribers) {
        if (holdingBack == 0) {
            return false;
        }
        for (String clientId : subscribers) {
            ClientBacklog backlog = byClient.get(clientId);
            if (backlog != null && backlog.holdsBack()) {
                return true;
            }
        }
        return false;
    }

    /** Stops reading from a client publisher while someone holds back; resumed when nobody does. */
    void pausePublisher(Channel channel) {
        if (pausedPublishers.add(channel)) {
            publisherPauses.incrementAndGet();
            channel.config().setAutoRead(false);
            if (holdingBack == 0) {
                resumePublishers();
            }
        }
    }

    /** Some client's state changed: recount, wake the waiting device, resume publishers when nobody holds back. */
    void changed() {
        lock.lock();
        try {
            int count = 0;
            for (ClientBacklog backlog : byClient.values()) {
                if (backlog.holdsBack()) {
                    count++;
                }
            }
            holdingBack = count;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (holdingBack == 0) {
            resumePublishers();
        }
    }

    private void resumePublishers() {
        for (Channel channel : pausedPublishers) {
            if (pausedPublishers.remove(channel)) {
                channel.config().setAutoRead(true);
            }
        }
    }

    void countDropped() {
        droppedQos0.incrementAndGet();
        listener.dropped(DropReason.SLOW_SUBSCRIBER);
    }

    void countDisconnected() {
        disconnected.incrementAndGet();
        listener.slowSubscriberDisconnected();
    }

    /** Whether nothing waits for any connected client: no bytes in its socket buffer, no queued QoS 1/2 message. */
    public boolean allDrained() {
        for (ClientBacklog backlog : byClient.values()) {
            if (backlog.channel().isActive() && !backlog.isDrained()) {
                return false;
            }
        }
        return true;
    }

    /** QoS 0 messages dropped for excused subscribers (drop-qos0 policy), since start. */
    public long droppedQos0Messages() {
        return droppedQos0.get();
    }

    /** Subscribers disconnected because they stopped reading, since start. */
    public long disconnectedSlowSubscribers() {
        return disconnected.get();
    }

    /** How often a client publisher was paused because a subscriber held back, since start. */
    public long publisherPauses() {
        return publisherPauses.get();
    }

    /** Clients behind now, excused ones included. */
    public int behindNow() {
        int count = 0;
        for (ClientBacklog backlog : byClient.values()) {
            if (backlog.isBehind()) {
                count++;
            }
        }
        return count;
    }
}
