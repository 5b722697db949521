package dev.jetemu.app.publish;

import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.BrokerStartException;
import dev.jetemu.broker.NotificationBroker;
import dev.jetemu.broker.clients.ClientIdPattern;
import dev.jetemu.broker.clients.ClientMessageListener;
import dev.jetemu.broker.clients.TopicFilters;
import dev.jetemu.broker.edge.AccessListener;
import dev.jetemu.broker.observe.DeliveryListener;
import dev.jetemu.sim.run.AppMessage;
import dev.jetemu.sim.run.BrokerControl;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.EventSink;
import dev.jetemu.sim.run.MessageWatch;
import dev.jetemu.sim.run.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The device publishing into jetemu's own broker, in-process: no TCP hop, and the broker's flow
 * control holds the device back while a subscriber is behind. Owns the broker, so that
 * {@code restart-broker} can stop it and start it again on the port it had.
 */
public final class EmbeddedBroker implements EventSink, BrokerView, BrokerControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    /** How long restart-broker waits for subscribers to receive what was already published. */
    private static final Duration DRAIN_BEFORE_STOP = Duration.ofSeconds(5);
    /** How long connections stay open once everything was sent, before the broker stops. */
    private static final Duration CLOSE_LINGER = Duration.ofMillis(500);

    private final BrokerSettings settings;
    private final AccessListener listener;
    private final DeliveryListener deliveryListener;
    /** The port the broker first bound (a free one for port 0), kept across restarts. */
    private final int port;
    private NotificationBroker broker;

    private EmbeddedBroker(BrokerSettings settings, AccessListener listener, DeliveryListener deliveryListener,
                           NotificationBroker broker) {
        this.settings = settings;
        this.listener = listener;
        this.deliveryListener = deliveryListener;
        this.broker = broker;
        this.port = broker.port();
    }

    public static EmbeddedBroker start(BrokerSettings settings) throws BrokerStartException {
        return start(settings, AccessListener.NONE);
    }

    public static EmbeddedBroker start(BrokerSettings settings, AccessListener listener) throws BrokerStartException {
        return start(settings, listener, DeliveryListener.NONE);
    }

    /** The listeners are passed again to each broker a restart starts, so what they count goes on. */
    public static EmbeddedBroker start(BrokerSettings settings, AccessListener listener,
                                       DeliveryListener deliveryListener) throws BrokerStartException {
        return new EmbeddedBroker(settings, listener, deliveryListener,
                NotificationBroker.start(settings, listener, deliveryListener));
    }

    /** The broker running now; a restart replaces it. */
    public synchronized NotificationBroker broker() {
        if (broker == null) {
            throw new SinkException("the broker is stopped (restart-broker) and not started again");
        }
        return broker;
    }

    /** The broker, unless a restart-broker step has it stopped right now. */
    public synchronized Optional<NotificationBroker> running() {
        return Optional.ofNullable(broker);
    }

    public InetSocketAddress localAddress() {
        return broker().localAddress();
    }

    /** The MQTT port: the one first bound, which a restart-broker step binds again. */
    public int port() {
        return port;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos) throws InterruptedException {
        broker().publish(topic, payload, qos);
    }

    @Override
    public int subscribersOverlapping(String filter) {
        return broker().subscriptions().countOverlapping(filter);
    }

    @Override
    public MessageWatch watch(String filter) {
        NotificationBroker watched = broker();
        CollectedMessages collected = new CollectedMessages();
        ClientMessageListener messages = (clientId, topic, payload) -> {
            if (TopicFilters.matches(filter, topic)) {
                collected.add(new AppMessage(clientId, topic, payload));
            }
        };
        watched.clientMessages().addListener(messages);
        return collected.onClose(() -> watched.clientMessages().removeListener(messages));
    }

    @Override
    public int disconnectClients(String clientPattern) {
        return broker().disconnectClients(ClientIdPattern.of(clientPattern));
    }

    @Override
    public int dropNext(String clientPattern, String filter, int count) {
        return broker().dropNext(ClientIdPattern.of(clientPattern), filter, count);
    }

    @Override
    public int duplicateNext(String clientPattern, String filter, int count) {
        return broker().duplicateNext(ClientIdPattern.of(clientPattern), filter, count);
    }

    /**
     * Waits until every subscriber has been sent everything published (and acknowledged it at QoS 1
     * and 2), then keeps the connections open a moment: some client libraries (Paho Java) drop the
     * few messages they hold when the connection closes under them. Before closing the broker.
     *
     * @return false when some subscriber was still behind after {@code patience}
     */
    public boolean settle(Duration patience) throws InterruptedException {
        return settle(broker(), patience);
    }

    private static boolean settle(NotificationBroker running, Duration patience) throws InterruptedException {
        if (!running.drain(patience)) {
            return false;
        }
        Thread.sleep(CLOSE_LINGER.toMillis());
        return true;
    }

    @Override
    public synchronized void stopBroker() throws InterruptedException {
        NotificationBroker running = broker();
        // What the device published before the step reaches its subscribers first, so that a
        // scenario says exactly which events a restart cut off: those after it.
        if (!settle(running, DRAIN_BEFORE_STOP)) {
            LOG.warn("restart-broker: some subscribers had not received every event after {} s; stopping anyway",
                    DRAIN_BEFORE_STOP.toSeconds());
        }
        LOG.info("restart-broker: stopping the broker on port {}", running.port());
        running.close();
        broker = null;
    }

    /** Starts the broker again on the port it had, so that clients reconnect to the same address. */
    @Override
    public synchronized void startBroker() {
        if (broker != null) {
            return;
        }
        try {
            broker = NotificationBroker.start(onPort(port), listener, deliveryListener);
        } catch (BrokerStartException e) {
            throw new SinkException("restart-broker: the broker could not listen again on port " + port + ": "
                    + e.getMessage(), e);
        }
        LOG.info("restart-broker: the broker listens again on port {}", port);
    }

    private BrokerSettings onPort(int samePort) {
        return new BrokerSettings(settings.bindAddress(), samePort, settings.allowClients(), settings.maxConnections(),
                settings.socketSendBufferSize(), settings.users(), settings.maxMessageBytes(), settings.flow());
    }

    @Override
    public synchronized void close() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
