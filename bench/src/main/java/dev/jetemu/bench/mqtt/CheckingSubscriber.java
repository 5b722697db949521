package dev.jetemu.bench.mqtt;

import dev.jetemu.bench.events.GeneratedEvents;
import dev.jetemu.bench.events.Stamp;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPubAckMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A subscriber of the harness: subscribes to {@code filter} at a QoS, acknowledges QoS 1
 * messages (PUBACK), and checks every message against the events published, in order
 * ({@link DeliveryCheck}); it notes when each message arrived. Its work per message is a topic
 * comparison and, as asked, a comparison of the payload with the one published or the reading of
 * the publish time the payload carries ({@link Stamp}).
 */
public final class CheckingSubscriber implements AutoCloseable {

    /** What is checked of each payload beyond its topic. */
    public enum Payloads {
        /** Byte for byte the payload published. */
        EXACT,
        /** Carries its publish time, which gives the event's latency. */
        STAMPED,
        /** Nothing: the topic names the event. */
        TOPIC_ONLY
    }

    private final Handler handler;

    private CheckingSubscriber(Handler handler) {
        this.handler = handler;
    }

    /**
     * Connects and subscribes; returns once the broker granted the subscription at {@code qos}.
     *
     * @throws Exception when it could not connect or subscribe within {@code timeout}
     */
    public static CheckingSubscriber subscribe(ClientLoop loop, int port, String clientId, String filter, int qos,
                                               GeneratedEvents expected, Payloads payloads, Duration timeout)
            throws Exception {
        Handler handler = new Handler(clientId, filter, qos, expected, payloads);
        ChannelFuture connecting = loop.connect(port, handler);
        try {
            if (!connecting.await(timeout.toMillis()) || !connecting.isSuccess()) {
                throw new IllegalStateException(clientId + " could not connect to port " + port + ": "
                        + connecting.cause());
            }
            handler.subscribed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            handler.disconnect();
            if (e.getCause() instanceof ClosedBeforeSubscribed closed) {
                throw closed;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            handler.disconnect();
            throw e;
        }
        return new CheckingSubscriber(handler);
    }

    /** The broker closed the connection before it granted the subscription: nothing was received yet. */
    public static final class ClosedBeforeSubscribed extends IllegalStateException {
        ClosedBeforeSubscribed(String message) {
            super(message);
        }
    }

    /** Messages received so far, copies included; for progress, read from any thread. */
    public long received() {
        return handler.received;
    }

    /** Whether every event has arrived. */
    public boolean complete() {
        return handler.completeNanos != 0;
    }

    /** When the last message arrived ({@link System#nanoTime()}), or 0. */
    public long lastReceivedNanos() {
        return handler.lastReceivedNanos;
    }

    /**
     * What the subscriber received, read on its channel's thread so that it is consistent.
     *
     * @param lossAllowed see {@link DeliveryCheck#problem(boolean)}
     */
    public Report report(boolean lossAllowed) throws InterruptedException {
        try {
            return handler.channel().eventLoop().submit(() -> handler.report(lossAllowed)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read what " + handler.clientId() + " received: " + e, e);
        }
    }

    /**
     * One subscriber's account.
     *
     * @param latencies for {@link Payloads#STAMPED}: nanoseconds from publish to arrival of each event
     *                  received (in the order published); empty otherwise
     */
    public record Report(String clientId, long received, int missing, int resends, Optional<String> problem,
                         long[] latencies) {
    }

    @Override
    public void close() {
        handler.disconnect();
    }

    private static final class Handler extends ClientHandler {

        private final String filter;
        private final int qos;
        private final GeneratedEvents expected;
        private final Payloads payloads;
        private final DeliveryCheck check;
        private final long[] latencies;
        private final java.util.concurrent.CompletableFuture<Integer> subscribed =
                new java.util.concurrent.CompletableFuture<>();
        private byte[] scratch = new byte[1024];
        private int hint;
        private boolean acknowledgementsPending;
        private volatile long received;
        private volatile long lastReceivedNanos;
        private volatile long completeNanos;

        Handler(String clientId, String filter, int qos, GeneratedEvents expected, Payloads payloads) {
            super(clientId);
            this.filter = filter;
            this.qos = qos;
            this.expected = expected;
            this.payloads = payloads;
            this.check = new DeliveryCheck(expected.size());
            this.latencies = payloads == Payloads.STAMPED ? new long[expected.size()] : new long[0];
            Arrays.fill(latencies, -1);
            if (expected.size() == 0) {
                completeNanos = System.nanoTime();
            }
        }

        @Override
        void onConnected(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(MqttMessageBuilders.subscribe().messageId(1)
                    .addSubscription(MqttQoS.valueOf(qos), filter).build());
        }

        @Override
        void onMessage(ChannelHandlerContext ctx, MqttMessage message) {
            switch (message.fixedHeader().messageType()) {
                case PUBLISH -> arrived(ctx, (MqttPublishMessage) message);
                case SUBACK -> {
                    int granted = ((MqttSubAckMessage) message).payload().grantedQoSLevels().get(0);
                    if (granted == qos) {
                        subscribed.complete(granted);
                    } else {
                        subscribed.completeExceptionally(new IllegalStateException("the broker granted "
                                + clientId() + " QoS " + granted + " for QoS " + qos));
                    }
                }
                default -> {
                    // nothing else is expected by a subscriber; a broker sends nothing else to one
                }
            }
        }

        private void arrived(ChannelHandlerContext ctx, MqttPublishMessage publish) {
            long now = System.nanoTime();
            String topic = publish.variableHeader().topicName();
            int index = expected.indexOf(topic, hint);
            if (check.accept(index, publish.fixedHeader().isDup(), topic,
                    Math.max(0, publish.variableHeader().packetId()))) {
                hint = index + 1;
                checkPayload(index, publish.payload(), now);
            }
            if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
                ctx.write(new MqttPubAckMessage(new MqttFixedHeader(MqttMessageType.PUBACK, false,
                        MqttQoS.AT_MOST_ONCE, false, 2), MqttMessageIdVariableHeader.from(
                        publish.variableHeader().packetId())));
                acknowledgementsPending = true;
            }
            received = check.received();
            lastReceivedNanos = now;
            if (completeNanos == 0 && check.complete()) {
                completeNanos = now;
            }
        }

        private void checkPayload(int index, ByteBuf payload, long now) {
            switch (payloads) {
                case EXACT -> {
                    byte[] published = expected.payload(index);
                    int length = payload.readableBytes();
                    if (length > scratch.length) {
                        scratch = new byte[length];
                    }
                    payload.getBytes(payload.readerIndex(), scratch, 0, length);
                    if (!Arrays.equals(scratch, 0, length, published, 0, published.length)) {
                        check.unreadable(index, "the payload differs from the one published");
                    }
                }
                case STAMPED -> {
                    long stamp = Stamp.read(payload);
                    if (stamp < 0) {
                        check.unreadable(index, "the payload carries no publish time");
                    } else {
                        latencies[index] = now - stamp;
                    }
                }
                case TOPIC_ONLY -> {
                    // the topic named the event
                }
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            // PUBACKs of everything read in one go leave in one write.
            if (acknowledgementsPending) {
                acknowledgementsPending = false;
                ctx.flush();
            }
            super.channelReadComplete(ctx);
        }

        @Override
        void onClosed(Exception why) {
            subscribed.completeExceptionally(new ClosedBeforeSubscribed(clientId() + ": the broker closed the "
                    + "connection before it granted the subscription (" + why.getMessage() + ")"));
        }

        Report report(boolean lossAllowed) {
            Optional<String> problem = check.problem(lossAllowed);
            String lost = connectionLost();
            if (lost != null && !check.complete()) {
                problem = Optional.of(problem.map(p -> p + "; ").orElse("") + "connection lost: " + lost);
            }
            long[] received = payloads == Payloads.STAMPED
                    ? Arrays.stream(latencies).filter(latency -> latency >= 0).toArray() : new long[0];
            return new Report(clientId(), check.received(), check.missing(), check.resends(),
                    problem.map(p -> clientId() + ": " + p), received);
        }
    }
}
