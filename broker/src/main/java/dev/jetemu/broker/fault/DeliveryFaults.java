package dev.jetemu.broker.fault;

import dev.jetemu.broker.clients.ClientIdPattern;
import dev.jetemu.broker.observe.DeliveryListener;
import dev.jetemu.broker.observe.DropReason;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults the broker causes its clients on request, as a device's bad day would: connections
 * closed, messages lost or received twice. Knows every client the engine has accepted and is
 * still connected; a fault reaches the clients connected when it is asked for, never later ones.
 * Safe to call from any thread; a call returns once the fault is in place.
 */
public final class DeliveryFaults implements FaultCounts {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jetemu.broker.fault");
    /** How long a call waits for one client's event loop to take a fault or close its connection. */
    private static final long CLIENT_WAIT_MILLIS = 1000;

    private record Client(String id, Channel channel, FaultHandler handler) {
    }

    private final Map<Channel, Client> clients = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final DeliveryListener listener;

    public DeliveryFaults() {
        this(DeliveryListener.NONE);
    }

    /** @param listener told of every message a fault drops or duplicates */
    public DeliveryFaults(DeliveryListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    void register(Channel channel, String clientId, FaultHandler handler) {
        clients.put(channel, new Client(clientId, channel, handler));
    }

    void unregister(Channel channel) {
        clients.remove(channel);
    }

    /**
     * Closes the TCP connection of every matching client, without a packet (MQTT 3.1.1 has no
     * server DISCONNECT), and waits until they are closed.
     *
     * @return how many connections were closed
     */
    public int disconnect(ClientIdPattern pattern) {
        List<Client> matching = matching(pattern);
        List<ChannelFuture> closing = matching.stream().map(client -> client.channel().close()).toList();
        for (ChannelFuture closed : closing) {
            if (!closed.channel().eventLoop().inEventLoop()) {
                closed.awaitUninterruptibly(CLIENT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        LOG.info("Closed the connections of {} matching {}{}", clients(matching.size()), pattern, ids(matching));
        return matching.size();
    }

    /**
     * Each matching client connected now misses its next {@code count} messages on topics matching
     * {@code topicFilter}; at QoS 1 and 2 the broker completes their delivery itself.
     *
     * @return how many clients the fault was armed for
     */
    public int dropNext(ClientIdPattern clients, String topicFilter, int count) {
        List<Client> armed = arm(ArmedFault.Kind.DROP, clients, topicFilter, count);
        LOG.info("Dropping the next {} on {} for {} matching {}{}", messages(count), topicFilter,
                clients(armed.size()), clients, ids(armed));
        return armed.size();
    }

    /**
     * Each matching client connected now receives its next {@code count} messages on topics
     * matching {@code topicFilter} twice, back to back; at QoS 1 and 2 the copy has the DUP flag.
     *
     * @return how many clients the fault was armed for
     */
    public int duplicateNext(ClientIdPattern clients, String topicFilter, int count) {
        List<Client> armed = arm(ArmedFault.Kind.DUPLICATE, clients, topicFilter, count);
        LOG.info("Sending the next {} on {} twice to {} matching {}{}", messages(count), topicFilter,
                clients(armed.size()), clients, ids(armed));
        return armed.size();
    }

    private List<Client> arm(ArmedFault.Kind kind, ClientIdPattern pattern, String topicFilter, int count) {
        Objects.requireNonNull(topicFilter, "topicFilter");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        return matching(pattern).stream()
                .filter(client -> armOn(client, new ArmedFault(kind, topicFilter, count)))
                .toList();
    }

    /** Arms on the client's event loop and waits for it, so that the next message written meets the fault. */
    private static boolean armOn(Client client, ArmedFault fault) {
        EventLoop loop = client.channel().eventLoop();
        if (loop.inEventLoop()) {
            return armIfOpen(client, fault);
        }
        try {
            Future<Boolean> armed = loop.submit(() -> armIfOpen(client, fault));
            return armed.awaitUninterruptibly(CLIENT_WAIT_MILLIS, TimeUnit.MILLISECONDS) && armed.isSuccess()
                    && armed.getNow();
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }

    private static boolean armIfOpen(Client client, ArmedFault fault) {
        if (!client.channel().isActive()) {
            return false;
        }
        client.handler().arm(fault);
        return true;
    }

    private List<Client> matching(ClientIdPattern pattern) {
        Objects.requireNonNull(pattern, "clients");
        return clients.values().stream()
                .filter(client -> pattern.matches(client.id()))
                .sorted(Comparator.comparing(Client::id))
                .toList();
    }

    private static String clients(int count) {
        return count == 1 ? "1 client" : count + " clients";
    }

    private static String messages(int count) {
        return count == 1 ? "message" : count + " messages";
    }

    private static String ids(List<Client> clients) {
        return clients.isEmpty() ? "" : ": " + String.join(", ", clients.stream().map(Client::id).toList());
    }

    void dropped() {
        dropped.incrementAndGet();
        listener.dropped(DropReason.FAULT);
    }

    void duplicated() {
        duplicated.incrementAndGet();
        listener.duplicated();
    }

    @Override
    public long droppedByFault() {
        return dropped.get();
    }

    @Override
    public long duplicatedByFault() {
        return duplicated.get();
    }
}
