package dev.jetemu.app.metrics;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class RecentPercentilesTest {

    private static final long WINDOW = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RecentPercentiles percentiles = new RecentPercentiles(WINDOW, clock::get);

    @Test
    void bucketsFollowOneAnotherWithoutGapsAndHoldTheirValues() {
        for (int bucket = 0; bucket < 1000 && RecentPercentiles.upperBound(bucket) < Long.MAX_VALUE; bucket++) {
            long low = RecentPercentiles.lowerBound(bucket);
            long high = RecentPercentiles.upperBound(bucket);
            assertThat(RecentPercentiles.bucket(low)).as("bucket of %d", low).isEqualTo(bucket);
            assertThat(RecentPercentiles.bucket(high)).as("bucket of %d", high).isEqualTo(bucket);
            assertThat(RecentPercentiles.lowerBound(bucket + 1)).isEqualTo(high + 1);
            assertThat(high - low).as("width of bucket %d", bucket).isLessThanOrEqualTo(Math.max(0, low / 16));
        }
        assertThat(RecentPercentiles.bucket(Long.MAX_VALUE)).isLessThan(960);
    }

    @Test
    void percentilesOfAKnownSpreadAreWithinThreePercent() {
        for (long micros = 1; micros <= 10_000; micros++) {
            percentiles.record(micros * 1000);
        }

        assertThat(percentiles.value(0.5)).isCloseTo(5_000_000, withinPercentage(3));
        assertThat(percentiles.value(0.99)).isCloseTo(9_900_000, withinPercentage(3));
        assertThat(percentiles.value(1.0)).isCloseTo(10_000_000, withinPercentage(3));
    }

    @Test
    void smallValuesAreExact() {
        percentiles.record(3);
        percentiles.record(7);

        assertThat(percentiles.value(0.5)).isCloseTo(3, within(0.5));
        assertThat(percentiles.value(0.99)).isCloseTo(7, within(0.5));
    }

    @Test
    void nothingRecordedIsNotANumberAndNegativeDurationsAreNotCounted() {
        percentiles.record(-1);

        assertThat(percentiles.value(0.5)).isNaN();
    }

    @Test
    void whatWasRecordedBeforeTheLastWindowIsForgotten() {
        percentiles.record(1_000_000);
        clock.addAndGet(WINDOW);
        assertThat(percentiles.value(0.5)).as("one window on").isCloseTo(1_000_000, withinPercentage(3));

        percentiles.record(5_000);
        clock.addAndGet(WINDOW);
        assertThat(percentiles.value(0.99)).as("two windows on: only the later recording")
                .isCloseTo(5_000, withinPercentage(3));

        clock.addAndGet(WINDOW);
        assertThat(percentiles.value(0.5)).as("nothing in the last window").isNaN();
    }
}
