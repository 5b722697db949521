package dev.jetemu.broker;

import dev.jetemu.broker.clients.ClientIdPattern;
import dev.jetemu.broker.clients.ClientMessages;
import dev.jetemu.broker.clients.Subscriptions;
import dev.jetemu.broker.edge.AccessListener;
import dev.jetemu.broker.edge.Observers;
import dev.jetemu.broker.edge.EdgeServer;
import dev.jetemu.broker.fault.DeliveryFaults;
import dev.jetemu.broker.fault.FaultCounts;
import dev.jetemu.broker.flow.Backlogs;
import dev.jetemu.broker.flow.FlowSettings;
import dev.jetemu.broker.moquette.MoquetteEngine;
import dev.jetemu.broker.observe.DeliveryListener;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * The notification broker of the emulated device: an MQTT 3.1.1 broker that applies the Junos
 * access rules (allow-clients, max-connections, credentials, the {@code /junos/} publish rule)
 * and that the device publishes into without a network hop.
 *
 * <pre>{@code
 * try (NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0))) {
 *     broker.publish("/junos/events/syslog/UI_COMMIT_COMPLETED", payload, 0);
 * }
 * }</pre>
 */
public final class NotificationBroker implements AutoCloseable {

    private final BrokerSettings settings;
    private final MoquetteEngine engine;
    private final EdgeServer edge;
    private final Observers observers;
    private final DeviceRouter deviceRouter;

    private NotificationBroker(BrokerSettings settings, MoquetteEngine engine, EdgeServer edge, Observers observers) {
        this.settings = settings;
        this.engine = engine;
        this.edge = edge;
        this.observers = observers;
        this.deviceRouter = new DeviceRouter(engine, observers.backlogs());
    }

    public static NotificationBroker start(BrokerSettings settings) throws BrokerStartException {
        return start(settings, AccessListener.NONE);
    }

    /** As {@link #start(BrokerSettings, AccessListener, DeliveryListener)}, nobody told of deliveries. */
    public static NotificationBroker start(BrokerSettings settings, AccessListener listener)
            throws BrokerStartException {
        return start(settings, listener, DeliveryListener.NONE);
    }

    /**
     * Starts the engine, then binds the port: once this returns, clients can connect.
     *
     * @param access   told of connections opened, closed and refused, and of refused publishes
     * @param delivery told of every message written to a client, dropped or duplicated, with the
     *                 device's publish-to-delivery latency; {@link DeliveryListener#NONE} costs nothing
     * @throws BrokerStartException when the port cannot be bound
     */
    public static NotificationBroker start(BrokerSettings settings, AccessListener access, DeliveryListener delivery)
            throws BrokerStartException {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(delivery, "delivery");
        Observers observers = new Observers(access, delivery, new Backlogs(settings.flow(), delivery),
                new Subscriptions(), new ClientMessages(), new DeliveryFaults(delivery));
        MoquetteEngine engine = MoquetteEngine.start(observers.backlogs());
        observers.subscriptions().keptBy(engine::keptSubscriptions);
        try {
            return new NotificationBroker(settings, engine, EdgeServer.bind(settings, engine, observers), observers);
        } catch (Exception e) {
            engine.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new BrokerStartException(describe(settings, e), e);
        }
    }

    private static String describe(BrokerSettings settings, Exception e) {
        String where = "port " + settings.port() + " on " + settings.bindAddress();
        if (e instanceof BindException) {
            return "cannot listen on " + where + ": " + e.getMessage()
                    + " (is another broker running? choose another port with --port)";
        }
        return "cannot listen on " + where + ": " + e;
    }

    public BrokerSettings settings() {
        return settings;
    }

    /** The address and port the broker listens on (the real port when settings asked for 0). */
    public InetSocketAddress localAddress() {
        return edge.localAddress();
    }

    public int port() {
        return localAddress().getPort();
    }

    /**
     * Publishes as the device: to every client whose subscription matches {@code topic}, in the
     * order of the calls. The message is routed on the broker's own thread, a short queue away;
     * the call waits while that queue is full, and the queue waits while a matching client is
     * behind (see {@link FlowSettings}), so that nothing is lost for a subscriber that keeps
     * reading, however fast the device publishes. One thread publishes. The delivery latency
     * reported to the {@link DeliveryListener} counts from this call, the waiting included.
     * {@code payload} is not copied: it must not change afterwards.
     *
     * @throws IllegalStateException when the broker could not route an earlier message
     */
    public void publish(String topic, byte[] payload, int qos) throws InterruptedException {
        deviceRouter.publish(topic, payload, qos, System.nanoTime());
    }

    /**
     * Waits until what the device published has left for every connected client: handed to the
     * sessions, then written to their sockets (QoS 1 and 2 messages acknowledged). Call before
     * {@link #close()} when the last messages matter, as at the end of a scenario run.
     *
     * @return false when something still waited after {@code timeout}
     */
    public boolean drain(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!deviceRouter.awaitRouted(timeout)) {
            return false;
        }
        while (!observers.backlogs().allDrained()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** The subscribers' backlogs: who is behind, what the slow-subscriber policy did. */
    public Backlogs backlogs() {
        return observers.backlogs();
    }

    /** The subscriptions of the clients connected now. */
    public Subscriptions subscriptions() {
        return observers.subscriptions();
    }

    /** Listeners to what applications publish through the broker. */
    public ClientMessages clientMessages() {
        return observers.clientMessages();
    }

    /** Ids of the clients that are connected now. */
    public List<String> connectedClientIds() {
        return engine.connectedClientIds();
    }

    /**
     * Closes the TCP connection of every connected client whose id matches, without a packet (MQTT
     * 3.1.1 has no server DISCONNECT), as a device does when its notification service restarts.
     *
     * @return how many connections were closed
     */
    public int disconnectClients(ClientIdPattern clients) {
        return observers.faults().disconnect(clients);
    }

    /**
     * Each matching client connected now misses its next {@code count} messages on topics matching
     * {@code topicFilter} (an MQTT filter). At QoS 1 and 2 the broker completes their delivery
     * itself, so nothing is resent and {@link #drain} is not held up.
     *
     * @return how many clients will miss messages
     */
    public int dropNext(ClientIdPattern clients, String topicFilter, int count) {
        return observers.faults().dropNext(clients, topicFilter, count);
    }

    /**
     * Each matching client connected now receives its next {@code count} messages on topics
     * matching {@code topicFilter} (an MQTT filter) twice, back to back; at QoS 1 and 2 the copy
     * has the DUP flag and the same packet id, as a resend after a lost acknowledgement has.
     *
     * @return how many clients will receive duplicates
     */
    public int duplicateNext(ClientIdPattern clients, String topicFilter, int count) {
        return observers.faults().duplicateNext(clients, topicFilter, count);
    }

    /** How many messages the drop and duplicate faults have affected so far. */
    public FaultCounts faults() {
        return observers.faults();
    }

    /** Client connections open now, counted as max-connections counts them. */
    public int openConnections() {
        return edge.openConnections();
    }

    /**
     * Stops accepting, closes every client connection and the engine; returns within about two
     * seconds. A broker can then start on the same port at once, connections in TIME_WAIT or not.
     */
    @Override
    public void close() {
        deviceRouter.close();
        edge.closeConnections();
        engine.close();
        edge.close();
    }
}
