package dev.jetemu.bench.events;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StampTest {

    private static final byte[] EVENT = "{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\"}}"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aStampedEventIsTheEventWithTheTimeAsALastMember() {
        byte[] stamped = Stamp.stamped(Stamp.template(EVENT), 1_234_567_890_123L);

        assertThat(new String(stamped, StandardCharsets.US_ASCII)).isEqualTo(
                "{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\"},\"bench-published-ns\":0000001234567890123}");
    }

    @Test
    void theTimeIsReadBackWhereverThePayloadStartsInItsBuffer() {
        long now = System.nanoTime();
        byte[] stamped = Stamp.stamped(Stamp.template(EVENT), now);
        byte[] framed = new byte[stamped.length + 7];
        System.arraycopy(stamped, 0, framed, 5, stamped.length);

        assertThat(Stamp.read(Unpooled.wrappedBuffer(stamped))).isEqualTo(now);
        assertThat(Stamp.read(Unpooled.wrappedBuffer(framed, 5, stamped.length))).isEqualTo(now);
        assertThat(Stamp.read(Unpooled.wrappedBuffer(stamped, 0, stamped.length - 1))).isEqualTo(-1);
    }

    @Test
    void theTemplateIsNotChangedByStamping() {
        byte[] template = Stamp.template(EVENT);
        Stamp.stamped(template, Long.MAX_VALUE);

        assertThat(Stamp.read(Unpooled.wrappedBuffer(template))).isZero();
    }

    @Test
    void aPayloadWithoutATimeReadsAsMinusOne() {
        assertThat(Stamp.read(Unpooled.wrappedBuffer(EVENT))).isEqualTo(-1);
        assertThat(Stamp.read(Unpooled.EMPTY_BUFFER)).isEqualTo(-1);
        assertThatThrownBy(() -> Stamp.template("[1]".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
    }
}
