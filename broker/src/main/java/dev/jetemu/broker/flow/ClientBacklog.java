package dev.jetemu.broker.flow;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * How far behind one connected client is, and the episode it is in: reading, behind (everyone
 * matching waits for it), or excused (behind, without taking anything for the grace period, under
 * the drop-qos0 policy: its QoS 0 messages are dropped and nobody waits for it).
 */
final class ClientBacklog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jetemu.broker.flow");


    private final String clientId;
    private final Channel channel;
    private final FlowSettings settings;
    private final Backlogs backlogs;

    private boolean bytesBehind;
    private boolean queueBehind;
    private int queueLength;
    private int unacknowledged;
    private long behindSinceNanos;
    /** When the client last took something: a write to its socket completed, or it acknowledged a message. */
    private long progressNanos;
    private long lastPending;
    private ScheduledFuture<?> graceCheck;
    private volatile boolean behind;
    private volatile boolean excused;
    private long droppedThisEpisode;

    ClientBacklog(String clientId, Channel channel, FlowSettings settings, Backlogs backlogs) {
        this.clientId = clientId;
        this.channel = channel;
        this.settings = settings;
        this.backlogs = backlogs;
        this.progressNanos = System.nanoTime();
    }

    String clientId() {
        return clientId;
    }

    Channel channel() {
        return channel;
    }

    /** Behind, and not excused: publishers matching it must wait. */
    boolean holdsBack() {
        return behind && !excused;
    }

    boolean isBehind() {
        return behind;
    }

    boolean isExcused() {
        return excused;
    }

    /** Bytes waiting in the socket's outbound buffer; call on the channel's event loop. */
    static long pendingBytes(Channel channel) {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    /** What waits for this client now, for display; read from any thread, so possibly a moment old. */
    synchronized Waiting waiting() {
        return new Waiting(pendingBytes(channel), queueLength, unacknowledged);
    }

    /** Nothing waits for this client: no bytes in its socket buffer, no QoS 1/2 message queued or unacknowledged. */
    synchronized boolean isDrained() {
        return queueLength == 0 && unacknowledged == 0 && pendingBytes(channel) == 0;
    }

    /**
     * How many QoS 1 and 2 messages the client has been sent and not yet acknowledged (Moquette
     * sends at most ten; the rest wait in the session queue, counted in {@link #queueLength}).
     * Reported when the client is dealt with, and part of being drained.
     */
    synchronized void unacknowledged(int count) {
        if (count < unacknowledged) {
            progressNanos = System.nanoTime();
        }
        unacknowledged = count;
    }

    synchronized boolean bytesBehind() {
        return bytesBehind;
    }

    synchronized void outboundBytes(long pending) {
        if (pending < lastPending) {
            progressNanos = System.nanoTime();
        }
        lastPending = pending;
        if (!bytesBehind && pending > settings.highWaterBytes()) {
            bytesBehind = true;
        } else if (bytesBehind && pending < settings.lowWaterBytes()) {
            bytesBehind = false;
        } else {
            return;
        }
        update();
    }

    synchronized void queueLength(int length) {
        queueLength = length;
        if (!queueBehind && length > settings.highWaterMessages()) {
            queueBehind = true;
        } else if (queueBehind && length < settings.lowWaterMessages()) {
            queueBehind = false;
        } else {
            return;
        }
        update();
    }

    /** A QoS 0 message for an excused client was dropped. */
    synchronized void dropped() {
        droppedThisEpisode++;
        backlogs.countDropped();
    }

    private void update() {
        boolean now = bytesBehind || queueBehind;
        if (now && !behind) {
            behind = true;
            behindSinceNanos = System.nanoTime();
            long graceNanos = settings.gracePeriod().toNanos();
            graceCheck = channel.eventLoop().schedule(this::graceExpired, graceNanos, TimeUnit.NANOSECONDS);
            backlogs.changed();
        } else if (!now && behind) {
            behind = false;
            if (graceCheck != null) {
                graceCheck.cancel(false);
            }
            if (excused) {
                excused = false;
                LOG.info("Client {} from {} caught up; {} QoS 0 messages were dropped for it while it was behind",
                        clientId, address(), droppedThisEpisode);
            }
            droppedThisEpisode = 0;
            backlogs.changed();
        }
    }

    /**
     * The grace period has passed since the client fell behind, or since it last took something: a
     * client that is still taking messages (one that reconnected to a long queue, say) is slow, not
     * stopped, and is given another grace period from its last progress.
     */
    private synchronized void graceExpired() {
        if (!behind || !channel.isActive()) {
            return;
        }
        long now = System.nanoTime();
        long quietSince = progressNanos - behindSinceNanos > 0 ? progressNanos : behindSinceNanos;
        long graceNanos = settings.gracePeriod().toNanos();
        if (now - quietSince < graceNanos) {
            graceCheck = channel.eventLoop().schedule(this::graceExpired, quietSince + graceNanos - now,
                    TimeUnit.NANOSECONDS);
            return;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(now - behindSinceNanos);
        String backlog = pendingBytes(channel) + " bytes, " + unacknowledged + " unacknowledged and "
                + queueLength + " queued QoS 1/2 messages";
        if (settings.policy() == SlowSubscriberPolicy.DROP_QOS0 && !queueBehind) {
            excused = true;
            LOG.warn("Client {} from {} has not read for {} s ({} waiting); dropping its QoS 0 messages until it "
                    + "catches up (slow-subscriber policy drop-qos0)", clientId, address(), seconds, backlog);
            backlogs.changed();
            return;
        }
        LOG.warn("Disconnected client {} from {}: it stopped reading or acknowledging; {} were waiting for it for {} s "
                + "(slow-subscriber policy {})", clientId, address(), backlog, seconds, settings.policy().configName());
        backlogs.countDisconnected();
        channel.close();
    }

    private String address() {
        InetSocketAddress peer = (InetSocketAddress) channel.remoteAddress();
        if (peer == null) {
            return "unknown peer";
        }
        String host = peer.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + peer.getPort();
    }
}
