package dev.jetemu.broker.edge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole MQTT conversation with a refused client: its CONNECT is answered with the refusal's
 * return code and the connection is closed. It never reaches the broker engine, so it can
 * neither subscribe nor publish. Anything other than a CONNECT closes the connection at once, and
 * so does the connect timeout, however slowly the client's bytes trickle in.
 */
final class RefusingHandler extends ChannelInboundHandlerAdapter {

    private final Refusal refusal;
    private final long connectTimeoutSeconds;
    private ScheduledFuture<?> deadline;

    RefusingHandler(Refusal refusal, long connectTimeoutSeconds) {
        this.refusal = refusal;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> ctx.close(), connectTimeoutSeconds, TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof MqttMessage message
                    && message.decoderResult().isSuccess()
                    && message.fixedHeader().messageType() == MqttMessageType.CONNECT) {
                ConnAcks.refuseAndClose(ctx, refusal.returnCode());
            } else {
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
