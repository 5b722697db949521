package dev.jetemu.broker.edge;

import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.clients.ClientMessages;
import dev.jetemu.broker.clients.PublishTap;
import dev.jetemu.broker.clients.SubscriptionTracker;
import dev.jetemu.broker.clients.Subscriptions;
import dev.jetemu.broker.fault.DeliveryFaults;
import dev.jetemu.broker.fault.FaultHandler;
import dev.jetemu.broker.flow.BacklogHandler;
import dev.jetemu.broker.flow.Backlogs;
import dev.jetemu.broker.moquette.MoquetteEngine;
import dev.jetemu.broker.observe.DeliveryListener;
import dev.jetemu.broker.observe.DeliveryTimer;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Decides, when a TCP connection is accepted and before any of its bytes are read, whether the
 * client is admitted (allow-clients on its peer address, then max-connections), and assembles
 * its pipeline accordingly: the engine's pipeline for an admitted client, a refusing one
 * otherwise.
 *
 * <p>What this edge costs: one prefix walk and one counter update per connection, and for an
 * admitted client a few small handlers in front of the engine (one steps aside, the others do a
 * type check per packet, and the packet screen reads the header and strings of each packet the
 * client sends, without copying it). Messages take no extra hop or copy: the engine runs in this
 * pipeline, and what it sends to clients passes none of these.
 */
final class EdgeChannelInitializer extends ChannelInitializer<SocketChannel> {

    /**
     * How long a client may take, from the opening of its connection, to send its whole CONNECT
     * before the connection is closed; then how long the engine may take to answer it.
     */
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** A refused client only ever sends a CONNECT; this bounds what is read from it. */
    private static final int REFUSED_CLIENT_MAX_BYTES = 64 * 1024;

    /** Flushes at most every this many writes while messages keep coming; see {@link #admit}. */
    private static final int WRITES_PER_FLUSH = 256;

    static final String FLUSHES = "flushes";
    static final String IDLE_EVENT = "idleEventHandler";
    static final String SCREEN = "packetScreen";
    static final String DECODER = "decoder";
    static final String ENCODER = "encoder";
    static final String DELIVERY = "delivery";
    static final String DECODE_GUARD = "decodeGuard";
    static final String CONNECT_GATE = "connectGate";
    static final String TOPIC_RULE = "junosTopicRule";
    static final String BACKLOG = "backlog";
    static final String SUBSCRIPTIONS = "subscriptions";
    static final String PUBLISH_TAP = "publishTap";
    static final String FAULTS = "faults";
    static final String ACKNOWLEDGEMENT_GUARD = "acknowledgementGuard";
    static final String ENGINE = "engine";
    static final String REFUSER = "refuser";

    private final BrokerSettings settings;
    private final MoquetteEngine engine;
    private final ConnectionLimiter limiter;
    private final AccessListener listener;
    private final ProtocolViolations violations;
    private final Refusals refusals;
    private final Backlogs backlogs;
    private final Subscriptions subscriptions;
    private final ClientMessages clientMessages;
    private final DeliveryFaults faults;
    /** Null when nobody listens: then a client's pipeline has no delivery handler at all. */
    private final DeliveryTimer deliveryTimer;
    private final ChannelGroup clients = new DefaultChannelGroup("mqtt-clients", GlobalEventExecutor.INSTANCE);

    EdgeChannelInitializer(BrokerSettings settings, MoquetteEngine engine, Observers observers) {
        this.settings = settings;
        this.backlogs = observers.backlogs();
        this.subscriptions = observers.subscriptions();
        this.clientMessages = observers.clientMessages();
        this.faults = observers.faults();
        this.engine = engine;
        this.limiter = new ConnectionLimiter(settings.maxConnections());
        this.listener = observers.access();
        this.violations = new ProtocolViolations(listener);
        this.refusals = new Refusals(listener);
        this.deliveryTimer = observers.delivery() == DeliveryListener.NONE ? null
                : new DeliveryTimer(observers.delivery());
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        InetSocketAddress peer = channel.remoteAddress();
        Optional<AllowRule> rule = settings.allowClients().admitting(peer.getAddress());
        if (rule.isEmpty()) {
            refusals.refused(peer, Refusal.ALLOW_CLIENTS,
                    "Refused a connection from {}: the address is not in allow-clients {}; CONNACK 5 (not authorized)",
                    EdgeLog.address(peer), settings.allowClients().rules());
            refuse(channel, Refusal.ALLOW_CLIENTS);
            return;
        }
        if (!limiter.tryAcquire()) {
            refusals.refused(peer, Refusal.MAX_CONNECTIONS,
                    "Refused a connection from {}: max-connections {} reached; CONNACK 3 (server unavailable)",
                    EdgeLog.address(peer), limiter.limit().getAsInt());
            refuse(channel, Refusal.MAX_CONNECTIONS);
            return;
        }
        channel.closeFuture().addListener(closed -> {
            limiter.release();
            listener.connectionClosed(peer);
        });
        listener.connectionOpened(peer);
        clients.add(channel);
        // The client closing its side does not close the connection: the edge does (DecodeFailureGuard).
        channel.config().setAllowHalfClosure(true);
        admit(channel.pipeline());
    }

    /**
     * The pipeline of an admitted client, in order. Until its CONNECT, the connect gate's deadline
     * bounds the connection's life; once the engine accepts the client, it puts an idle handler for
     * the client's keep-alive first in the pipeline, whose events the idle event handler acts on.
     */
    private void admit(ChannelPipeline pipeline) {
        BacklogHandler backlog = new BacklogHandler(backlogs);
        SubscriptionTracker tracker = new SubscriptionTracker(subscriptions);
        PublishTap tap = new PublishTap(clientMessages);
        FaultHandler faultHandler = new FaultHandler(faults);
        // The engine flushes every message it writes, from its session threads: one system call
        // each. Consolidated, the flush runs once the writes queued on the channel's event loop so
        // far are done, so a burst leaves in a few large writes and a lone message at once.
        pipeline.addLast(FLUSHES, new FlushConsolidationHandler(WRITES_PER_FLUSH, true));
        pipeline.addLast(IDLE_EVENT, engine.idleTimeoutHandler());
        pipeline.addLast(SCREEN, new PacketScreen(settings.maxMessageBytes(), violations));
        pipeline.addLast(DECODER, new MqttDecoder(settings.maxMessageBytes()));
        pipeline.addLast(ENCODER, MqttEncoder.INSTANCE);
        if (deliveryTimer != null) {
            // Last before the encoder: behind every handler that drops or repeats a message.
            pipeline.addLast(DELIVERY, deliveryTimer);
        }
        pipeline.addLast(DECODE_GUARD, new DecodeFailureGuard(settings.maxMessageBytes(), violations));
        pipeline.addLast(CONNECT_GATE, new ConnectGate(settings.users(), refusals, violations, CONNECT_TIMEOUT_SECONDS,
                engine::hasAccepted,
                channel -> {
                    String clientId = engine.clientId(channel);
                    backlog.accepted(channel, clientId);
                    engine.countSessionQueue(clientId);
                    engine.widenInflightWindow(clientId);
                    tracker.accepted(channel, clientId);
                    tap.accepted(clientId);
                    faultHandler.accepted(channel, clientId);
                }));
        pipeline.addLast(TOPIC_RULE, new JunosTopicRule(listener));
        pipeline.addLast(PUBLISH_TAP, tap);
        pipeline.addLast(SUBSCRIPTIONS, tracker);
        pipeline.addLast(BACKLOG, backlog);
        // Behind the backlog: a dropped message never counts as unacknowledged, a duplicate once.
        pipeline.addLast(FAULTS, faultHandler);
        pipeline.addLast(ACKNOWLEDGEMENT_GUARD, engine.acknowledgementGuard());
        pipeline.addLast(ENGINE, engine.protocolHandler());
    }

    private void refuse(SocketChannel channel, Refusal refusal) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(DECODER, new MqttDecoder(REFUSED_CLIENT_MAX_BYTES));
        pipeline.addLast(ENCODER, MqttEncoder.INSTANCE);
        pipeline.addLast(REFUSER, new RefusingHandler(refusal, CONNECT_TIMEOUT_SECONDS));
    }

    /** Admitted client connections that are open; closed ones leave the group by themselves. */
    ChannelGroup clients() {
        return clients;
    }

    int openConnections() {
        return limiter.open();
    }
}
