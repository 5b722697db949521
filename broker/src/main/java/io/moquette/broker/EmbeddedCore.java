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
import io.netty.util.AttributeKey;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

import java.lang.reflect.Field;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
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
    private static final Field SESSION_QUEUE = sessionQueueField();

    /** Where {@link NewNettyMQTTHandler} keeps a channel's connection. */
    private static final AttributeKey<Object> CONNECTION = AttributeKey.valueOf("connection");

    private final ScheduledExecutorService scheduler;
    private final BrokerInterceptor interceptor;
    private final SessionRegistry sessions;
    private final PostOffice postOffice;
    private final NewNettyMQTTHandler channelHandler;

    private final ISubscriptionsDirectory subscriptions;

    private EmbeddedCore(int sessionQueueSize, IAuthenticator authenticator, IAuthorizatorPolicy authorizatorPolicy,
                         IQueueRepository queues) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "moquette-sessions-expiry");
            thread.setDaemon(true);
            return thread;
        });
        interceptor = new BrokerInterceptor(List.of());
        subscriptions = new CTrieSubscriptionDirectory();
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
        channelHandler = new NewNettyMQTTHandler(
                new MQTTConnectionFactory(configuration, authenticator, sessions, postOffice));
    }

    /**
     * @param sessionQueueSize   capacity of each session event loop's command queue
     * @param authenticator      consulted for CONNECTs that carry a user name
     * @param authorizatorPolicy consulted for client PUBLISH and SUBSCRIBE
     * @param queues             where sessions keep the QoS 1 and 2 messages they cannot send yet
     */
    public static EmbeddedCore assemble(int sessionQueueSize, IAuthenticator authenticator,
                                        IAuthorizatorPolicy authorizatorPolicy, IQueueRepository queues) {
        return new EmbeddedCore(sessionQueueSize, authenticator, authorizatorPolicy, queues);
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

    private static Field sessionQueueField() {
        try {
            Field field = Session.class.getDeclaredField("sessionQueue");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this is not Moquette 0.17: Session has no sessionQueue", e);
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
}
