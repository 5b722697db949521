package dev.jetemu.broker.clients;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The subscriptions of the clients connected now, as the broker granted them. A scenario's
 * {@code await-subscribers} counts them, and the control API lists them.
 */
public final class Subscriptions {

    private final Map<Object, Entry> byConnection = new ConcurrentHashMap<>();
    private volatile Function<String, Map<String, Integer>> kept = clientId -> Map.of();

    private static final class Entry {
        private final String clientId;
        private final InetSocketAddress address;
        private final Map<String, Integer> filters = new LinkedHashMap<>();

        Entry(String clientId, InetSocketAddress address) {
            this.clientId = clientId;
            this.address = address;
        }
    }

    /**
     * Where the subscriptions a client's persistent session kept are found (filter to QoS): a client
     * that reconnects with clean session off holds them without subscribing again.
     */
    public void keptBy(Function<String, Map<String, Integer>> lookup) {
        this.kept = lookup;
    }

    void connected(Object connection, String clientId, InetSocketAddress address) {
        Entry entry = new Entry(clientId, address);
        entry.filters.putAll(kept.apply(clientId));
        byConnection.put(connection, entry);
    }

    void disconnected(Object connection) {
        byConnection.remove(connection);
    }

    void granted(Object connection, String filter, int qos) {
        Entry entry = byConnection.get(connection);
        if (entry != null) {
            synchronized (entry) {
                entry.filters.put(filter, qos);
            }
        }
    }

    void removed(Object connection, String filter) {
        Entry entry = byConnection.get(connection);
        if (entry != null) {
            synchronized (entry) {
                entry.filters.remove(filter);
            }
        }
    }

    /** Connected clients holding a subscription that would receive some message published under {@code filter}. */
    public int countOverlapping(String filter) {
        int count = 0;
        for (Entry entry : byConnection.values()) {
            synchronized (entry) {
                if (entry.filters.keySet().stream().anyMatch(granted -> TopicFilters.overlap(granted, filter))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Subscriptions held now, one per client and filter. */
    public int count() {
        int count = 0;
        for (Entry entry : byConnection.values()) {
            synchronized (entry) {
                count += entry.filters.size();
            }
        }
        return count;
    }

    public List<ClientSubscriptions> snapshot() {
        List<ClientSubscriptions> clients = new ArrayList<>();
        for (Entry entry : byConnection.values()) {
            synchronized (entry) {
                clients.add(new ClientSubscriptions(entry.clientId, entry.address, entry.filters.entrySet().stream()
                        .map(filter -> new ClientSubscriptions.Subscription(filter.getKey(), filter.getValue()))
                        .toList()));
            }
        }
        return clients;
    }
}
