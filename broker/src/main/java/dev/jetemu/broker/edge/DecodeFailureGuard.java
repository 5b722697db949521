package dev.jetemu.broker.edge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;

/**
 * Closes a connection whose bytes are not MQTT 3.1.1 (or whose packet exceeds the size limit)
 * as a protocol violation, before the engine sees the broken packet and logs a stack trace.
 * Closes quietly a connection whose client closed its side (the connection allows half-closure,
 * so that the edge decides when to close: see {@link ConnectGate}), after the decoder before it
 * has passed on the packets that came before; and one that the client reset, at once.
 */
final class DecodeFailureGuard extends ChannelInboundHandlerAdapter {

    private final int maxMessageBytes;
    private final ProtocolViolations violations;

    DecodeFailureGuard(int maxMessageBytes, ProtocolViolations violations) {
        this.maxMessageBytes = maxMessageBytes;
        this.violations = violations;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage message && message.decoderResult().isFailure()) {
            DecoderResult result = message.decoderResult();
            ReferenceCountUtil.release(msg);
            if (result.cause() instanceof TooLongFrameException) {
                violations.close(ctx, ProtocolViolation.PACKET_TOO_LARGE,
                        "a packet exceeds the limit of " + maxMessageBytes + " bytes");
            } else {
                violations.close(ctx, ProtocolViolation.MALFORMED_PACKET,
                        "malformed MQTT packet (" + result.cause().getMessage() + ")");
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ChannelInputShutdownEvent.INSTANCE) {
            ConnectGate.close(ctx, true);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            ConnectGate.close(ctx, false);
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
