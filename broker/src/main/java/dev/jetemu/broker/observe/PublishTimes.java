package dev.jetemu.broker.observe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;

/**
 * Carries the moment the device published a message to where it is written to each subscriber,
 * without a map and without touching Moquette: the payload buffer the device's message enters the
 * engine with remembers it. Moquette hands every subscriber a duplicate of that buffer (a view
 * sharing its bytes, whose {@link ByteBuf#unwrap()} is the original); the view's root is found
 * again on the way out.
 *
 * <p>Why not a {@code WeakHashMap} keyed by the device's {@code byte[]} (which does reach every
 * subscriber's PUBLISH as the same backing array): it needs a lock on every publish and every
 * delivery, shared by all event loops, and a caller that publishes the same array twice would
 * give the first message the second one's time.
 */
public final class PublishTimes {

    private PublishTimes() {
    }

    /** The device's payload as the engine's buffer, wrapping (not copying) {@code payload}. */
    public static ByteBuf timed(byte[] payload, long publishedNanos) {
        return new TimedHeapByteBuf(payload, publishedNanos);
    }

    /**
     * When the device published the message whose payload (or a view of it) this is, as
     * {@link System#nanoTime()}; {@link DeliveryListener#LATENCY_UNKNOWN} for any other buffer.
     */
    public static long publishedNanos(ByteBuf payload) {
        ByteBuf root = payload;
        for (ByteBuf wrapped = root.unwrap(); wrapped != null; wrapped = root.unwrap()) {
            root = wrapped;
        }
        return root instanceof TimedHeapByteBuf timed ? timed.publishedNanos : DeliveryListener.LATENCY_UNKNOWN;
    }

    /** What {@code Unpooled.wrappedBuffer(byte[])} makes, plus the time. */
    private static final class TimedHeapByteBuf extends UnpooledHeapByteBuf {
        private final long publishedNanos;

        TimedHeapByteBuf(byte[] payload, long publishedNanos) {
            super(UnpooledByteBufAllocator.DEFAULT, payload, payload.length);
            this.publishedNanos = publishedNanos;
        }
    }
}
