package dev.jetemu.broker.moquette;

import dev.jetemu.broker.clients.TopicFilters;
import io.moquette.broker.ISubscriptionsRepository;
import io.moquette.broker.subscriptions.ISubscriptionsDirectory;
import io.moquette.broker.subscriptions.Subscription;
import io.moquette.broker.subscriptions.Topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's subscription directory, faster to match than Moquette's own: the subscriptions
 * grouped by filter, each distinct filter compared with the topic once, without allocating.
 *
 * <p>Moquette 0.17's tree builds a new topic object with a joined string for every level it
 * descends, which made matching about half of the device's publishing cost. Applications
 * subscribe to a handful of distinct filters (a thousand clients on {@code /junos/events/#} are
 * one filter here), so a flat scan over the filters is the cheaper search. Changes are rare next
 * to publishes: each one rebuilds an immutable snapshot that publishes read without a lock.
 * Moquette's own directory still records every change, for what it answers besides matching.
 */
final class FilterTable implements ISubscriptionsDirectory {

    private final ISubscriptionsDirectory tree;
    /** Filter → client id → subscription; guarded by {@code this}. */
    private final Map<String, Map<String, Subscription>> byFilter = new LinkedHashMap<>();
    private volatile Group[] groups = new Group[0];

    /** The subscriptions of one distinct filter. */
    private record Group(String filter, Subscription[] subscriptions) {
    }

    FilterTable(ISubscriptionsDirectory tree) {
        this.tree = tree;
    }

    @Override
    public synchronized void init(ISubscriptionsRepository repository) {
        tree.init(repository);
        byFilter.clear();
        for (Subscription subscription : repository.listAllSubscriptions()) {
            byFilter.computeIfAbsent(filterOf(subscription), filter -> new LinkedHashMap<>())
                    .put(subscription.getClientId(), subscription);
        }
        snapshot();
    }

    @Override
    public synchronized void add(Subscription subscription) {
        tree.add(subscription);
        // A client subscribing again to the same filter replaces its subscription, as in the tree.
        byFilter.computeIfAbsent(filterOf(subscription), filter -> new LinkedHashMap<>())
                .put(subscription.getClientId(), new Subscription(subscription));
        snapshot();
    }

    @Override
    public synchronized void removeSubscription(Topic filter, String clientId) {
        tree.removeSubscription(filter, clientId);
        Map<String, Subscription> clients = byFilter.get(filter.toString());
        if (clients != null && clients.remove(clientId) != null) {
            if (clients.isEmpty()) {
                byFilter.remove(filter.toString());
            }
            snapshot();
        }
    }

    @Override
    public List<Subscription> matchWithoutQosSharpening(Topic topic) {
        String name = topic.toString();
        List<Subscription> matched = new ArrayList<>();
        for (Group group : groups) {
            if (TopicFilters.matches(group.filter(), name)) {
                matched.addAll(List.of(group.subscriptions()));
            }
        }
        return matched;
    }

    /** Each client once, with the highest QoS of its matching subscriptions. */
    @Override
    public List<Subscription> matchQosSharpening(Topic topic) {
        String name = topic.toString();
        List<Subscription> matched = new ArrayList<>();
        int matchingFilters = 0;
        for (Group group : groups) {
            if (TopicFilters.matches(group.filter(), name)) {
                matched.addAll(List.of(group.subscriptions()));
                matchingFilters++;
            }
        }
        if (matchingFilters <= 1) {
            // One filter holds each client at most once.
            return matched;
        }
        Map<String, Subscription> byClient = new HashMap<>();
        for (Subscription subscription : matched) {
            byClient.merge(subscription.getClientId(), subscription,
                    (kept, other) -> kept.qosLessThan(other) ? other : kept);
        }
        return new ArrayList<>(byClient.values());
    }

    @Override
    public Set<String> listAllSessionIds() {
        return tree.listAllSessionIds();
    }

    @Override
    public int size() {
        return tree.size();
    }

    @Override
    public String dumpTree() {
        return tree.dumpTree();
    }

    private void snapshot() {
        groups = byFilter.entrySet().stream()
                .map(entry -> new Group(entry.getKey(), entry.getValue().values().toArray(Subscription[]::new)))
                .toArray(Group[]::new);
    }

    private static String filterOf(Subscription subscription) {
        return subscription.getTopicFilter().toString();
    }
}
