package dev.jetemu.broker;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One MQTT 3.1.1 client connection, driven by its own packets on a Netty event loop, so that a
 * thousand of them need two threads: CONNECT; when accepted, SUBSCRIBE, read a number of
 * PUBLISHes (acknowledging QoS 1), then leave as its plan says, or hold the connection. A refused connection ends with
 * the broker's close.
 *
 * <p>While it holds an accepted CONNACK it counts in {@link Places}; it stops counting before the
 * first byte of its leaving is sent, so the count can never include a client the broker may
 * already have let go of.
 */
final class MqttAttempt extends SimpleChannelInboundHandler<MqttMessage> {

    /** How an accepted client goes away. */
    enum Leave {
        /** DISCONNECT, then close. */
        DISCONNECT,
        /** Close the socket without a word (FIN). */
        CLOSE,
        /** Close with SO_LINGER 0: the broker sees a connection reset. */
        RESET
    }

    /**
     * @param filter   what to subscribe to, at {@code qos}; null subscribes to nothing
     * @param messages how many PUBLISHes to read before leaving; negative holds the connection
     *                 until {@link #leave} is called
     */
    record Plan(String clientId, String filter, int qos, int messages, Leave leave) {
    }

    /**
     * @param returnCode the CONNACK return code, or -1 when none arrived
     * @param problem    null when the conversation went as the protocol says
     */
    record Result(String clientId, int returnCode, int messagesRead, String problem) {

        boolean accepted() {
            return returnCode == 0;
        }
    }

    private final Plan plan;
    private final Places places;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private final CompletableFuture<Void> accepted = new CompletableFuture<>();
    private ChannelHandlerContext context;
    private int returnCode = -1;
    private int messagesRead;
    private boolean counted;
    private boolean leaving;
    private String problem;

    MqttAttempt(Plan plan, Places places) {
        this.plan = plan;
        this.places = places;
    }

    /** Completes once the connection is closed, however it ended. */
    CompletableFuture<Result> done() {
        return done;
    }

    /** Completes once the broker accepted the client (never, for a refused one). */
    CompletableFuture<Void> accepted() {
        return accepted;
    }

    /** Leaves now, from any thread: for a client that holds its connection. */
    void leave(Leave how) {
        context.executor().execute(() -> leaveNow(how));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        ctx.writeAndFlush(MqttMessageBuilders.connect()
                .clientId(plan.clientId())
                .protocolVersion(MqttVersion.MQTT_3_1_1)
                .cleanSession(true)
                .keepAlive(60)
                .build());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
        if (!msg.decoderResult().isSuccess()) {
            fail("undecodable packet: " + msg.decoderResult().cause());
            ctx.close();
            return;
        }
        MqttMessageType type = msg.fixedHeader().messageType();
        switch (type) {
            case CONNACK -> connAck(ctx, (MqttConnAckMessage) msg);
            case SUBACK -> subAck((MqttSubAckMessage) msg);
            case PUBLISH -> publish(ctx, (MqttPublishMessage) msg);
            default -> { } // PINGRESP and the like
        }
    }

    private void connAck(ChannelHandlerContext ctx, MqttConnAckMessage connAck) {
        MqttConnectReturnCode code = connAck.variableHeader().connectReturnCode();
        returnCode = code.byteValue() & 0xff;
        if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            return; // the broker closes the connection
        }
        counted = true;
        places.taken();
        accepted.complete(null);
        if (plan.filter() != null) {
            ctx.writeAndFlush(MqttMessageBuilders.subscribe()
                    .messageId(1)
                    .addSubscription(MqttQoS.valueOf(plan.qos()), plan.filter())
                    .build());
        }
        if (plan.messages() == 0) {
            leaveNow(plan.leave());
        }
    }

    private void subAck(MqttSubAckMessage subAck) {
        int granted = subAck.payload().grantedQoSLevels().get(0);
        if (granted != plan.qos()) {
            fail("SUBACK granted " + granted + ", asked " + plan.qos());
        }
    }

    private void publish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        if (leaving) {
            return;
        }
        if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build());
        }
        messagesRead++;
        if (messagesRead == plan.messages()) {
            leaveNow(plan.leave());
        }
    }

    private void leaveNow(Leave how) {
        if (leaving || !context.channel().isActive()) {
            return;
        }
        leaving = true;
        release();
        switch (how) {
            case DISCONNECT -> context.writeAndFlush(MqttMessage.DISCONNECT).addListener(ChannelFutureListener.CLOSE);
            case CLOSE -> context.close();
            case RESET -> {
                context.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                context.close();
            }
        }
    }

    private void release() {
        if (counted) {
            counted = false;
            places.released();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (returnCode == 0 && !leaving) {
            fail("the broker closed an accepted connection after " + messagesRead + " messages");
        }
        if (returnCode == -1) {
            fail("the connection closed before any CONNACK");
        }
        release();
        done.complete(new Result(plan.clientId(), returnCode, messagesRead, problem));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!leaving) {
            fail(cause.toString());
        }
        ctx.close();
    }

    private void fail(String what) {
        if (problem == null) {
            problem = what;
        }
    }

    /** The clients that hold an accepted CONNACK now, and the most that ever did at once. */
    static final class Places {
        private final AtomicInteger held;
        private final AtomicInteger most;

        /** @param alreadyHeld places held by clients this counter does not see, such as a Paho subscriber */
        Places(int alreadyHeld) {
            held = new AtomicInteger(alreadyHeld);
            most = new AtomicInteger(alreadyHeld);
        }

        void taken() {
            int now = held.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
        }

        void released() {
            held.decrementAndGet();
        }

        int held() {
            return held.get();
        }

        int most() {
            return most.get();
        }
    }
}
