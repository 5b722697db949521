package dev.jetemu.broker.moquette;

import io.moquette.broker.IQueueRepository;
import io.moquette.broker.SessionMessageQueue;
import io.moquette.broker.SessionRegistry;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * Moquette's in-memory session queues, counted. A QoS 1 or 2 message that a subscriber cannot
 * take yet (its ten in-flight slots are used) waits in its session queue, not in the socket's
 * buffer, so the queue's length is part of how far behind the subscriber is.
 */
final class CountingQueues implements IQueueRepository {

    private final IQueueRepository delegate;
    private final Map<String, AtomicInteger> lengths = new ConcurrentHashMap<>();
    private final ObjIntConsumer<String> lengthChanged;

    /** @param lengthChanged told the client id and the new length after every change, on a session loop thread */
    CountingQueues(IQueueRepository delegate, ObjIntConsumer<String> lengthChanged) {
        this.delegate = delegate;
        this.lengthChanged = lengthChanged;
    }

    int length(String clientId) {
        AtomicInteger length = lengths.get(clientId);
        return length == null ? 0 : length.get();
    }

    @Override
    public Set<String> listQueueNames() {
        return delegate.listQueueNames();
    }

    @Override
    public boolean containsQueue(String clientId) {
        return delegate.containsQueue(clientId);
    }

    @Override
    public SessionMessageQueue<SessionRegistry.EnqueuedMessage> getOrCreateQueue(String clientId) {
        return counted(clientId, delegate.getOrCreateQueue(clientId));
    }

    /** Counts an empty queue that is not the repository's: a clean session's. */
    SessionMessageQueue<SessionRegistry.EnqueuedMessage> counted(String clientId,
            SessionMessageQueue<SessionRegistry.EnqueuedMessage> queue) {
        AtomicInteger length = lengths.computeIfAbsent(clientId, id -> new AtomicInteger());
        return new Counted(clientId, queue, length);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private final class Counted implements SessionMessageQueue<SessionRegistry.EnqueuedMessage> {
        private final String clientId;
        private final SessionMessageQueue<SessionRegistry.EnqueuedMessage> queue;
        private final AtomicInteger length;

        Counted(String clientId, SessionMessageQueue<SessionRegistry.EnqueuedMessage> queue, AtomicInteger length) {
            this.clientId = clientId;
            this.queue = queue;
            this.length = length;
        }

        @Override
        public void enqueue(SessionRegistry.EnqueuedMessage message) {
            queue.enqueue(message);
            lengthChanged.accept(clientId, length.incrementAndGet());
        }

        @Override
        public SessionRegistry.EnqueuedMessage dequeue() {
            SessionRegistry.EnqueuedMessage message = queue.dequeue();
            if (message != null) {
                lengthChanged.accept(clientId, length.decrementAndGet());
            }
            return message;
        }

        @Override
        public boolean isEmpty() {
            return queue.isEmpty();
        }

        @Override
        public void closeAndPurge() {
            queue.closeAndPurge();
            lengths.remove(clientId);
            lengthChanged.accept(clientId, 0);
        }
    }
}
