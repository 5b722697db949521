package dev.jetemu.broker.clients;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows one client's SUBSCRIBE and UNSUBSCRIBE on their way to the engine, and records a
 * subscription when the engine's SUBACK grants it (a refused filter gets 0x80 and is not kept).
 */
public final class SubscriptionTracker extends ChannelDuplexHandler {

    private static final int FAILURE = 0x80;

    private final Subscriptions subscriptions;
    private final Map<Integer, List<MqttTopicSubscription>> awaitingSubAck = new HashMap<>();

    public SubscriptionTracker(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** Called on the channel's event loop once the engine has accepted the client under {@code clientId}. */
    public void accepted(Channel channel, String clientId) {
        subscriptions.connected(channel, clientId, (InetSocketAddress) channel.remoteAddress());
        channel.closeFuture().addListener(closed -> subscriptions.disconnected(channel));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttSubscribeMessage subscribe) {
            awaitingSubAck.put(subscribe.variableHeader().messageId(), subscribe.payload().topicSubscriptions());
        } else if (msg instanceof MqttUnsubscribeMessage unsubscribe) {
            unsubscribe.payload().topics().forEach(filter -> subscriptions.removed(ctx.channel(), filter));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttSubAckMessage subAck) {
            List<MqttTopicSubscription> requested = awaitingSubAck.remove(subAck.variableHeader().messageId());
            List<Integer> codes = subAck.payload().grantedQoSLevels();
            if (requested != null) {
                for (int i = 0; i < requested.size() && i < codes.size(); i++) {
                    if (codes.get(i) != FAILURE) {
                        subscriptions.granted(ctx.channel(), requested.get(i).topicName(), codes.get(i));
                    }
                }
            }
        }
        ctx.write(msg, promise);
    }
}
