package dev.jetemu.app.metrics;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Percentiles of the durations recorded lately, for gauges: recording is one uncontended
 * {@link LongAdder} increment, whatever the number of threads recording, and everything else
 * happens when a percentile is read.
 *
 * <p>Durations are counted in log-linear buckets, 16 per power of two (a bucket is at most 1/16 of
 * its lower bound wide), and a percentile is reported as the middle of its bucket: within about
 * 3 % of the exact value. Read, the counts are those since a snapshot taken at least {@code window}
 * earlier (one to two windows of recordings when read regularly, more when read seldom).
 *
 * <p>Why not Micrometer's own percentiles: they record into three HdrHistogram recorders (its
 * rolling window) behind shared atomics, which measured at about 170 ns per recording on one
 * thread, more when the broker's event loops record at once; this costs about 20 ns.
 */
final class RecentPercentiles {

    private static final int SUB_BUCKET_BITS = 4;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    /** Enough buckets for any non-negative long. */
    private static final int BUCKETS = (64 - SUB_BUCKET_BITS) * SUB_BUCKETS;

    private final LongAdder[] counts = new LongAdder[BUCKETS];
    private final long windowNanos;
    private final LongSupplier clock;

    /** Guarded by this: cumulative counts at the last two rotations, and when the last one was. */
    private long[] previous = new long[BUCKETS];
    private long[] current = new long[BUCKETS];
    private long rotatedAt;

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    RecentPercentiles(long windowNanos, LongSupplier clock) {
        this.windowNanos = windowNanos;
        this.clock = clock;
        this.rotatedAt = clock.getAsLong();
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Counts a duration; negative ones are not counted. Safe from any thread, lock-free. */
    void record(long nanos) {
        if (nanos >= 0) {
            counts[bucket(nanos)].increment();
        }
    }

    /**
     * The duration at {@code percentile} (0.5 for the median) of those recorded in the window, in
     * nanoseconds; NaN when none was.
     */
    synchronized double value(double percentile) {
        long[] now = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            now[i] = counts[i].sum();
        }
        long time = clock.getAsLong();
        if (time - rotatedAt >= windowNanos) {
            previous = current;
            current = now;
            rotatedAt = time;
        }
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += now[i] - previous[i];
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += now[i] - previous[i];
            if (seen >= rank) {
                return (lowerBound(i) + (double) upperBound(i)) / 2;
            }
        }
        return upperBound(BUCKETS - 1);
    }

    /** Values below 16 have a bucket each; above, 16 buckets share each power of two. */
    static int bucket(long nanos) {
        if (nanos < SUB_BUCKETS) {
            return (int) nanos;
        }
        int shift = 63 - Long.numberOfLeadingZeros(nanos) - SUB_BUCKET_BITS;
        int sub = (int) (nanos >>> shift) & (SUB_BUCKETS - 1);
        return (shift + 1) * SUB_BUCKETS + sub;
    }

    /** The smallest value of a bucket. */
    static long lowerBound(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int shift = bucket / SUB_BUCKETS - 1;
        return (long) (SUB_BUCKETS + bucket % SUB_BUCKETS) << shift;
    }

    /** The largest value of a bucket. */
    static long upperBound(int bucket) {
        return bucket == BUCKETS - 1 ? Long.MAX_VALUE : lowerBound(bucket + 1) - 1;
    }
}
