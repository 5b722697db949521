package dev.jetemu.broker.edge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Closes a connection whose bytes are not MQTT 3.1.1 (or whose packet exceeds the size limit)
 * with one log line, before the engine sees the broken packet and logs a stack trace.
 * Network errors (a peer resetting its connection) close quietly.
 */
final class DecodeFailureGuard extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jetemu.broker.protocol");

    private final int maxMessageBytes;

    DecodeFailureGuard(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage message && message.decoderResult().isFailure()) {
            DecoderResult result = message.decoderResult();
            ReferenceCountUtil.release(msg);
            InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
            if (result.cause() instanceof TooLongFrameException) {
                LOG.warn("Closed the connection of client {} from {}: a packet exceeds the limit of {} bytes",
                        ClientAttributes.clientId(ctx.channel()), EdgeLog.address(peer), maxMessageBytes);
            } else {
                LOG.info("Closed the connection of client {} from {}: malformed MQTT packet ({})",
                        ClientAttributes.clientId(ctx.channel()), EdgeLog.address(peer), result.cause().getMessage());
            }
            ctx.close();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
