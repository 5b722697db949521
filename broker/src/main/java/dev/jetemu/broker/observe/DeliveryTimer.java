package dev.jetemu.broker.observe;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/**
 * Reports every PUBLISH written to a client's socket to the {@link DeliveryListener}, with the
 * time since the device published it. Sits just before the encoder, behind every handler that may
 * drop or repeat a message, so it sees what the client is actually sent. Resends (DUP) and
 * duplicate-fault copies are not new deliveries and are passed over.
 *
 * <p>Per message: one unwrap walk, one listener on the write's promise, one clock read.
 * Stateless, so one instance serves every connection.
 */
@ChannelHandler.Sharable
public final class DeliveryTimer extends ChannelOutboundHandlerAdapter {

    private final DeliveryListener listener;

    public DeliveryTimer(DeliveryListener listener) {
        this.listener = listener;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttPublishMessage publish && !publish.fixedHeader().isDup()
                && !(msg instanceof RepeatedPublish)) {
            int qos = publish.fixedHeader().qosLevel().value();
            long published = PublishTimes.publishedNanos(publish.payload());
            ChannelPromise watched = promise.unvoid();
            watched.addListener((ChannelFutureListener) written -> {
                if (written.isSuccess()) {
                    listener.delivered(qos, published == DeliveryListener.LATENCY_UNKNOWN
                            ? DeliveryListener.LATENCY_UNKNOWN : System.nanoTime() - published);
                }
            });
            ctx.write(msg, watched);
            return;
        }
        ctx.write(msg, promise);
    }
}
