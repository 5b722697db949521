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
import io.netty.util.AttributeKey;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Guards the start of an admitted client's conversation, then steps out of the pipeline.
 * <ol>
 *   <li>The first packet must be a CONNECT (MQTT 3.1.1), and it must arrive within the connect
 *       timeout of the connection's opening, however slowly its bytes trickle in; otherwise the
 *       connection is closed as a protocol violation.</li>
 *   <li>The CONNECT's protocol level must be MQTT 3.1.1's or 3.1's (else CONNACK 1), and an empty
 *       client id needs a clean session (else CONNACK 2): the checks the engine would make, made
 *       here so that they are counted as protocol violations and logged within their budget.</li>
 *   <li>When users are configured, the CONNECT must carry one's name and password.</li>
 *   <li>Until the engine has accepted the client, the packets the client sends right behind its
 *       CONNECT are held back and then handed over in order. Moquette 0.17 would otherwise close
 *       the connection on an early SUBSCRIBE, or drop an early QoS 0 PUBLISH (see
 *       {@code EmbeddedCore.isConnected}).</li>
 *   <li>Until the engine has answered the CONNECT, the edge does not close the connection (see
 *       {@link #close}), not even when the client closes its side: closed in between, the engine's
 *       CONNACK could not be written, which Moquette 0.17 handles badly (see {@code EmbeddedCore}).
 *       When a violation follows the CONNECT or the client resets the connection, it is closed once
 *       the engine has counted the client in, without a CONNACK; when the client closed its side,
 *       once it was answered and the packets it sent before were handed over.</li>
 * </ol>
 */
final class ConnectGate extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jetemu.broker.access");
    /** The gate of a connection whose CONNECT the engine is answering. */
    private static final AttributeKey<ConnectGate> ANSWERING = AttributeKey.valueOf("jetemu.engineAnswering");
    private static final long ENGINE_ACCEPT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MQTT_3_1 = 3;
    private static final int MQTT_3_1_1 = 4;

    private enum State { AWAITING_CONNECT, AWAITING_ENGINE }

    /** What to do once the engine has answered, when a close was asked for while it was answering. */
    private enum Pending { NOTHING, HAND_OVER_THEN_CLOSE, CLOSE }

    private final List<Credentials> users;
    private final Refusals refusals;
    private final ProtocolViolations violations;
    private final long connectTimeoutSeconds;
    private final Predicate<Channel> engineAccepted;
    private final Consumer<Channel> onAccepted;
    private final Queue<Object> heldBack = new ArrayDeque<>();
    private State state = State.AWAITING_CONNECT;
    /** Closes the connection when the client, then the engine, take too long; cancelled at the handover. */
    private ScheduledFuture<?> deadline;
    private Pending pending = Pending.NOTHING;

    /**
     * @param connectTimeoutSeconds how long a client has for its CONNECT, and then the engine for its answer
     * @param engineAccepted        whether the engine has accepted the client on a channel
     * @param onAccepted            told once the engine has, on the channel's event loop, before any held packet moves on
     */
    ConnectGate(List<Credentials> users, Refusals refusals, ProtocolViolations violations,
                long connectTimeoutSeconds, Predicate<Channel> engineAccepted, Consumer<Channel> onAccepted) {
        this.users = users;
        this.refusals = refusals;
        this.violations = violations;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.engineAccepted = engineAccepted;
        this.onAccepted = onAccepted;
    }

    /**
     * Closes an admitted client's connection; while the engine is answering its CONNECT, as soon as
     * it has answered.
     *
     * @param handOverFirst whether the client is still answered and the packets it sent behind its
     *                      CONNECT still handed over to the engine first: true when the client closed
     *                      its side, false for a protocol violation or a connection reset
     */
    static void close(ChannelHandlerContext ctx, boolean handOverFirst) {
        ConnectGate gate = ctx.channel().attr(ANSWERING).get();
        if (gate == null) {
            ctx.close();
        } else if (!handOverFirst) {
            gate.pending = Pending.CLOSE;
        } else if (gate.pending == Pending.NOTHING) {
            gate.pending = Pending.HAND_OVER_THEN_CLOSE;
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        restartDeadline(ctx);
        ctx.fireChannelActive();
    }

    private void restartDeadline(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        deadline = ctx.executor().schedule(() -> deadlinePassed(ctx), connectTimeoutSeconds, TimeUnit.SECONDS);
    }

    private void deadlinePassed(ChannelHandlerContext ctx) {
        ctx.channel().attr(ANSWERING).set(null);
        if (!ctx.channel().isActive() || ctx.isRemoved()) {
            return;
        }
        if (state == State.AWAITING_CONNECT) {
            violations.close(ctx, ProtocolViolation.CONNECT_TIMEOUT,
                    "no CONNECT within " + connectTimeoutSeconds + " s of connecting");
        } else {
            LOG.warn("Closed the connection of client {}: the broker engine did not answer its CONNECT within {} s",
                    ClientAttributes.clientId(ctx.channel()), connectTimeoutSeconds);
            ctx.close();
        }
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
            violations.close(ctx, ProtocolViolation.PACKET_BEFORE_CONNECT, "the first packet is not a CONNECT");
            return;
        }
        ClientAttributes.clientId(ctx.channel(), connect.payload().clientIdentifier());
        if (rejected(ctx, connect)) {
            return;
        }
        Optional<Refusal> refusal = checkCredentials(connect);
        if (refusal.isPresent()) {
            refuse(ctx, connect, refusal.get());
            return;
        }
        state = State.AWAITING_ENGINE;
        restartDeadline(ctx);
        ctx.channel().config().setAutoRead(false);
        ctx.channel().attr(ANSWERING).set(this);
        ctx.fireChannelRead(msg);
    }

    /** Answers a CONNECT that MQTT 3.1.1 has the broker refuse, as the engine would; true when it did. */
    private boolean rejected(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        int level = connect.variableHeader().version();
        String clientId = connect.payload().clientIdentifier();
        MqttConnectReturnCode code;
        String what;
        if (level != MQTT_3_1_1 && level != MQTT_3_1) {
            code = MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION;
            what = "protocol level " + level + " is not MQTT 3.1.1 (4) or 3.1 (3)";
        } else if ((clientId == null || clientId.isEmpty()) && !connect.variableHeader().isCleanSession()) {
            code = MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
            what = "an empty client id without a clean session";
        } else {
            return false;
        }
        violations.report(ctx.channel(), ProtocolViolation.CONNECT_REJECTED, what + "; CONNACK " + code.byteValue());
        ReferenceCountUtil.release(connect);
        ConnAcks.refuseAndClose(ctx, code);
        return true;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttConnAckMessage connAck
                && connAck.variableHeader().connectReturnCode() == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            long acceptBy = System.nanoTime() + ENGINE_ACCEPT_TIMEOUT_NANOS;
            promise.addListener((ChannelFutureListener) written -> {
                if (written.isSuccess()) {
                    handOverWhenEngineAccepted(ctx, acceptBy);
                }
            });
            if (pending == Pending.CLOSE) {
                // The connection closes once the engine counts the client in: a CONNACK would tell
                // the client otherwise, or fail on a connection it reset.
                ReferenceCountUtil.release(msg);
                promise.setSuccess();
                return;
            }
        }
        ctx.write(msg, promise);
    }

    /**
     * The engine marks the client connected in a task of this event loop queued when the CONNACK
     * was written; re-queueing the check puts it behind that task.
     */
    private void handOverWhenEngineAccepted(ChannelHandlerContext ctx, long acceptBy) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (engineAccepted.test(ctx.channel())) {
            ctx.channel().attr(ANSWERING).set(null);
            if (pending != Pending.CLOSE) {
                handOver(ctx);
            }
            if (pending != Pending.NOTHING) {
                ctx.channel().close();
            }
        } else if (System.nanoTime() - acceptBy > 0) {
            LOG.warn("Closed the connection of client {}: the broker engine did not complete its CONNECT",
                    ClientAttributes.clientId(ctx.channel()));
            ctx.close();
        } else {
            ctx.executor().execute(() -> handOverWhenEngineAccepted(ctx, acceptBy));
        }
    }

    private void handOver(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
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
        if (deadline != null) {
            deadline.cancel(false);
        }
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
        refusals.refused(peer, refusal, "Refused client {} from {}: {} (user '{}'); CONNACK {}",
                connect.payload().clientIdentifier(), EdgeLog.address(peer),
                refusal == Refusal.NO_CREDENTIALS ? "no user name given" : "bad user name or password",
                connect.payload().userName(), refusal.returnCode().byteValue());
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
