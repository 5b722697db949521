package dev.jetemu.broker.moquette;

import dev.jetemu.broker.flow.Backlogs;
import io.moquette.broker.ClientDescriptor;
import io.moquette.broker.EmbeddedCore;
import io.moquette.broker.MoquetteIdleTimeoutHandler;
import io.moquette.broker.security.AcceptAllAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The one door to Moquette: every {@code io.moquette} import of jetemu is in this package (and
 * in the assembly class it uses, which Moquette 0.17 forces into its own package).
 *
 * <p>Moquette handles the MQTT protocol once a client is past the access edge: sessions,
 * subscriptions, routing, QoS 1 and 2. Access decisions are not left to it: its authenticator
 * does not see the client's address, so the edge decides before a client's bytes reach it,
 * and the engine is assembled to accept whoever the edge lets through.
 */
public final class MoquetteEngine implements AutoCloseable {

    /**
     * Capacity of each session loop's command queue (Moquette's default is 1,024). Every CONNECT,
     * PUBLISH and acknowledgement passes through these queues and a full queue drops the command,
     * CONNECTs included; a deeper queue costs a few hundred kilobytes of references.
     */
    public static final int SESSION_QUEUE_SIZE = 65_536;

    private final EmbeddedCore core;
    private final CountingQueues queues;
    private final ChannelHandler idleTimeoutHandler = new MoquetteIdleTimeoutHandler();

    private MoquetteEngine(EmbeddedCore core, CountingQueues queues) {
        this.core = core;
        this.queues = queues;
    }

    /** @param backlogs told the length of every session queue as it changes */
    public static MoquetteEngine start(Backlogs backlogs) {
        CountingQueues queues = new CountingQueues(EmbeddedCore.memoryQueues(), backlogs::queueLength);
        return new MoquetteEngine(EmbeddedCore.assemble(SESSION_QUEUE_SIZE, new AcceptAllAuthenticator(),
                new PermitAllAuthorizatorPolicy(), queues, new FilterTable(EmbeddedCore.treeDirectory())), queues);
    }

    /** The engine's MQTT handler, last in an admitted client's pipeline. */
    public ChannelHandler protocolHandler() {
        return core.channelHandler();
    }

    /**
     * Goes right in front of {@link #protocolHandler()}: keeps the acknowledgements of a connection
     * whose session a newer connection has taken over from the engine (see
     * {@code EmbeddedCore.acknowledgementGuard}).
     */
    public ChannelHandler acknowledgementGuard() {
        return core.acknowledgementGuard();
    }

    /** Closes a connection whose keep-alive expired; it acts on the idle events of the pipeline's IdleStateHandler. */
    public ChannelHandler idleTimeoutHandler() {
        return idleTimeoutHandler;
    }

    /** Whether the engine has accepted the client on this channel and will process its packets. */
    public boolean hasAccepted(Channel channel) {
        return EmbeddedCore.isConnected(channel);
    }

    /** The client id the engine knows the client on this channel by. */
    public String clientId(Channel channel) {
        return EmbeddedCore.clientId(channel);
    }

    /**
     * Makes the QoS 1 and 2 messages waiting in a clean session's queue count in its backlog, as
     * those of persistent sessions do. Call when the engine has accepted the client, before its
     * first SUBSCRIBE is handed over.
     */
    public void countSessionQueue(String clientId) {
        core.wrapCleanSessionQueue(clientId, queue -> queues.counted(clientId, queue));
    }

    /**
     * QoS 1 and 2 messages a subscriber may have unacknowledged; Mosquitto's default is 20,
     * Moquette's a fixed 10. Wider, a subscriber's round trips overlap more: its rate at QoS 1
     * is no longer bound by ten messages per pass through the engine's threads.
     */
    public static final int INFLIGHT_WINDOW = 64;

    /** Gives a newly accepted client's session the wider in-flight window; see {@link #INFLIGHT_WINDOW}. */
    public void widenInflightWindow(String clientId) {
        core.widenInflightWindow(clientId, INFLIGHT_WINDOW);
    }

    /**
     * The subscriptions the engine kept for a client's persistent session, filter to QoS: a client
     * that reconnects to its session holds them without subscribing again. Empty for a clean session.
     */
    public Map<String, Integer> keptSubscriptions(String clientId) {
        return core.keptSubscriptions(clientId);
    }

    /** Ids of the clients whose subscriptions match {@code topic}. */
    public Set<String> subscribersOf(String topic) {
        return core.subscribersOf(topic);
    }

    /**
     * Publishes as the device: to every matching subscription, without a client connection.
     *
     * @param payload released by the engine; every subscriber's PUBLISH carries a view of it
     * @return completed once the message has been handed to every matching session
     */
    public CompletableFuture<Void> publish(String topic, ByteBuf payload, int qos) {
        MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.valueOf(qos), false, 0);
        return core.internalPublish(new MqttPublishMessage(header, new MqttPublishVariableHeader(topic, 0),
                payload)).completableFuture();
    }

    public List<String> connectedClientIds() {
        return core.connectedClients().stream().map(ClientDescriptor::getClientID).toList();
    }

    public boolean disconnect(String clientId) {
        return core.disconnect(clientId);
    }

    @Override
    public void close() {
        core.close();
    }
}
