package dev.jetemu.broker.edge;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts admitted client connections against {@code max-connections}. A connection holds its
 * place from the moment it is accepted until it closes, CONNECT or not, so the limit is exact.
 */
final class ConnectionLimiter {

    private final OptionalInt limit;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimiter(OptionalInt limit) {
        this.limit = limit;
    }

    /** Takes a place, or returns false when all are taken. */
    boolean tryAcquire() {
        if (limit.isEmpty()) {
            open.incrementAndGet();
            return true;
        }
        int max = limit.getAsInt();
        while (true) {
            int current = open.get();
            if (current >= max) {
                return false;
            }
            if (open.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }

    OptionalInt limit() {
        return limit;
    }
}
