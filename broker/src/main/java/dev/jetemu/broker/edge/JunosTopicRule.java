package dev.jetemu.broker.edge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

/**
 * The device's topic tree is its own: a PUBLISH from an application under {@code /junos/} is
 * dropped. As the Mosquitto broker on the device does for a publish its ACL denies, the
 * publisher is not disconnected and its QoS 1 or 2 flow is completed (PUBACK, or PUBREC then
 * PUBCOMP), so a well-behaved client does not resend; nobody receives the message. The first
 * refusal of each connection is logged, every one is reported to the listener.
 */
final class JunosTopicRule extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jetemu.broker.access");

    private final AccessListener listener;
    /** QoS 2 packet ids whose PUBREL must be answered here, since the engine never saw them. */
    private final Set<Integer> refusedExactlyOnce = new HashSet<>();
    private boolean logged;

    JunosTopicRule(AccessListener listener) {
        this.listener = listener;
    }

    /** True for the device's own tree: {@code /junos} and everything under it. */
    static boolean isDeviceTopic(String topic) {
        return topic.equals("/junos") || topic.startsWith("/junos/");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttPublishMessage publish && isDeviceTopic(publish.variableHeader().topicName())) {
            try {
                refuse(ctx, publish);
            } finally {
                ReferenceCountUtil.release(msg);
            }
            return;
        }
        if (msg instanceof MqttMessage message
                && message.fixedHeader().messageType() == MqttMessageType.PUBREL
                && message.variableHeader() instanceof MqttMessageIdVariableHeader id
                && refusedExactlyOnce.remove(id.messageId())) {
            ctx.writeAndFlush(ack(MqttMessageType.PUBCOMP, id.messageId()));
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void refuse(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        String topic = publish.variableHeader().topicName();
        InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
        String clientId = ClientAttributes.clientId(ctx.channel());
        if (!logged) {
            logged = true;
            LOG.warn("Dropped a publish by client {} from {} to {}: applications may not publish under /junos/, "
                    + "the device's own tree (further ones on this connection are dropped without a log line)",
                    clientId, EdgeLog.address(peer), topic);
        }
        listener.publishRefused(peer, clientId, topic);
        int packetId = publish.variableHeader().packetId();
        MqttQoS qos = publish.fixedHeader().qosLevel();
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(ack(MqttMessageType.PUBACK, packetId));
        } else if (qos == MqttQoS.EXACTLY_ONCE) {
            refusedExactlyOnce.add(packetId);
            ctx.writeAndFlush(ack(MqttMessageType.PUBREC, packetId));
        }
    }

    private static MqttMessage ack(MqttMessageType type, int packetId) {
        return new MqttMessage(new MqttFixedHeader(type, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(packetId));
    }
}
