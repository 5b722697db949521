package dev.jetemu.broker.fault;

import dev.jetemu.broker.clients.ClientIdPattern;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client's fault handler between a stand-in for the engine (the test, writing and reading)
 * and the socket (the embedded channel's outbound queue): what is written, what the engine is
 * handed, and that every buffer is released once.
 */
class FaultHandlerTest {

    private static final String TOPIC = "/junos/events/kernel/interfaces/ifd/add/ge-0/0/0";
    private static final String FILTER = "/junos/events/kernel/#";

    private final DeliveryFaults faults = new DeliveryFaults();
    private EmbeddedChannel channel;

    @BeforeEach
    void connect() {
        FaultHandler handler = new FaultHandler(faults);
        channel = new EmbeddedChannel(handler);
        handler.accepted(channel, "app-1");
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aDroppedQos0MessageIsReleasedAndItsWriteSucceeds() {
        assertThat(faults.dropNext(ClientIdPattern.ALL, FILTER, 1)).isEqualTo(1);
        ByteBuf payload = payload("first");

        ChannelFuture written = channel.writeAndFlush(publish(MqttQoS.AT_MOST_ONCE, 0, payload));
        channel.writeAndFlush(publish(MqttQoS.AT_MOST_ONCE, 0, payload("second")));
        channel.runPendingTasks();

        assertThat(written.isSuccess()).isTrue();
        assertThat(payload.refCnt()).isZero();
        assertThat(payloadOf(channel.readOutbound())).isEqualTo("second");
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(faults.droppedByFault()).isEqualTo(1);
    }

    @Test
    void aDroppedQos1MessageIsAcknowledgedToTheEngine() {
        faults.dropNext(ClientIdPattern.ALL, FILTER, 1);

        channel.writeAndFlush(publish(MqttQoS.AT_LEAST_ONCE, 7, payload("first")));
        channel.runPendingTasks();

        assertThat((Object) channel.readOutbound()).isNull();
        assertAcknowledgement(channel.readInbound(), MqttMessageType.PUBACK, 7);
    }

    @Test
    void aDroppedQos2MessageIsReceivedAndCompletedForTheEngineAndItsPubRelNeverSent() {
        faults.dropNext(ClientIdPattern.ALL, FILTER, 1);

        channel.writeAndFlush(publish(MqttQoS.EXACTLY_ONCE, 7, payload("first")));
        channel.runPendingTasks();
        assertAcknowledgement(channel.readInbound(), MqttMessageType.PUBREC, 7);
        ChannelFuture pubRel = channel.writeAndFlush(acknowledgement(MqttMessageType.PUBREL, 7));
        channel.writeAndFlush(acknowledgement(MqttMessageType.PUBREL, 8));
        channel.runPendingTasks();

        assertThat(pubRel.isSuccess()).isTrue();
        assertAcknowledgement(channel.readInbound(), MqttMessageType.PUBCOMP, 7);
        assertAcknowledgement(channel.readOutbound(), MqttMessageType.PUBREL, 8);
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void aDuplicatedQos0MessageIsWrittenTwiceAndItsPayloadReleasedWithTheSecond() {
        faults.duplicateNext(ClientIdPattern.ALL, FILTER, 1);
        ByteBuf payload = payload("first");

        channel.writeAndFlush(publish(MqttQoS.AT_MOST_ONCE, 0, payload));
        MqttPublishMessage original = channel.readOutbound();
        MqttPublishMessage copy = channel.readOutbound();

        assertThat(text(original)).isEqualTo("first");
        assertThat(text(copy)).isEqualTo("first");
        assertThat(copy.fixedHeader().isDup()).isFalse();
        original.release();
        assertThat(payload.refCnt()).isEqualTo(1);
        copy.release();
        assertThat(payload.refCnt()).isZero();
        assertThat(faults.duplicatedByFault()).isEqualTo(1);
    }

    @Test
    void aDuplicatedQos1MessageIsCopiedWithTheDupFlagAndOnlyOneOfItsAcknowledgementsReachesTheEngine() {
        faults.duplicateNext(ClientIdPattern.ALL, FILTER, 1);
        ByteBuf payload = payload("first");

        channel.writeAndFlush(publish(MqttQoS.AT_LEAST_ONCE, 7, payload));
        MqttPublishMessage original = channel.readOutbound();
        MqttPublishMessage copy = channel.readOutbound();
        channel.writeInbound(acknowledgement(MqttMessageType.PUBACK, 7));
        channel.writeInbound(acknowledgement(MqttMessageType.PUBACK, 7));

        assertThat(original.fixedHeader().isDup()).isFalse();
        assertThat(copy.fixedHeader().isDup()).isTrue();
        assertThat(copy.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_LEAST_ONCE);
        assertThat(copy.variableHeader().packetId()).isEqualTo(7);
        assertThat(text(copy)).isEqualTo("first");
        assertAcknowledgement(channel.readInbound(), MqttMessageType.PUBACK, 7);
        assertThat((Object) channel.readInbound()).isNull();
        original.release();
        copy.release();
        assertThat(payload.refCnt()).isZero();
    }

    @Test
    void aDuplicatedQos2MessageHasOnlyOnePubRecReachTheEngine() {
        faults.duplicateNext(ClientIdPattern.ALL, FILTER, 1);

        channel.writeAndFlush(publish(MqttQoS.EXACTLY_ONCE, 7, payload("first")));
        channel.writeInbound(acknowledgement(MqttMessageType.PUBREC, 7));
        channel.writeInbound(acknowledgement(MqttMessageType.PUBREC, 7));
        channel.writeInbound(acknowledgement(MqttMessageType.PUBCOMP, 7));

        assertAcknowledgement(channel.readInbound(), MqttMessageType.PUBREC, 7);
        assertAcknowledgement(channel.readInbound(), MqttMessageType.PUBCOMP, 7);
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void theEnginesResendsAndMessagesOutsideTheFilterAreLeftAlone() {
        faults.dropNext(ClientIdPattern.ALL, FILTER, 1);

        channel.writeAndFlush(publish(MqttQoS.AT_LEAST_ONCE, 6, payload("resent"), true, TOPIC));
        channel.writeAndFlush(publish(MqttQoS.AT_LEAST_ONCE, 7, payload("commit"), false,
                "/junos/events/syslog/UI_COMMIT_COMPLETED"));
        channel.writeAndFlush(publish(MqttQoS.AT_LEAST_ONCE, 8, payload("dropped")));
        channel.writeAndFlush(publish(MqttQoS.AT_LEAST_ONCE, 9, payload("after")));
        channel.runPendingTasks();

        assertThat(payloadOf(channel.readOutbound())).isEqualTo("resent");
        assertThat(payloadOf(channel.readOutbound())).isEqualTo("commit");
        assertThat(payloadOf(channel.readOutbound())).isEqualTo("after");
        assertAcknowledgement(channel.readInbound(), MqttMessageType.PUBACK, 8);
    }

    @Test
    void faultsArmedOneAfterTheOtherApplyInTurn() {
        faults.dropNext(ClientIdPattern.ALL, FILTER, 1);
        faults.duplicateNext(ClientIdPattern.ALL, FILTER, 1);

        channel.writeAndFlush(publish(MqttQoS.AT_MOST_ONCE, 0, payload("1")));
        channel.writeAndFlush(publish(MqttQoS.AT_MOST_ONCE, 0, payload("2")));
        channel.writeAndFlush(publish(MqttQoS.AT_MOST_ONCE, 0, payload("3")));

        assertThat(payloadOf(channel.readOutbound())).isEqualTo("2");
        assertThat(payloadOf(channel.readOutbound())).isEqualTo("2");
        assertThat(payloadOf(channel.readOutbound())).isEqualTo("3");
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void onlyMatchingConnectedClientsAreArmed() {
        assertThat(faults.dropNext(ClientIdPattern.of("other-*"), FILTER, 1)).isZero();
        channel.close();

        assertThat(faults.dropNext(ClientIdPattern.ALL, FILTER, 1)).isZero();
        assertThat(faults.disconnect(ClientIdPattern.ALL)).isZero();
    }

    private static ByteBuf payload(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static MqttPublishMessage publish(MqttQoS qos, int packetId, ByteBuf payload) {
        return publish(qos, packetId, payload, false, TOPIC);
    }

    private static MqttPublishMessage publish(MqttQoS qos, int packetId, ByteBuf payload, boolean dup, String topic) {
        return new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, dup, qos, false, 0),
                new MqttPublishVariableHeader(topic, packetId), payload);
    }

    private static MqttMessage acknowledgement(MqttMessageType type, int packetId) {
        return new MqttMessage(new MqttFixedHeader(type, false, MqttQoS.AT_MOST_ONCE, false, 2),
                MqttMessageIdVariableHeader.from(packetId));
    }

    /** The payload as text; the message is released, as the encoder would. */
    private static String payloadOf(MqttPublishMessage message) {
        try {
            return text(message);
        } finally {
            message.release();
        }
    }

    private static String text(MqttPublishMessage message) {
        return message.payload().toString(StandardCharsets.UTF_8);
    }

    private static void assertAcknowledgement(Object message, MqttMessageType type, int packetId) {
        assertThat(message).isInstanceOf(MqttMessage.class);
        MqttMessage acknowledgement = (MqttMessage) message;
        assertThat(acknowledgement.fixedHeader().messageType()).isEqualTo(type);
        assertThat(((MqttMessageIdVariableHeader) acknowledgement.variableHeader()).messageId()).isEqualTo(packetId);
    }
}
