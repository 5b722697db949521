package io.moquette.broker;

import io.moquette.BrokerConstants;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.CTrieSubscriptionDirectory;
import io.moquette.broker.subscriptions.ISubscriptionsDirectory;
import io.moquette.broker.subscriptions.Subscription;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.BrokerInterceptor;
import io.moquette.persistence.MemorySessionsRepository;
import io.moquette.persistence.MemorySubscriptionsRepository;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

import java.lang.reflect.Field;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * Moquette 0.17's MQTT protocol engine (sessions, subscriptions, routing) without its network
 * acceptor, so that jetemu's own Netty server can put the engine's channel handler behind the
 * access edge.
 *
 * <p>Why this class sits in Moquette's package: in 0.17 the engine's constructors are
 * package-private and {@code Server.startServer} binds its own sockets, where no component of
 * ours could see a client before the engine does. This is the only class of ours in this
 * package; it assembles the engine the way {@code Server.startServer} does, in memory only
 * (no H2 store, no telemetry, no string-keyed configuration), and exposes nothing but JDK,
 * Netty and public Moquette types. Only {@code dev.jetemu.broker.moquette} uses it.
 */
public final class EmbeddedCore implements AutoCloseable {

    /** A session's queue of messages not yet sent, private and final in Moquette 0.17. */
    private static final Field SESSION_QUEUE = sessionField("sessionQueue");
    /** A session's messages sent and not yet acknowledged, by packet id. */
    private static final Field INFLIGHT_WINDOW = sessionField("inflightWindow");
    /** When each of those is to be sent again. */
    private static final Field INFLIGHT_TIMEOUTS = sessionField("inflightTimeouts");
    /** How many more messages the session may have in flight. */
    private static final Field INFLIGHT_SLOTS = sessionField("inflightSlots");
    /** Packet ids run from 1 to 65535 and wrap; ids in one window lie within a few of each other. */
    private static final int PACKET_ID_HALF_RANGE = 32768;

    /** Where {@link NewNettyMQTTHandler} keeps a channel's connection. */
    private static final AttributeKey<Object> CONNECTION = AttributeKey.valueOf("connection");

    private final ScheduledExecutorService scheduler;
    private final BrokerInterceptor interceptor;
    private final SessionRegistry sessions;
    private final PostOffice postOffice;
    private final NewNettyMQTTHandler channelHandler;
    private final ChannelHandler acknowledgementGuard = new AcknowledgementGuard();

    private final ISubscriptionsDirectory subscriptions;

    private EmbeddedCore(int sessionQueueSize, IAuthenticator authenticator, IAuthorizatorPolicy authorizatorPolicy,
                         IQueueRepository queues, ISubscriptionsDirectory subscriptions) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "moquette-sessions-expiry");
            thread.setDaemon(true);
            return thread;
        });
        interceptor = new BrokerInterceptor(List.of());
        this.subscriptions = subscriptions;
        subscriptions.init(new MemorySubscriptionsRepository());
        Authorizator authorizator = new Authorizator(authorizatorPolicy);
        SessionEventLoopGroup loops = new SessionEventLoopGroup(interceptor, sessionQueueSize);
        sessions = new LeftDuringConnectRegistry(subscriptions, new MemorySessionsRepository(), queues,
                authorizator, scheduler, Clock.systemDefaultZone(), Session.INFINITE_EXPIRY, loops);
        postOffice = new PostOffice(subscriptions, new MemoryRetainedRepository(), sessions, interceptor,
                authorizator, loops);
        // Anonymous clients and empty client ids (clean sessions only) are accepted, as by the
        // Mosquitto broker on the device; credentials are checked by the access edge.
        BrokerConfiguration configuration = new BrokerConfiguration(true, true, false,
                BrokerConstants.IMMEDIATE_BUFFER_FLUSH);
        channelHandler = new RequeuingHandler(
                new MQTTConnectionFactory(configuration, authenticator, sessions, postOffice), this);
    }

    /**
     * @param sessionQueueSize   capacity of each session event loop's command queue
     * @param authenticator      consulted for CONNECTs that carry a user name
     * @param authorizatorPolicy consulted for client PUBLISH and SUBSCRIBE
     * @param queues             where sessions keep the QoS 1 and 2 messages they cannot send yet
     * @param subscriptions      the directory that stores subscriptions and matches topics against them
     */
    public static EmbeddedCore assemble(int sessionQueueSize, IAuthenticator authenticator,
                                        IAuthorizatorPolicy authorizatorPolicy, IQueueRepository queues,
                                        ISubscriptionsDirectory subscriptions) {
        return new EmbeddedCore(sessionQueueSize, authenticator, authorizatorPolicy, queues, subscriptions);
    }

    /** Moquette's own subscription directory, a concurrent trie. */
    public static ISubscriptionsDirectory treeDirectory() {
        return new CTrieSubscriptionDirectory();
    }

    /** A fresh in-memory queue repository, Moquette's own. */
    public static IQueueRepository memoryQueues() {
        return new MemoryQueueRepository();
    }

    /** The session registry, for tests of this package. */
    SessionRegistry sessions() {
        return sessions;
    }

    /** The engine's handler: the last one in a client channel's pipeline, after the MQTT codec. Sharable. */
    public ChannelHandler channelHandler() {
        return channelHandler;
    }

    /**
     * The handler to put right in front of {@link #channelHandler()}: it hands a client's PUBACK,
     * PUBREC, PUBCOMP and PUBREL to its session only while that session is still bound to the
     * connection they arrived on. Sharable.
     *
     * <p>Moquette 0.17 applies them to the session the connection was once bound to, even after a
     * new connection under the same client id has taken the session over and the engine has
     * released the session's in-flight messages (without forgetting them). A late PUBACK on the
     * old connection then releases its message a second time. Every subscriber's copy of a device
     * message shares one buffer, so another subscriber's message is freed under it, and the
     * session loop thread that next touches it throws and dies: every client whose id that loop
     * serves waits forever for its CONNACK and its messages. An application that reconnects under
     * its id while its old connection still acknowledges is enough.
     */
    public ChannelHandler acknowledgementGuard() {
        return acknowledgementGuard;
    }

    /** Routes a message published by the device itself. The message's payload is released. */
    public RoutingResults internalPublish(MqttPublishMessage message) {
        try {
            return postOffice.internalPublish(message);
        } finally {
            message.payload().release();
        }
    }

    /**
     * Whether the engine has finished accepting the client on this channel. Moquette 0.17 marks
     * a connection connected in a listener of the CONNACK write, which can run after the client
     * already answered the CONNACK: a SUBSCRIBE read in between closes the connection and a QoS 0
     * PUBLISH is dropped. The edge holds the client's packets until this is true.
     */
    public static boolean isConnected(Channel channel) {
        Object connection = channel.attr(CONNECTION).get();
        return connection instanceof MQTTConnection mqttConnection && mqttConnection.isConnected();
    }

    /** The client id the engine gave the client on this channel (generated when the CONNECT had none). */
    public static String clientId(Channel channel) {
        return NettyUtils.clientID(channel);
    }

    /** Ids of the clients holding a subscription that matches {@code topic}, once each. */
    public Set<String> subscribersOf(String topic) {
        Set<String> clientIds = new HashSet<>();
        for (Subscription subscription : subscriptions.matchWithoutQosSharpening(new Topic(topic))) {
            clientIds.add(subscription.getClientId());
        }
        return clientIds;
    }

    /**
     * Wraps a clean session's message queue. Moquette 0.17 gives a clean session a queue of its
     * own rather than one from the queue repository, so the repository never sees the QoS 1 and 2
     * messages a clean-session subscriber has not been sent yet; wrapping it makes them countable.
     * Call once the engine has accepted the client and before it can have subscribed (the edge
     * holds its packets until then), so the queue is still empty.
     *
     * @return false when there is no such session, or it is not clean (its queue is the repository's)
     */
    public boolean wrapCleanSessionQueue(String clientId,
            UnaryOperator<SessionMessageQueue<SessionRegistry.EnqueuedMessage>> wrapper) {
        Session session = sessions.retrieve(clientId);
        if (session == null || !session.isClean()) {
            return false;
        }
        try {
            @SuppressWarnings("unchecked")
            SessionMessageQueue<SessionRegistry.EnqueuedMessage> queue =
                    (SessionMessageQueue<SessionRegistry.EnqueuedMessage>) SESSION_QUEUE.get(session);
            SESSION_QUEUE.set(session, wrapper.apply(queue));
            return true;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Moquette 0.17's Session.sessionQueue is not accessible", e);
        }
    }

    /**
     * Cleans up after a client that left while the engine was accepting its CONNECT (the edge holds
     * its own closes until the engine has answered, but a connection reset cannot wait). Moquette
     * 0.17 then fails to write the CONNACK and closes the session while it is still CONNECTING, a
     * state from which its disconnect does nothing and its purge throws: the session would stay in
     * the registry for ever, and the exception would be logged with a stack trace. Moving it to
     * DISCONNECTED first (never to CONNECTED, which the session loop's own clean-up of the lost
     * connection would act on at the same time) lets the purge run. Other states close as before.
     */
    private static final class LeftDuringConnectRegistry extends SessionRegistry {

        LeftDuringConnectRegistry(ISubscriptionsDirectory subscriptions, ISessionsRepository repository,
                                  IQueueRepository queues, Authorizator authorizator,
                                  ScheduledExecutorService scheduler, Clock clock, int expiry,
                                  SessionEventLoopGroup loops) {
            super(subscriptions, repository, queues, authorizator, scheduler, clock, expiry, loops);
        }

        @Override
        void connectionClosed(Session session) {
            session.assignState(Session.SessionStatus.CONNECTING, Session.SessionStatus.DISCONNECTED);
            super.connectionClosed(session);
        }
    }

    /**
     * Lets the client's session have up to {@code slots} QoS 1 and 2 messages unacknowledged,
     * instead of Moquette 0.17's fixed 10, which held a subscriber to 10 messages per round trip
     * through the engine's threads. Acts only while none is in flight, so the count stays exact.
     *
     * @return false when there is no such session or it already had messages in flight
     */
    public boolean widenInflightWindow(String clientId, int slots) {
        Session session = sessions.retrieve(clientId);
        if (session == null) {
            return false;
        }
        try {
            AtomicInteger free = (AtomicInteger) INFLIGHT_SLOTS.get(session);
            return free.compareAndSet(BrokerConstants.INFLIGHT_WINDOW_SIZE, slots);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Moquette 0.17's Session.inflightSlots is not accessible", e);
        }
    }

    /**
     * The subscriptions a persistent session kept for its client, filter to requested QoS in filter
     * order: a client that reconnects to its session holds them without subscribing again. Empty for
     * a clean session or an unknown client.
     */
    public Map<String, Integer> keptSubscriptions(String clientId) {
        Session session = sessions.retrieve(clientId);
        if (session == null || session.isClean()) {
            return Map.of();
        }
        Map<String, Integer> kept = new TreeMap<>();
        for (Subscription subscription : session.getSubscriptions()) {
            kept.put(subscription.getTopicFilter().toString(), subscription.getRequestedQos().value());
        }
        return kept;
    }

    /**
     * Puts the QoS 1 and 2 messages a persistent session had sent and not seen acknowledged back at
     * the head of its queue, in the order they were sent, once its connection is gone. Moquette 0.17
     * leaves them in the session's in-flight window under the old connection's packet ids; the next
     * connection numbers its packets from 1 again, so a new message can take an old one's id (and the
     * old message is released unsent), and the rest are sent again only by the five-second resend
     * timer, after newer messages. Requeued, they go out first on the next connection, in order, with
     * new packet ids (without the DUP flag: to the client they are new packets, which QoS 1 allows to
     * repeat). A QoS 2 message already acknowledged by PUBREC stays in the window: its PUBREL is what
     * is owed. Runs on the session's loop, after Moquette has handled the lost connection.
     */
    private void requeueInFlight(String clientId) {
        Session session = sessions.retrieve(clientId);
        if (session == null || session.isClean() || !session.disconnected()) {
            return;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<Integer, SessionRegistry.EnqueuedMessage> window =
                    (Map<Integer, SessionRegistry.EnqueuedMessage>) INFLIGHT_WINDOW.get(session);
            List<Integer> sent = window.entrySet().stream()
                    .filter(entry -> entry.getValue() instanceof SessionRegistry.PublishedMessage)
                    .map(Map.Entry::getKey)
                    .sorted(EmbeddedCore::inSendingOrder)
                    .toList();
            if (sent.isEmpty()) {
                return;
            }
            @SuppressWarnings("unchecked")
            SessionMessageQueue<SessionRegistry.EnqueuedMessage> queue =
                    (SessionMessageQueue<SessionRegistry.EnqueuedMessage>) SESSION_QUEUE.get(session);
            List<SessionRegistry.EnqueuedMessage> waiting = new ArrayList<>();
            for (SessionRegistry.EnqueuedMessage message = queue.dequeue(); message != null; message = queue.dequeue()) {
                waiting.add(message);
            }
            // The window's reference to each message passes to the queue, as Moquette passes it the other way.
            sent.forEach(packetId -> queue.enqueue(window.remove(packetId)));
            waiting.forEach(queue::enqueue);
            if (window.isEmpty()) {
                ((Collection<?>) INFLIGHT_TIMEOUTS.get(session)).clear();
            }
            ((AtomicInteger) INFLIGHT_SLOTS.get(session)).addAndGet(sent.size());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Moquette 0.17's Session fields are not accessible", e);
        }
    }

    /** Orders packet ids of one in-flight window as they were given out, across a wrap from 65535 to 1. */
    private static int inSendingOrder(int first, int second) {
        int difference = first - second;
        if (Math.abs(difference) > PACKET_ID_HALF_RANGE) {
            return -Integer.signum(difference);
        }
        return Integer.signum(difference);
    }

    private static Field sessionField(String name) {
        try {
            Field field = Session.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this is not Moquette 0.17: Session has no " + name, e);
        }
    }

    /** Moquette's handler, which also requeues a persistent session's in-flight messages when its connection is lost. */
    @ChannelHandler.Sharable
    private static final class RequeuingHandler extends NewNettyMQTTHandler {

        private final EmbeddedCore core;

        RequeuingHandler(MQTTConnectionFactory connections, EmbeddedCore core) {
            super(connections);
            this.core = core;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            String clientId = NettyUtils.clientID(ctx.channel());
            super.channelInactive(ctx);
            if (clientId != null && !clientId.isEmpty()) {
                // Behind the engine's own handling of the lost connection, on the same session loop.
                core.postOffice.routeCommand(clientId, "requeue in-flight", () -> {
                    core.requeueInFlight(clientId);
                    return null;
                });
            }
        }
    }

    public Collection<ClientDescriptor> connectedClients() {
        return sessions.listConnectedClients();
    }

    /** Closes the client's connection, keeping its session state. */
    public boolean disconnect(String clientId) {
        return sessions.dropSession(clientId, false);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        sessions.close();
        interceptor.stop();
        postOffice.terminate();
    }

    /** See {@link #acknowledgementGuard()}. The check runs on the session's loop, where takeovers happen. */
    @ChannelHandler.Sharable
    private final class AcknowledgementGuard extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Object connection = ctx.channel().attr(CONNECTION).get();
            String clientId = NettyUtils.clientID(ctx.channel());
            if (!(msg instanceof MqttMessage message) || !isAcknowledgement(message.fixedHeader().messageType())
                    || !(connection instanceof MQTTConnection mqttConnection) || clientId == null) {
                ctx.fireChannelRead(msg);
                return;
            }
            MqttMessageType type = message.fixedHeader().messageType();
            int packetId = ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
            postOffice.routeCommand(clientId, type.name(), () -> {
                Session session = sessions.retrieve(clientId);
                if (session != null && session.isBoundTo(mqttConnection)) {
                    acknowledge(session, mqttConnection, type, packetId);
                }
                return null;
            });
            ReferenceCountUtil.release(msg);
        }

        private static void forgetResendTimer(Session session, int packetId) {
            try {
                @SuppressWarnings("unchecked")
                Collection<Session.InFlightPacket> timers =
                        (Collection<Session.InFlightPacket>) INFLIGHT_TIMEOUTS.get(session);
                timers.removeIf(timer -> timer.packetId == packetId);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Moquette 0.17's Session.inflightTimeouts is not accessible", e);
            }
        }

        private static boolean isAcknowledgement(MqttMessageType type) {
            return type == MqttMessageType.PUBACK || type == MqttMessageType.PUBREC
                    || type == MqttMessageType.PUBCOMP || type == MqttMessageType.PUBREL;
        }

        /**
         * What Moquette 0.17's {@code MQTTConnection} does with each, on the session's loop, and
         * one thing more: the acknowledged message's resend timer is forgotten. Moquette leaves it
         * in place; once packet ids wrap around (every 65,535 messages) a stale timer makes the
         * next resend check send the message that took its id again, with DUP set, as soon as it
         * is sent, and often just before: ten QoS 1 subscribers at full speed saw it in every run.
         */
        private static void acknowledge(Session session, MQTTConnection connection, MqttMessageType type, int packetId) {
            switch (type) {
                case PUBACK -> {
                    forgetResendTimer(session, packetId);
                    session.pubAckReceived(packetId);
                }
                case PUBREC -> {
                    // Moquette sets the PUBREL's own timer as it takes the PUBREC.
                    forgetResendTimer(session, packetId);
                    session.processPubRec(packetId);
                }
                case PUBCOMP -> {
                    forgetResendTimer(session, packetId);
                    session.processPubComp(packetId);
                }
                case PUBREL -> {
                    session.receivedPubRelQos2(packetId);
                    connection.sendIfWritableElseDrop(new MqttMessage(
                            new MqttFixedHeader(MqttMessageType.PUBCOMP, false, MqttQoS.AT_MOST_ONCE, false, 0),
                            MqttMessageIdVariableHeader.from(packetId)));
                }
                default -> throw new IllegalArgumentException(type + " is not an acknowledgement");
            }
        }
    }
}
