package dev.jetemu.broker.edge;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

/**
 * Why the edge refused a client, and the CONNACK return code the client is told.
 */
public enum Refusal {
    /** The peer address is not in allow-clients. */
    ALLOW_CLIENTS("allow-clients", MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED),
    /** max-connections client connections are already open. */
    MAX_CONNECTIONS("max-connections", MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE),
    /** A user name or password that matches no configured user. */
    BAD_CREDENTIALS("credentials", MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD),
    /** No user name although users are configured (as Mosquitto answers with allow_anonymous false). */
    NO_CREDENTIALS("credentials", MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);

    private final String rule;
    private final MqttConnectReturnCode returnCode;

    Refusal(String rule, MqttConnectReturnCode returnCode) {
        this.rule = rule;
        this.returnCode = returnCode;
    }

    /** The configuration rule behind the refusal, as metrics and logs name it. */
    public String rule() {
        return rule;
    }

    public MqttConnectReturnCode returnCode() {
        return returnCode;
    }
}
