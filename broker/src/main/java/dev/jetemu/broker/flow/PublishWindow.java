package dev.jetemu.broker.flow;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Bounds how many device messages the engine's session loops may hold at once. Their command
 * queues drop what does not fit (CONNECTs included), and messages still in those queues are
 * in no socket buffer yet, where the flow control would see them. The device waits for the
 * oldest message to be handed to its sessions before it publishes past the bound.
 */
public final class PublishWindow {

    /** A few hundred jet-events: a small part of a subscriber's high-water mark. */
    public static final int SIZE = 256;

    private final Queue<CompletableFuture<Void>> inFlight = new ArrayDeque<>(SIZE);

    /** Waits until every message published so far has been handed to its sessions. */
    public void awaitAll() throws InterruptedException {
        CompletableFuture<Void> oldest;
        while ((oldest = inFlight.poll()) != null) {
            try {
                oldest.get();
            } catch (ExecutionException failed) {
                // as in add: the engine logs a session that failed to take the message
            }
        }
    }

    /** Called by the one publishing thread after each publish. */
    public void add(CompletableFuture<Void> routed) throws InterruptedException {
        inFlight.add(routed);
        while (inFlight.size() >= SIZE) {
            CompletableFuture<Void> oldest = inFlight.remove();
            try {
                oldest.get();
            } catch (ExecutionException failed) {
                // a session that failed to take the message is the engine's to log; the window moves on
            }
        }
    }
}
