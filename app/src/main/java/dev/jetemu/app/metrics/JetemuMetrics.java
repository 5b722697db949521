package dev.jetemu.app.metrics;

import dev.jetemu.broker.NotificationBroker;
import dev.jetemu.broker.edge.AccessListener;
import dev.jetemu.broker.observe.DeliveryListener;
import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.run.ScenarioResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The emulator's metrics, served as Prometheus text on {@code GET /metrics}: every {@code jetemu_*}
 * metric and the JVM's. One instance for the life of the process; the broker it observes may be
 * replaced ({@code restart-broker}) without any metric being registered again, since the counters
 * live here and the broker only calls the listeners.
 *
 * <pre>{@code
 * JetemuMetrics metrics = JetemuMetrics.create();
 * EmbeddedBroker broker = EmbeddedBroker.start(settings, metrics.accessListener(), metrics.deliveryListener());
 * metrics.watchBroker(() -> Optional.of(broker.broker()));
 * ScenarioResult result = new ScenarioRunner(..., metrics.runListener(progress), ...).run(scenario);
 * metrics.scenarioFinished(result);
 * String text = metrics.scrape();   // served with metrics.contentType()
 * }</pre>
 *
 * <table>
 *   <caption>Metrics, as Prometheus names them</caption>
 *   <tr><td>{@code jetemu_connections}</td><td>gauge: admitted client connections open now</td></tr>
 *   <tr><td>{@code jetemu_connections_opened_total}</td><td>admitted client connections</td></tr>
 *   <tr><td>{@code jetemu_refusals_total{reason}}</td><td>allow-clients, max-connections, credentials, topic-rule</td></tr>
 *   <tr><td>{@code jetemu_protocol_violations_total{kind}}</td><td>connections closed for breaking the protocol: malformed-packet,
 *       packet-too-large, packet-before-connect, second-connect, connect-timeout, connect-rejected</td></tr>
 *   <tr><td>{@code jetemu_subscriptions}</td><td>gauge: subscriptions held now (client and filter)</td></tr>
 *   <tr><td>{@code jetemu_events_published_total{type,operation}}</td><td>messages the device published</td></tr>
 *   <tr><td>{@code jetemu_messages_delivered_total}</td><td>PUBLISH packets written to clients</td></tr>
 *   <tr><td>{@code jetemu_messages_dropped_total{reason}}</td><td>slow-subscriber, fault</td></tr>
 *   <tr><td>{@code jetemu_messages_duplicated_total}</td><td>copies sent by duplicate faults</td></tr>
 *   <tr><td>{@code jetemu_delivery_latency_seconds}</td><td>histogram: device publish to write on a subscriber's socket</td></tr>
 *   <tr><td>{@code jetemu_delivery_latency_percentile_seconds{quantile}}</td><td>gauges: p50 and p99 of the last minute or two</td></tr>
 *   <tr><td>{@code jetemu_slow_subscribers_disconnected_total}</td><td>by the slow-subscriber policy</td></tr>
 *   <tr><td>{@code jetemu_scenario_steps_total}</td><td>top-level steps started</td></tr>
 *   <tr><td>{@code jetemu_scenarios_total{result}}</td><td>passed, failed</td></tr>
 *   <tr><td>{@code jetemu_scenario_failures_total}</td><td>scenarios that failed</td></tr>
 * </table>
 */
public final class JetemuMetrics implements AutoCloseable {

    /** The Prometheus text format, version 0.0.4: what {@link #scrape()} writes. */
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final AccessMetrics access;
    private final DeliveryMetrics delivery;
    private final ScenarioMetrics scenarios;
    private volatile Supplier<Optional<NotificationBroker>> broker;

    private JetemuMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        access = new AccessMetrics(registry);
        delivery = new DeliveryMetrics(registry);
        scenarios = new ScenarioMetrics(registry);
        Gauge.builder("jetemu.connections", this, JetemuMetrics::connections)
                .description("Admitted MQTT client connections open now")
                .strongReference(true)
                .register(registry);
        Gauge.builder("jetemu.subscriptions", this, JetemuMetrics::subscriptions)
                .description("Subscriptions the connected clients hold now, one per client and filter")
                .strongReference(true)
                .register(registry);
    }

    /** A Prometheus registry with the JVM's metrics (memory, GC, threads, class loading, processor, uptime) and jetemu's. */
    public static JetemuMetrics create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Pause compensation corrects a load generator's timings for coordinated omission; a latency
        // between two clock reads needs none, and the detector's bookkeeping doubled a timer's cost.
        registry.config().pauseDetector(new NoPauseDetector());
        return new JetemuMetrics(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every metric in the Prometheus text format, version 0.0.4. */
    public String scrape() {
        return registry.scrape(CONTENT_TYPE);
    }

    /** The {@code Content-Type} of what {@link #scrape()} returns. */
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** For the broker: counts connections opened and open, refusals by reason and protocol violations by kind. */
    public AccessListener accessListener() {
        return access;
    }

    /** For the broker: counts messages delivered, dropped by reason and duplicated, and times delivery. */
    public DeliveryListener deliveryListener() {
        return delivery;
    }

    /**
     * Reads {@code jetemu_subscriptions} and {@code jetemu_connections} from the broker running
     * now, asked at each scrape (a restart replaces it); empty while it is stopped, which reads 0.
     * Until this is called, {@code jetemu_connections} counts what {@link #accessListener()} was told.
     */
    public void watchBroker(Supplier<Optional<NotificationBroker>> broker) {
        this.broker = Objects.requireNonNull(broker, "broker");
    }

    /** Counts the steps started and the events published by type and operation, and passes both on to {@code next}. */
    public RunListener runListener(RunListener next) {
        return scenarios.listener(next);
    }

    /** Counts a scenario run by its result. */
    public void scenarioFinished(ScenarioResult result) {
        scenarios.finished(result);
    }

    private double connections() {
        Supplier<Optional<NotificationBroker>> watched = broker;
        return watched == null ? access.open() : fromBroker(watched, NotificationBroker::openConnections);
    }

    private double subscriptions() {
        Supplier<Optional<NotificationBroker>> watched = broker;
        return watched == null ? 0 : fromBroker(watched, running -> running.subscriptions().count());
    }

    private static double fromBroker(Supplier<Optional<NotificationBroker>> watched,
                                     ToIntFunction<NotificationBroker> value) {
        return watched.get().map(value::applyAsInt).orElse(0);
    }

    /** Stops listening to the JVM's garbage collection notifications. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
