package dev.jetemu.bench.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;

import java.util.concurrent.CompletableFuture;

/**
 * What every client of the harness does: CONNECT (MQTT 3.1.1, clean session, as a JET
 * application connects) as soon as the connection is open, wait for the CONNACK, ping when idle,
 * and note why the connection ended. Subclasses handle the other packets, on the channel's
 * event loop thread.
 */
abstract class ClientHandler extends SimpleChannelInboundHandler<MqttMessage> {

    private static final MqttMessage PINGREQ = new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false,
            MqttQoS.AT_MOST_ONCE, false, 0));

    private final String clientId;
    /** Completed by the CONNACK that accepts the client. */
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile boolean closing;
    private volatile String lost;

    ClientHandler(String clientId) {
        this.clientId = clientId;
    }

    String clientId() {
        return clientId;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        ctx.writeAndFlush(MqttMessageBuilders.connect().clientId(clientId).protocolVersion(MqttVersion.MQTT_3_1_1)
                .cleanSession(true).keepAlive(ClientLoop.KEEP_ALIVE_SECONDS).build());
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            lost("a packet it could not decode: " + message.decoderResult().cause());
            ctx.close();
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (type == MqttMessageType.CONNACK) {
            MqttConnectReturnCode code = ((MqttConnAckMessage) message).variableHeader().connectReturnCode();
            if (code == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
                connected.complete(null);
                onConnected(ctx);
            } else {
                connected.completeExceptionally(new IllegalStateException(clientId + " was refused: " + code));
                ctx.close();
            }
        } else if (type != MqttMessageType.PINGRESP) {
            onMessage(ctx, message);
        }
    }

    /** The broker accepted the client. */
    void onConnected(ChannelHandlerContext ctx) {
    }

    /** A packet other than CONNACK and PINGRESP; released after this returns. */
    abstract void onMessage(ChannelHandlerContext ctx, MqttMessage message);

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.writeAndFlush(PINGREQ);
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        lost(String.valueOf(cause));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!closing) {
            lost("the broker closed the connection");
        }
        IllegalStateException gone = new IllegalStateException(clientId + ": " + lost);
        connected.completeExceptionally(gone);
        onClosed(gone);
        super.channelInactive(ctx);
    }

    /** The connection ended; whatever still waits on it must fail with {@code why}. */
    void onClosed(Exception why) {
    }

    private void lost(String why) {
        if (lost == null) {
            lost = why;
        }
    }

    /** Why the connection ended when the harness did not end it; null while it is open or was closed by the harness. */
    String connectionLost() {
        return closing ? null : lost;
    }

    /** Disconnects (DISCONNECT, then close) and waits a moment for it. */
    void disconnect() {
        closing = true;
        Channel open = channel;
        if (open != null && open.isActive()) {
            open.writeAndFlush(new MqttMessage(new MqttFixedHeader(MqttMessageType.DISCONNECT, false,
                    MqttQoS.AT_MOST_ONCE, false, 0)));
        }
        ClientLoop.closeQuietly(open);
    }
}
