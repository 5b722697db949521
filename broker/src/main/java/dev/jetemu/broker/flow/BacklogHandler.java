package dev.jetemu.broker.flow;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.ReferenceCountUtil;

/**
 * Watches one client's connection, just in front of the broker engine:
 * <ul>
 *   <li>after every message written to it, how many bytes wait in its socket's buffer (and,
 *       while it is behind, again as each write completes, to see it catch up);</li>
 *   <li>for an excused client (drop-qos0 policy), drops its QoS 0 PUBLISHes, counted;</li>
 *   <li>a PUBLISH it sends while some subscriber holds back stops reading from it, so TCP slows it.</li>
 * </ul>
 * The engine is registered once it has accepted the client ({@link #accepted}).
 */
public final class BacklogHandler extends ChannelDuplexHandler {

    private final Backlogs backlogs;
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
        if (msg instanceof MqttPublishMessage && backlogs.anyHoldingBack()
                && (backlog == null || !backlog.isBehind())) {
            backlogs.pausePublisher(ctx.channel());
        }
        ctx.fireChannelRead(msg);
    }
}
