package dev.jetemu.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.jetemu.broker.MqttBytes.CLEAN_SESSION;
import static dev.jetemu.broker.MqttBytes.utf8;

/**
 * Clients that never finish a packet, on one thread: some send a CONNECT one byte per second, some
 * send a CONNECT cut short and then nothing, and some connect with a keep-alive of one second and
 * then send half a SUBSCRIBE. Each notes when the broker closed its connection.
 */
final class SlowClients implements AutoCloseable {

    enum Style {
        /** A CONNECT, one byte per second: it would take longer than the connect timeout. */
        TRICKLING,
        /** A CONNECT cut short, then nothing. */
        STALLED,
        /** A whole CONNECT with a keep-alive of 1 s, then half a SUBSCRIBE: the keep-alive applies. */
        KEEP_ALIVE_EXPIRED
    }

    /** One slow connection: when it opened (just before connecting) and when the broker closed it (0 while open). */
    static final class Slow {
        private final Style style;
        private final SocketChannel channel;
        private final InetSocketAddress peer;
        private final long openedNanos;
        private final byte[] bytes;
        private int sent;
        private volatile long closedNanos;

        private Slow(Style style, SocketChannel channel, long openedNanos, byte[] bytes) throws IOException {
            this.style = style;
            this.channel = channel;
            this.peer = ConnectionLedger.key((InetSocketAddress) channel.getLocalAddress());
            this.openedNanos = openedNanos;
            this.bytes = bytes;
        }

        Style style() {
            return style;
        }

        InetSocketAddress peer() {
            return peer;
        }

        boolean closed() {
            return closedNanos != 0;
        }

        /** From just before connecting to the broker's close, as this client saw it. */
        Duration lifetime() {
            return Duration.ofNanos(closedNanos - openedNanos);
        }

        int sent() {
            return sent;
        }
    }

    private final List<Slow> clients;
    private final Selector selector;
    private final Thread thread;
    private volatile boolean stopped;

    private SlowClients(List<Slow> clients, Selector selector) {
        this.clients = clients;
        this.selector = selector;
        this.thread = new Thread(this::run, "slow-clients");
        this.thread.setDaemon(true);
    }

    static SlowClients open(InetSocketAddress broker, int trickling, int stalled, int keepAliveExpired, long seed)
            throws IOException {
        Random random = new Random(seed);
        Selector selector = Selector.open();
        List<Slow> clients = new ArrayList<>();
        for (int i = 0; i < trickling + stalled + keepAliveExpired; i++) {
            Style style = i < trickling ? Style.TRICKLING
                    : i < trickling + stalled ? Style.STALLED : Style.KEEP_ALIVE_EXPIRED;
            byte[] connect = MqttBytes.connect(utf8("MQTT"), 4, CLEAN_SESSION, style == Style.KEEP_ALIVE_EXPIRED ? 1 : 60,
                    utf8("slow-" + i), null, null, null);
            byte[] bytes = switch (style) {
                case TRICKLING -> connect;
                case STALLED -> Arrays.copyOf(connect, 1 + random.nextInt(connect.length - 1));
                case KEEP_ALIVE_EXPIRED -> {
                    byte[] subscribe = MqttBytes.subscribe(1, utf8("fuzz/slow/#"));
                    yield MqttBytes.concat(connect, Arrays.copyOf(subscribe, subscribe.length / 2));
                }
            };
            long opened = System.nanoTime();
            SocketChannel channel = SocketChannel.open(broker);
            channel.configureBlocking(false);
            Slow slow = new Slow(style, channel, opened, bytes);
            channel.register(selector, SelectionKey.OP_READ, slow);
            clients.add(slow);
        }
        SlowClients slowClients = new SlowClients(List.copyOf(clients), selector);
        slowClients.thread.start();
        return slowClients;
    }

    List<Slow> clients() {
        return clients;
    }

    private void run() {
        ByteBuffer received = ByteBuffer.allocate(512);
        long nextByte = System.nanoTime();
        try {
            while (!stopped && clients.stream().anyMatch(slow -> !slow.closed())) {
                long now = System.nanoTime();
                if (now - nextByte >= 0) {
                    send(now);
                    nextByte += TimeUnit.SECONDS.toNanos(1);
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextByte - System.nanoTime())));
                for (SelectionKey key : selector.selectedKeys()) {
                    Slow slow = (Slow) key.attachment();
                    received.clear();
                    int n;
                    try {
                        n = slow.channel.read(received);
                    } catch (IOException reset) {
                        n = -1;
                    }
                    if (n < 0) {
                        closedByBroker(slow, key);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next byte of every trickling client; everything at once for the others, the first time. */
    private void send(long now) {
        for (Slow slow : clients) {
            if (slow.closed() || slow.sent == slow.bytes.length) {
                continue;
            }
            int count = slow.style == Style.TRICKLING ? 1 : slow.bytes.length;
            try {
                slow.sent += slow.channel.write(ByteBuffer.wrap(slow.bytes, slow.sent, count));
            } catch (IOException closed) {
                closedByBroker(slow, slow.channel.keyFor(selector));
            }
        }
    }

    private static void closedByBroker(Slow slow, SelectionKey key) {
        if (slow.closedNanos == 0) {
            slow.closedNanos = System.nanoTime();
        }
        key.cancel();
        try {
            slow.channel.close();
        } catch (IOException ignored) {
            // closed by the broker already
        }
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Slow slow : clients) {
            slow.channel.close();
        }
        selector.close();
    }
}
