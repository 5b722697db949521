package dev.jetemu.app.metrics;

import dev.jetemu.broker.edge.AccessListener;
import dev.jetemu.broker.edge.ProtocolViolation;
import dev.jetemu.broker.edge.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the access edge decides, counted: connections opened and open now, refusals by the rule
 * behind them, connections closed for protocol violations by kind. A refusal for credentials is
 * counted whether the user name was missing or wrong.
 */
final class AccessMetrics implements AccessListener {

    static final String TOPIC_RULE = "topic-rule";

    private final MeterRegistry registry;
    private final Counter opened;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final Map<ProtocolViolation, Counter> violations = new EnumMap<>(ProtocolViolation.class);

    AccessMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.opened = Counter.builder("jetemu.connections.opened")
                .description("MQTT client connections admitted by allow-clients and max-connections")
                .register(registry);
        for (Refusal refusal : Refusal.values()) {
            refusals(refusal.rule());
        }
        refusals(TOPIC_RULE);
        for (ProtocolViolation violation : ProtocolViolation.values()) {
            violations.put(violation, Counter.builder("jetemu.protocol.violations")
                    .description("Client connections closed for breaking the protocol: malformed-packet, "
                            + "packet-too-large, packet-before-connect, second-connect, connect-timeout, "
                            + "connect-rejected (CONNACK 1 or 2)")
                    .tag("kind", violation.label())
                    .register(registry));
        }
    }

    private Counter refusals(String reason) {
        return refusals.computeIfAbsent(reason, rule -> Counter.builder("jetemu.refusals")
                .description("Connections refused (allow-clients, max-connections, credentials) and publishes "
                        + "refused (topic-rule: applications may not publish under /junos/)")
                .tag("reason", rule)
                .register(registry));
    }

    /** Admitted connections open now, as this listener was told of them. */
    int open() {
        return open.get();
    }

    @Override
    public void connectionOpened(InetSocketAddress peer) {
        opened.increment();
        open.incrementAndGet();
    }

    @Override
    public void connectionClosed(InetSocketAddress peer) {
        open.decrementAndGet();
    }

    @Override
    public void refused(InetSocketAddress peer, Refusal refusal) {
        refusals(refusal.rule()).increment();
    }

    @Override
    public void protocolViolation(InetSocketAddress peer, ProtocolViolation violation) {
        violations.get(violation).increment();
    }

    @Override
    public void publishRefused(InetSocketAddress peer, String clientId, String topic) {
        refusals(TOPIC_RULE).increment();
    }
}
