package dev.jetemu.broker.flow;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.ReferenceCountUtil;

import java.util.HashSet;
import java.util.Set;

/**
 * Watches one client's connection, just in front of the broker engine:
 * <ul>
 *   <li>after every message written to it, how many bytes wait in its socket's buffer (and,
 *       while it is behind, again as each write completes, to see it catch up);</li>
 *   <li>which QoS 1 and 2 messages it was sent and has not acknowledged;</li>
 *   <li>for an excused client (drop-qos0 policy), drops its QoS 0 PUBLISHes, counted;</li>
 *   <li>a PUBLISH it sends while some subscriber holds back stops reading from it, so TCP slows it.</li>
 * </ul>
 * The engine is registered once it has accepted the client ({@link #accepted}).
 */
public final class BacklogHandler extends ChannelDuplexHandler {

    private final Backlogs backlogs;
    private final Set<Integer> unacknowledged = new HashSet<>();
    private ClientBacklog backlog;

    public BacklogHandler(Backlogs backlogs) {
        this.backlogs = backlogs;
    }

    /** Called on the channel's event loop once the engine has accepted the client under {@code clientId}. */
    public void accepted(Channel channel, String clientId) {
        backlog = backlogs.register(clientId, channel);
        channel.closeFuture().addListener(closed -> backlogs.unregister(backlog));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (backlog == null) {
            ctx.write(msg, promise);
            return;
        }
        if (backlog.isExcused() && msg instanceof MqttPublishMessage publish
                && publish.fixedHeader().qosLevel() == MqttQoS.AT_MOST_ONCE) {
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
            backlog.dropped();
            return;
        }
        if (msg instanceof MqttPublishMessage publish && publish.fixedHeader().qosLevel() != MqttQoS.AT_MOST_ONCE
                && unacknowledged.add(publish.variableHeader().packetId())) {
            backlog.unacknowledged(unacknowledged.size());
        }
        ctx.write(msg, promise);
        Channel channel = ctx.channel();
        backlog.outboundBytes(ClientBacklog.pendingBytes(channel));
        if (backlog.bytesBehind()) {
            promise.addListener((ChannelFutureListener) written ->
                    backlog.outboundBytes(ClientBacklog.pendingBytes(channel)));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (backlog != null && msg instanceof MqttMessage message && acknowledgesDelivery(message)
                && message.variableHeader() instanceof MqttMessageIdVariableHeader id
                && unacknowledged.remove(id.messageId())) {
            backlog.unacknowledged(unacknowledged.size());
        }
        if (msg instanceof MqttPublishMessage && backlogs.anyHoldingBack()
                && (backlog == null || !backlog.isBehind())) {
            backlogs.pausePublisher(ctx.channel());
        }
        ctx.fireChannelRead(msg);
    }

    /** PUBACK ends a QoS 1 delivery, PUBCOMP a QoS 2 one. */
    private static boolean acknowledgesDelivery(MqttMessage message) {
        MqttMessageType type = message.fixedHeader().messageType();
        return type == MqttMessageType.PUBACK || type == MqttMessageType.PUBCOMP;
    }
}
