package dev.jetemu.broker;

import dev.jetemu.broker.edge.AccessListener;
import dev.jetemu.broker.edge.ProtocolViolation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the broker told its {@link AccessListener}, connection by connection, keyed by the client's
 * address and port. A test takes a connection's entry once the connection is over, so that a port
 * the system hands out again later starts a new entry.
 */
final class ConnectionLedger implements AccessListener {

    /** One connection, as the broker reported it. */
    static final class Entry {
        private final InetSocketAddress peer;
        private final List<ProtocolViolation> violations = new CopyOnWriteArrayList<>();
        private final CountDownLatch closed = new CountDownLatch(1);
        private volatile boolean opened;
        private volatile boolean openedTwice;

        private Entry(InetSocketAddress peer) {
            this.peer = peer;
        }

        InetSocketAddress peer() {
            return peer;
        }

        List<ProtocolViolation> violations() {
            return violations;
        }

        boolean opened() {
            return opened;
        }

        boolean closed() {
            return closed.getCount() == 0;
        }

        /** Whether a second connection from the same address and port opened before this one was taken. */
        boolean openedTwice() {
            return openedTwice;
        }
    }

    private final Map<InetSocketAddress, Entry> entries = new ConcurrentHashMap<>();
    private final Map<ProtocolViolation, LongAdder> violations = new EnumMap<>(ProtocolViolation.class);
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();

    ConnectionLedger() {
        for (ProtocolViolation violation : ProtocolViolation.values()) {
            violations.put(violation, new LongAdder());
        }
    }

    private Entry entry(InetSocketAddress peer) {
        return entries.computeIfAbsent(key(peer), Entry::new);
    }

    /** An IPv4 client on the broker's IPv6 socket appears as ::ffff:a.b.c.d; the client knows it as a.b.c.d. */
    static InetSocketAddress key(InetSocketAddress peer) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(peer.getAddress().getAddress()), peer.getPort());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(peer.toString(), e);
        }
    }

    @Override
    public void connectionOpened(InetSocketAddress peer) {
        opened.incrementAndGet();
        Entry entry = entry(peer);
        if (entry.opened) {
            entry.openedTwice = true;
        }
        entry.opened = true;
    }

    @Override
    public void protocolViolation(InetSocketAddress peer, ProtocolViolation violation) {
        violations.get(violation).increment();
        entry(peer).violations.add(violation);
    }

    @Override
    public void connectionClosed(InetSocketAddress peer) {
        closed.incrementAndGet();
        entry(peer).closed.countDown();
    }

    /**
     * Waits until the broker has reported the connection from {@code peer} closed, then forgets it.
     *
     * @return its entry; not {@link Entry#closed() closed} when {@code timeout} passed first
     */
    Entry take(InetSocketAddress peer, Duration timeout) throws InterruptedException {
        Entry entry = entry(peer);
        if (entry.closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            entries.remove(entry.peer, entry);
        }
        return entry;
    }

    /** Connections opened and not taken yet. */
    Set<InetSocketAddress> untaken() {
        return Set.copyOf(entries.keySet());
    }

    Entry peek(InetSocketAddress peer) {
        return entries.get(key(peer));
    }

    long opened() {
        return opened.get();
    }

    long closed() {
        return closed.get();
    }

    long violations(ProtocolViolation violation) {
        return violations.get(violation).sum();
    }
}
