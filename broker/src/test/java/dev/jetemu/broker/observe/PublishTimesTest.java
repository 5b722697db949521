package dev.jetemu.broker.observe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device's publish time rides on its payload buffer through the views Moquette makes of it
 * (a duplicate per batch of sessions, a retained duplicate per write), and the delivery timer
 * reports what is written once.
 */
class PublishTimesTest {

    private static final String TOPIC = "/junos/events/syslog/UI_COMMIT_COMPLETED";

    @Test
    void theTimeSurvivesTheViewsTheEngineMakesAndTheBytesAreNotCopied() {
        byte[] bytes = "{\"jet-event\":{}}".getBytes(StandardCharsets.UTF_8);
        ByteBuf timed = PublishTimes.timed(bytes, 12345L);
        // What PostOffice.publishToSession and MQTTConnection.sendIfWritableElseDrop do with it.
        MqttPublishMessage written = publish(MqttQoS.AT_MOST_ONCE, false, timed.duplicate()).retainedDuplicate();

        assertThat(PublishTimes.publishedNanos(written.payload())).isEqualTo(12345L);
        assertThat(PublishTimes.publishedNanos(timed.retainedSlice())).isEqualTo(12345L);
        assertThat(written.payload().hasArray()).isTrue();
        assertThat(written.payload().array()).isSameAs(bytes);
        written.release();
        timed.release(2);
        assertThat(timed.refCnt()).isZero();
    }

    @Test
    void anyOtherBufferHasNoTime() {
        assertThat(PublishTimes.publishedNanos(Unpooled.wrappedBuffer(new byte[] {1}).duplicate()))
                .isEqualTo(DeliveryListener.LATENCY_UNKNOWN);
        assertThat(PublishTimes.publishedNanos(Unpooled.EMPTY_BUFFER)).isEqualTo(DeliveryListener.LATENCY_UNKNOWN);
    }

    @Test
    void theTimerReportsEachNewPublishOnceItIsWrittenAndPassesOverResendsAndCopies() {
        List<long[]> delivered = new ArrayList<>();
        DeliveryListener listener = new DeliveryListener() {
            @Override
            public void delivered(int qos, long latencyNanos) {
                delivered.add(new long[] {qos, latencyNanos});
            }
        };
        EmbeddedChannel channel = new EmbeddedChannel(new DeliveryTimer(listener));
        long published = System.nanoTime();

        ChannelFuture first = channel.writeAndFlush(
                publish(MqttQoS.AT_LEAST_ONCE, false, PublishTimes.timed(new byte[] {1}, published)));
        channel.writeAndFlush(publish(MqttQoS.AT_LEAST_ONCE, true, PublishTimes.timed(new byte[] {2}, published)));
        MqttPublishMessage original = publish(MqttQoS.AT_MOST_ONCE, false, Unpooled.wrappedBuffer(new byte[] {3}));
        channel.writeAndFlush(new RepeatedPublish(original.fixedHeader(), original.variableHeader(),
                original.payload().retainedDuplicate()));
        channel.writeAndFlush(original, channel.voidPromise());

        assertThat(first.isSuccess()).isTrue();
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0)[0]).isEqualTo(1);
        assertThat(delivered.get(0)[1]).isNotNegative().isLessThanOrEqualTo(System.nanoTime() - published);
        assertThat(delivered.get(1)).containsExactly(0, DeliveryListener.LATENCY_UNKNOWN);
        assertThat(channel.finishAndReleaseAll()).isTrue();
    }

    private static MqttPublishMessage publish(MqttQoS qos, boolean dup, ByteBuf payload) {
        return new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, dup, qos, false, 0),
                new MqttPublishVariableHeader(TOPIC, qos == MqttQoS.AT_MOST_ONCE ? 0 : 7), payload);
    }
}
