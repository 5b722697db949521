package dev.jetemu.broker.observe;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;

/**
 * A PUBLISH written once more for a message a client was already sent (a duplicate fault's copy):
 * encoded like any other, but not a new delivery. At QoS 1 and 2 the DUP flag says as much; a
 * QoS 0 copy cannot carry it, hence this type.
 */
public final class RepeatedPublish extends MqttPublishMessage {

    public RepeatedPublish(MqttFixedHeader header, MqttPublishVariableHeader variableHeader, ByteBuf payload) {
        super(header, variableHeader, payload);
    }
}
