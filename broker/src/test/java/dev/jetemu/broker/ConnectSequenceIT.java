package dev.jetemu.broker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import java.io.ByteArrayOutputStream;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client may send its SUBSCRIBE and PUBLISH right behind its CONNECT, before the CONNACK
 * arrives (MQTT 3.1.1 allows it, and fast clients on loopback come close to it). None of it
 * may be lost or get the client disconnected.
 */
class ConnectSequenceIT {

    private static final int CONNACK = 0x20;
    private static final int SUBACK = 0x90;
    private static final int PUBLISH_QOS0 = 0x30;

    private NotificationBroker broker;

    @BeforeEach
    void start() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @RepeatedTest(20)
    void packetsPipelinedBehindTheConnectAreAllProcessedInOrder() throws Exception {
        try (Socket socket = RawMqtt.open("127.0.0.1", broker.port())) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            burst.writeBytes(RawMqtt.connect("eager"));
            burst.writeBytes(RawMqtt.subscribe(1, "myapp/echo"));
            burst.writeBytes(RawMqtt.publish("myapp/echo", "first"));
            socket.getOutputStream().write(burst.toByteArray());
            socket.getOutputStream().flush();

            assertThat(RawMqtt.readPacketTypes(socket, 3, 5000)).containsExactly(CONNACK, SUBACK, PUBLISH_QOS0);
        }
    }
}
