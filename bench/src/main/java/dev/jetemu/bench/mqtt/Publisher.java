package dev.jetemu.bench.mqtt;

import dev.jetemu.bench.events.GeneratedEvents;
import dev.jetemu.bench.events.Stamp;
import dev.jetemu.sim.run.EventSink;
import dev.jetemu.sim.run.SinkException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The harness's publisher, which feeds Mosquitto (a broker without an in-process device can only
 * be fed by a client). At QoS 0 it writes while the connection is writable, so TCP's flow control
 * is the only brake; at QoS 1 it keeps up to {@value #WINDOW} messages unacknowledged, each with
 * its own packet id. Either way it goes as fast as the broker takes messages, and no faster.
 * Every write happens on the connection's event loop.
 */
public final class Publisher implements AutoCloseable {

    /** Unacknowledged QoS 1 messages at most (packet ids in use). */
    public static final int WINDOW = 1_000;
    /** Messages handed to the event loop in one task by {@link #sink}. */
    private static final int SINK_BATCH = 256;
    /** A broker that takes nothing for this long has stopped. */
    private static final Duration STALL = Duration.ofSeconds(30);

    private final Handler handler;

    private Publisher(Handler handler) {
        this.handler = handler;
    }

    /** Connects; returns once the broker accepted the client. */
    public static Publisher connect(ClientLoop loop, int port, String clientId, Duration timeout) throws Exception {
        Handler handler = new Handler(clientId);
        ChannelFuture connecting = loop.connect(port, handler);
        try {
            if (!connecting.await(timeout.toMillis()) || !connecting.isSuccess()) {
                throw new IllegalStateException(clientId + " could not connect to port " + port + ": "
                        + connecting.cause());
            }
            handler.connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            handler.disconnect();
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            handler.disconnect();
            throw e;
        }
        return new Publisher(handler);
    }

    /**
     * Publishes every event, topics and payloads as generated, as fast as the broker takes them.
     *
     * @return completes with the nanoseconds the publishing took: until the last message was
     *         written to the socket (QoS 0) or acknowledged (QoS 1)
     */
    public CompletableFuture<Long> publishAll(GeneratedEvents events, int qos) {
        return handler.startAll(events, qos);
    }

    /**
     * Publishes {@code templates} (stamped payloads, {@link Stamp#template}) on the events' topics
     * at {@code perSecond}, each at its time on an absolute schedule (a late one does not delay the
     * next), stamping each with the {@link System#nanoTime()} of its write.
     *
     * @return completes with the nanoseconds the publishing took, as {@link #publishAll}
     */
    public CompletableFuture<Long> publishPaced(GeneratedEvents events, byte[][] templates, double perSecond,
                                                int qos) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Thread pacer = new Thread(() -> {
            long start = System.nanoTime();
            Semaphore window = new Semaphore(WINDOW);
            try {
                Pacing pacing = new Pacing(perSecond, start);
                for (int i = 0; i < events.size(); i++) {
                    pacing.awaitTurn(i);
                    if (!window.tryAcquire(STALL.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new TimeoutException("no PUBACK for " + STALL.toSeconds() + " s");
                    }
                    handler.sendStamped(events.topic(i), templates[i], qos, window, i == events.size() - 1, done,
                            start);
                }
            } catch (InterruptedException | TimeoutException e) {
                done.completeExceptionally(e);
            }
        }, "bench-paced-publisher");
        pacer.setDaemon(true);
        pacer.start();
        return done;
    }

    /**
     * An {@link EventSink} that publishes what a scenario runner gives it, holding the runner back
     * while {@value #WINDOW} messages are outstanding (not yet written at QoS 0, not yet
     * acknowledged at QoS 1). Call {@link StreamingSink#finish} after the last event.
     */
    public StreamingSink sink(int qos) {
        return new StreamingSink(handler, qos);
    }

    /** See {@link #sink}. One thread publishes. */
    public static final class StreamingSink implements EventSink {
        private final Handler handler;
        private final int qos;
        private final Semaphore window = new Semaphore(WINDOW);
        private List<MqttPublishMessage> batch = new ArrayList<>(SINK_BATCH);

        private StreamingSink(Handler handler, int qos) {
            this.handler = handler;
            this.qos = qos;
        }

        @Override
        public void publish(String topic, byte[] payload, int ignoredQos) throws InterruptedException {
            if (!window.tryAcquire(STALL.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SinkException("the broker took no message for " + STALL.toSeconds() + " s");
            }
            batch.add(Handler.publish(topic, payload, qos, 0));
            if (batch.size() == SINK_BATCH) {
                submit();
            }
        }

        private void submit() {
            List<MqttPublishMessage> messages = batch;
            batch = new ArrayList<>(SINK_BATCH);
            handler.sendBatch(messages, qos, window);
        }

        /** Sends what is left and waits until every message is out (QoS 0) or acknowledged (QoS 1). */
        public void finish(Duration timeout) throws InterruptedException, TimeoutException {
            if (!batch.isEmpty()) {
                submit();
            }
            if (!window.tryAcquire(WINDOW, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("messages still outstanding after " + timeout.toSeconds() + " s");
            }
            window.release(WINDOW);
        }
    }

    /** Releases a paced publisher's turns on an absolute schedule: turn i at start + i / rate. */
    static final class Pacing {
        private final double periodNanos;
        private final long start;

        Pacing(double perSecond, long start) {
            this.periodNanos = 1e9 / perSecond;
            this.start = start;
        }

        void awaitTurn(int turn) {
            long due = start + Math.round(turn * periodNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    @Override
    public void close() {
        handler.disconnect();
    }

    private static final class Handler extends ClientHandler {

        /** Packet ids in use; touched on the event loop only. */
        private final boolean[] inUse = new boolean[65_536];
        private final Semaphore[] releaseOnAck = new Semaphore[65_536];
        private int nextId = 1;
        private int inFlight;
        private volatile Exception failed;

        /** {@link #startAll}'s state, on the event loop. */
        private GeneratedEvents all;
        private int allQos;
        private int next;
        private long acknowledged;
        private long target;
        private long started;
        private CompletableFuture<Long> done;

        Handler(String clientId) {
            super(clientId);
        }

        static MqttPublishMessage publish(String topic, byte[] payload, int qos, int packetId) {
            return new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.valueOf(qos),
                    false, 0), new MqttPublishVariableHeader(topic, packetId), Unpooled.wrappedBuffer(payload));
        }

        private int takeId() {
            while (inUse[nextId]) {
                nextId = nextId == 65_535 ? 1 : nextId + 1;
            }
            int id = nextId;
            inUse[id] = true;
            inFlight++;
            nextId = nextId == 65_535 ? 1 : nextId + 1;
            return id;
        }

        CompletableFuture<Long> startAll(GeneratedEvents events, int qos) {
            CompletableFuture<Long> future = new CompletableFuture<>();
            channel().eventLoop().execute(() -> {
                if (done != null && !done.isDone()) {
                    future.completeExceptionally(new IllegalStateException("already publishing"));
                    return;
                }
                all = events;
                allQos = qos;
                next = 0;
                acknowledged = 0;
                target = events.size();
                started = System.nanoTime();
                done = future;
                if (target == 0) {
                    future.complete(0L);
                    return;
                }
                pump();
            });
            return future;
        }

        /** Writes while the socket takes more and the window has room; on the event loop. */
        private void pump() {
            if (all == null || done.isDone()) {
                return;
            }
            boolean wrote = false;
            while (next < target && channel().isWritable() && (allQos == 0 || inFlight < WINDOW)) {
                int id = allQos == 0 ? 0 : takeId();
                ChannelFuture written = channel().write(publish(all.topic(next), all.payload(next), allQos, id));
                next++;
                wrote = true;
                if (allQos == 0 && next == target) {
                    CompletableFuture<Long> finished = done;
                    long from = started;
                    written.addListener(f -> {
                        if (f.isSuccess()) {
                            finished.complete(System.nanoTime() - from);
                        } else {
                            finished.completeExceptionally(f.cause());
                        }
                    });
                }
            }
            if (wrote) {
                channel().flush();
            }
        }

        void sendStamped(String topic, byte[] template, int qos, Semaphore window, boolean last,
                         CompletableFuture<Long> finished, long from) {
            EventLoop loop = channel().eventLoop();
            loop.execute(() -> {
                int id = qos == 0 ? 0 : takeId();
                if (qos > 0) {
                    releaseOnAck[id] = window;
                }
                ChannelFuture written = channel().writeAndFlush(publish(topic, Stamp.stamped(template,
                        System.nanoTime()), qos, id));
                written.addListener(f -> {
                    if (!f.isSuccess()) {
                        finished.completeExceptionally(f.cause());
                    } else if (qos == 0) {
                        window.release();
                    }
                });
                if (last) {
                    afterLast(qos, window, finished, from);
                }
            });
        }

        /** Completes {@code finished} once every permit of {@code window} is back, polling on the event loop. */
        private void afterLast(int qos, Semaphore window, CompletableFuture<Long> finished, long from) {
            if (finished.isDone()) {
                return;
            }
            if (window.availablePermits() == WINDOW) {
                finished.complete(System.nanoTime() - from);
            } else if (failed != null) {
                finished.completeExceptionally(failed);
            } else {
                channel().eventLoop().schedule(() -> afterLast(qos, window, finished, from), 1, TimeUnit.MILLISECONDS);
            }
        }

        void sendBatch(List<MqttPublishMessage> messages, int qos, Semaphore window) {
            channel().eventLoop().execute(() -> {
                ChannelFuture last = null;
                for (MqttPublishMessage message : messages) {
                    MqttPublishMessage numbered = message;
                    if (qos > 0) {
                        int id = takeId();
                        releaseOnAck[id] = window;
                        numbered = new MqttPublishMessage(message.fixedHeader(), new MqttPublishVariableHeader(
                                message.variableHeader().topicName(), id), message.payload());
                    }
                    last = channel().write(numbered);
                }
                channel().flush();
                if (qos == 0 && last != null) {
                    int count = messages.size();
                    last.addListener(f -> window.release(count));
                }
            });
        }

        @Override
        void onMessage(ChannelHandlerContext ctx, MqttMessage message) {
            if (message.fixedHeader().messageType() != MqttMessageType.PUBACK) {
                return;
            }
            int id = ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
            if (!inUse[id]) {
                return;
            }
            inUse[id] = false;
            inFlight--;
            Semaphore window = releaseOnAck[id];
            if (window != null) {
                releaseOnAck[id] = null;
                window.release();
                return;
            }
            if (all != null && !done.isDone()) {
                acknowledged++;
                if (acknowledged == target) {
                    done.complete(System.nanoTime() - started);
                }
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            // Acknowledgements freed room in the window: fill it in one go.
            if (all != null && allQos > 0) {
                pump();
            }
            super.channelReadComplete(ctx);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            if (ctx.channel().isWritable()) {
                pump();
            }
            super.channelWritabilityChanged(ctx);
        }

        @Override
        void onClosed(Exception why) {
            failed = why;
            if (done != null) {
                done.completeExceptionally(why);
            }
        }
    }
}
