package dev.jetemu.broker.clients;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/** Hands a copy of each message an application publishes to the {@link ClientMessages} listeners. */
public final class PublishTap extends ChannelInboundHandlerAdapter {

    private final ClientMessages messages;
    private String clientId = "?";

    public PublishTap(ClientMessages messages) {
        this.messages = messages;
    }

    /** The client id the engine accepted the client under. */
    public void accepted(String id) {
        clientId = id;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttPublishMessage publish && messages.anyListener()) {
            messages.published(clientId, publish.variableHeader().topicName(),
                    ByteBufUtil.getBytes(publish.payload()));
        }
        ctx.fireChannelRead(msg);
    }
}
