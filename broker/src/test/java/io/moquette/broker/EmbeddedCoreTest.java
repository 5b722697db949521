package io.moquette.broker;

import io.moquette.broker.security.AcceptAllAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's repair of Moquette 0.17 where a client leaves while its CONNECT is being accepted. */
class EmbeddedCoreTest {

    private final EmbeddedCore core = EmbeddedCore.assemble(1024, new AcceptAllAuthenticator(),
            new PermitAllAuthorizatorPolicy(), EmbeddedCore.memoryQueues(), EmbeddedCore.treeDirectory());

    @AfterEach
    void close() {
        core.close();
    }

    private static MqttConnectMessage connect(String clientId, boolean cleanSession) {
        return MqttMessageBuilders.connect().clientId(clientId).cleanSession(cleanSession)
                .protocolVersion(MqttVersion.MQTT_3_1_1).build();
    }

    /** What Moquette does when the CONNACK could not be written: close the session it was connecting. */
    @Test
    void aCleanSessionWhoseConnackFailedIsRemoved() {
        SessionRegistry sessions = core.sessions();
        Session session = sessions.createOrReopenSession(connect("left", true), "left", null).session;
        assertThat(session.connected()).isFalse();
        assertThat(session.disconnected()).as("connecting").isFalse();

        sessions.connectionClosed(session);

        assertThat(sessions.retrieve("left")).isNull();
    }

    @Test
    void aPersistentSessionWhoseConnackFailedIsKeptDisconnectedAndCanBeReopened() {
        SessionRegistry sessions = core.sessions();
        Session session = sessions.createOrReopenSession(connect("kept", false), "kept", null).session;

        sessions.connectionClosed(session);

        assertThat(sessions.retrieve("kept")).isSameAs(session);
        assertThat(session.disconnected()).isTrue();
        assertThat(sessions.createOrReopenSession(connect("kept", false), "kept", null).session).isSameAs(session);
    }

    @Test
    void aConnectedSessionIsClosedAsBefore() {
        SessionRegistry sessions = core.sessions();
        Session session = sessions.createOrReopenSession(connect("here", true), "here", null).session;
        assertThat(session.completeConnection()).isTrue();

        sessions.connectionClosed(session);

        assertThat(sessions.retrieve("here")).isNull();
    }
}
