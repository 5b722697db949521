package dev.jetemu.broker.fault;

import dev.jetemu.broker.observe.RepeatedPublish;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageFactory;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;

/**
 * Applies the drop and duplicate faults armed for one client, just in front of the broker engine:
 * the engine's writes reach it first and the client's acknowledgements pass it last, so the
 * engine's view of every QoS 1 and 2 delivery stays whole.
 * <ul>
 *   <li>A dropped PUBLISH is not written. At QoS 1 the engine is handed a PUBACK for it; at QoS 2
 *       a PUBREC, then a PUBCOMP for the PUBREL it answers with, which is not written either. The
 *       engine's in-flight window frees up and nothing is resent.</li>
 *   <li>A duplicated PUBLISH is written twice, back to back; at QoS 1 and 2 the copy has the DUP
 *       flag and the same packet id, and the second of the client's two PUBACKs (PUBRECs) is kept
 *       from the engine. Moquette 0.17 takes a second PUBREC for the end of the delivery, and the
 *       PUBCOMP that follows then finds nothing: the client would lose an in-flight slot. The copy
 *       is a {@link RepeatedPublish}, so that delivery metrics count the message once.</li>
 * </ul>
 * Resends (the engine's own DUP PUBLISHes) are not new messages, and faults leave them alone.
 * Everything but {@link #accepted} happens on the channel's event loop.
 */
public final class FaultHandler extends ChannelDuplexHandler {

    private final DeliveryFaults faults;
    private final Queue<ArmedFault> armed = new ArrayDeque<>();
    /** Dropped QoS 2 messages whose PUBREL the engine has not written yet. */
    private final Set<Integer> awaitingPubRel = new HashSet<>();
    /** Duplicated QoS 1 and 2 messages the client has not acknowledged yet. */
    private final Set<Integer> awaitingFirstAck = new HashSet<>();
    /** Duplicated messages acknowledged once: the next acknowledgement is the copy's. */
    private final Set<Integer> awaitingSecondAck = new HashSet<>();

    public FaultHandler(DeliveryFaults faults) {
        this.faults = faults;
    }

    /** Called on the channel's event loop once the engine has accepted the client under {@code clientId}. */
    public void accepted(Channel channel, String clientId) {
        faults.register(channel, clientId, this);
        channel.closeFuture().addListener(closed -> faults.unregister(channel));
    }

    /** Queues a fault behind those armed already. On the channel's event loop. */
    void arm(ArmedFault fault) {
        armed.add(fault);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttPublishMessage publish && !publish.fixedHeader().isDup()) {
            forgetStale(publish.variableHeader().packetId());
            ArmedFault fault = takeFaultFor(publish.variableHeader().topicName());
            if (fault != null) {
                switch (fault.kind()) {
                    case DROP -> drop(ctx, publish, promise);
                    case DUPLICATE -> duplicate(ctx, publish, promise);
                }
                return;
            }
        } else if (msg instanceof MqttMessage message && message.fixedHeader().messageType() == MqttMessageType.PUBREL
                && message.variableHeader() instanceof MqttMessageIdVariableHeader
                && awaitingPubRel.remove(packetId(message))) {
            promise.trySuccess();
            handToEngine(ctx, MqttMessageType.PUBCOMP, packetId(message));
            return;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage message && acknowledgesReceipt(message)) {
            int packetId = packetId(message);
            if (awaitingFirstAck.remove(packetId)) {
                awaitingSecondAck.add(packetId);
            } else if (awaitingSecondAck.remove(packetId)) {
                ReferenceCountUtil.release(msg);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private ArmedFault takeFaultFor(String topic) {
        for (Iterator<ArmedFault> faults = armed.iterator(); faults.hasNext(); ) {
            ArmedFault fault = faults.next();
            if (fault.appliesTo(topic)) {
                if (fault.take()) {
                    faults.remove();
                }
                return fault;
            }
        }
        return null;
    }

    /**
     * A packet id the engine uses again (after 65,535 others) starts a new delivery: what a client
     * that acknowledged a duplicate only once left behind must not catch the new one's acknowledgement.
     */
    private void forgetStale(int packetId) {
        if (packetId > 0 && !(awaitingPubRel.isEmpty() && awaitingFirstAck.isEmpty() && awaitingSecondAck.isEmpty())) {
            awaitingPubRel.remove(packetId);
            awaitingFirstAck.remove(packetId);
            awaitingSecondAck.remove(packetId);
        }
    }

    private void drop(ChannelHandlerContext ctx, MqttPublishMessage publish, ChannelPromise promise) {
        MqttQoS qos = publish.fixedHeader().qosLevel();
        int packetId = publish.variableHeader().packetId();
        ReferenceCountUtil.release(publish);
        promise.trySuccess();
        faults.dropped();
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            handToEngine(ctx, MqttMessageType.PUBACK, packetId);
        } else if (qos == MqttQoS.EXACTLY_ONCE) {
            awaitingPubRel.add(packetId);
            handToEngine(ctx, MqttMessageType.PUBREC, packetId);
        }
    }

    private void duplicate(ChannelHandlerContext ctx, MqttPublishMessage publish, ChannelPromise promise) {
        MqttFixedHeader header = publish.fixedHeader();
        boolean atMostOnce = header.qosLevel() == MqttQoS.AT_MOST_ONCE;
        MqttPublishMessage copy = new RepeatedPublish(
                new MqttFixedHeader(MqttMessageType.PUBLISH, !atMostOnce, header.qosLevel(), header.isRetain(), 0),
                publish.variableHeader(), publish.payload().retainedDuplicate());
        if (!atMostOnce) {
            awaitingFirstAck.add(publish.variableHeader().packetId());
        }
        ctx.write(publish, promise);
        ctx.write(copy);
        faults.duplicated();
    }

    /**
     * Hands the engine an acknowledgement as if the client had sent it. Queued behind the write in
     * progress, so that the engine is not re-entered from its own write.
     */
    private static void handToEngine(ChannelHandlerContext ctx, MqttMessageType type, int packetId) {
        MqttMessage acknowledgement = MqttMessageFactory.newMessage(
                new MqttFixedHeader(type, false, MqttQoS.AT_MOST_ONCE, false, 2),
                MqttMessageIdVariableHeader.from(packetId), null);
        ctx.executor().execute(() -> {
            // A closed connection's session may be bound to the client's next one, with other packet ids.
            if (ctx.channel().isActive()) {
                ctx.fireChannelRead(acknowledgement);
            }
        });
    }

    /** PUBACK ends a QoS 1 delivery, PUBREC the first half of a QoS 2 one: a duplicate is acknowledged twice. */
    private static boolean acknowledgesReceipt(MqttMessage message) {
        MqttMessageType type = message.fixedHeader().messageType();
        return (type == MqttMessageType.PUBACK || type == MqttMessageType.PUBREC)
                && message.variableHeader() instanceof MqttMessageIdVariableHeader;
    }

    private static int packetId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }
}
