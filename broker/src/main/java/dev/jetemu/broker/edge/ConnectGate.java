package dev.jetemu.broker.edge;

import dev.jetemu.broker.access.Credentials;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Guards the start of an admitted client's conversation, then steps out of the pipeline.
 * <ol>
 *   <li>The first packet must be a CONNECT (MQTT 3.1.1); anything else closes the connection.</li>
 *   <li>When users are configured, the CONNECT must carry one's name and password.</li>
 *   <li>Until the engine has accepted the client, the packets the client sends right behind its
 *       CONNECT are held back and then handed over in order. Moquette 0.17 would otherwise close
 *       the connection on an early SUBSCRIBE, or drop an early QoS 0 PUBLISH (see
 *       {@code EmbeddedCore.isConnected}).</li>
 * </ol>
 */
final class ConnectGate extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jetemu.broker.access");
    private static final long ENGINE_ACCEPT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private enum State { AWAITING_CONNECT, AWAITING_ENGINE }

    private final List<Credentials> users;
    private final AccessListener listener;
    private final Predicate<Channel> engineAccepted;
    private final Consumer<Channel> onAccepted;
    private final Queue<Object> heldBack = new ArrayDeque<>();
    private State state = State.AWAITING_CONNECT;

    /**
     * @param engineAccepted whether the engine has accepted the client on a channel
     * @param onAccepted     told once the engine has, on the channel's event loop, before any held packet moves on
     */
    ConnectGate(List<Credentials> users, AccessListener listener, Predicate<Channel> engineAccepted,
                Consumer<Channel> onAccepted) {
        this.users = users;
        this.listener = listener;
        this.engineAccepted = engineAccepted;
        this.onAccepted = onAccepted;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.AWAITING_ENGINE) {
            heldBack.add(msg);
            return;
        }
        if (!(msg instanceof MqttConnectMessage connect)
                || connect.fixedHeader().messageType() != MqttMessageType.CONNECT) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        ClientAttributes.clientId(ctx.channel(), connect.payload().clientIdentifier());
        Optional<Refusal> refusal = checkCredentials(connect);
        if (refusal.isPresent()) {
            refuse(ctx, connect, refusal.get());
            return;
        }
        state = State.AWAITING_ENGINE;
        ctx.channel().config().setAutoRead(false);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttConnAckMessage connAck
                && connAck.variableHeader().connectReturnCode() == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            long deadline = System.nanoTime() + ENGINE_ACCEPT_TIMEOUT_NANOS;
            promise.addListener((ChannelFutureListener) written -> {
                if (written.isSuccess()) {
                    handOverWhenEngineAccepted(ctx, deadline);
                }
            });
        }
        ctx.write(msg, promise);
    }

    /**
     * The engine marks the client connected in a task of this event loop queued when the CONNACK
     * was written; re-queueing the check puts it behind that task.
     */
    private void handOverWhenEngineAccepted(ChannelHandlerContext ctx, long deadline) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (engineAccepted.test(ctx.channel())) {
            handOver(ctx);
        } else if (System.nanoTime() - deadline > 0) {
            LOG.warn("Closed the connection of client {}: the broker engine did not complete its CONNECT",
                    ClientAttributes.clientId(ctx.channel()));
            ctx.close();
        } else {
            ctx.executor().execute(() -> handOverWhenEngineAccepted(ctx, deadline));
        }
    }

    private void handOver(ChannelHandlerContext ctx) {
        onAccepted.accept(ctx.channel());
        boolean any = !heldBack.isEmpty();
        Object msg;
        while ((msg = heldBack.poll()) != null) {
            ctx.fireChannelRead(msg);
        }
        if (any) {
            ctx.fireChannelReadComplete();
        }
        ctx.pipeline().remove(this);
        ctx.channel().config().setAutoRead(true);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        Object msg;
        while ((msg = heldBack.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        handlerRemoved(ctx);
        ctx.fireChannelInactive();
    }

    private void refuse(ChannelHandlerContext ctx, MqttConnectMessage connect, Refusal refusal) {
        InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
        LOG.warn("Refused client {} from {}: {} (user '{}'); CONNACK {}", connect.payload().clientIdentifier(),
                EdgeLog.address(peer),
                refusal == Refusal.NO_CREDENTIALS ? "no user name given" : "bad user name or password",
                connect.payload().userName(), refusal.returnCode().byteValue());
        listener.refused(peer, refusal);
        ReferenceCountUtil.release(connect);
        ConnAcks.refuseAndClose(ctx, refusal.returnCode());
    }

    private Optional<Refusal> checkCredentials(MqttConnectMessage connect) {
        if (users.isEmpty()) {
            return Optional.empty();
        }
        String username = connect.variableHeader().hasUserName() ? connect.payload().userName() : null;
        if (username == null) {
            return Optional.of(Refusal.NO_CREDENTIALS);
        }
        byte[] password = connect.variableHeader().hasPassword() ? connect.payload().passwordInBytes() : new byte[0];
        for (Credentials user : users) {
            if (user.username().equals(username)
                    && MessageDigest.isEqual(user.password().getBytes(StandardCharsets.UTF_8), password)) {
                return Optional.empty();
            }
        }
        return Optional.of(Refusal.BAD_CREDENTIALS);
    }
}
