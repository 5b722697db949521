package dev.jetemu.broker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that reconnects under its client id while its old connection still acknowledges QoS 1
 * messages, as an application restarting in a hurry does. The new connection takes the session
 * over and the engine releases what the old one had in flight; the old connection's late
 * acknowledgements must not release those messages a second time. Every subscriber's copy of a
 * device message shares one buffer, so a second release frees another client's message under it,
 * and Moquette 0.17's session loop that meets the freed buffer dies: every client whose id it
 * serves then waits forever for its CONNACK.
 */
class ClientIdTakeoverIT {

    private static final String FILTER = "/junos/events/kernel/route/#";
    private static final int TAKEOVERS = 200;
    private static final int IN_FLIGHT = 5;
    private static final int CONNACK = 2;
    private static final int PUBLISH = 3;
    private static final int SUBACK = 9;

    private NotificationBroker broker;
    private OrderedEventsSubscriber bystander;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
        bystander = OrderedEventsSubscriber.subscribe(broker, FILTER);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        bystander.close();
        broker.close();
    }

    @Test
    void lateAcknowledgementsOfATakenOverSessionHarmNoOne() throws Exception {
        int sequence = 0;
        Socket current = connected("restarting-app");
        subscribe(current);
        for (int takeover = 0; takeover < TAKEOVERS; takeover++) {
            for (int i = 0; i < IN_FLIGHT; i++) {
                // Odd sequence numbers are QoS 1 events for OrderedEventsSubscriber; keep its numbering.
                publishQos1(sequence++);
            }
            List<Integer> packetIds = readPublishes(current, IN_FLIGHT);

            // The new connection's CONNECT goes out first, the old one's acknowledgements right
            // behind it: the engine often handles the takeover before the acknowledgements.
            Socket next = open();
            next.getOutputStream().write(RawMqtt.connect("restarting-app"));
            ByteArrayOutputStream acknowledgements = new ByteArrayOutputStream();
            for (int packetId : packetIds) {
                acknowledgements.writeBytes(RawMqtt.acknowledgement(0x40, packetId));
            }
            current.getOutputStream().write(acknowledgements.toByteArray());
            expect(next, CONNACK);
            current.close();
            subscribe(next);
            current = next;
        }
        int published = sequence;

        await().atMost(60, TimeUnit.SECONDS).until(() -> bystander.received() >= published);
        assertThat(bystander.received()).isEqualTo(published);
        assertThat(bystander.firstProblem()).isNull();
        assertThat(bystander.isConnected()).isTrue();
        // Clients on every session loop are still served.
        for (int i = 0; i < 20; i++) {
            try (Socket fresh = open()) {
                fresh.getOutputStream().write(RawMqtt.connect("fresh-" + i));
                expect(fresh, CONNACK);
            }
        }
    }

    /**
     * Publishes event {@code 2 * n + 1}: {@link OrderedEventsSubscriber} expects odd numbers at QoS 1
     * and has no gaps to complain of when every event is odd.
     */
    private void publishQos1(int n) throws InterruptedException {
        int sequence = 2 * n + 1;
        byte[] payload = String.format("%06d 1 {}", sequence).getBytes();
        broker.publish("/junos/events/kernel/route/add/inet/10.0.0.0/24", payload, 1);
    }

    private Socket open() throws IOException {
        Socket socket = RawMqtt.open("127.0.0.1", broker.port());
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    private Socket connected(String clientId) throws IOException {
        Socket socket = open();
        socket.getOutputStream().write(RawMqtt.connect(clientId));
        expect(socket, CONNACK);
        return socket;
    }

    private static void subscribe(Socket socket) throws IOException {
        socket.getOutputStream().write(RawMqtt.subscribe(1, FILTER, 1));
        expect(socket, SUBACK);
    }

    private static void expect(Socket socket, int type) throws IOException {
        RawMqtt.Packet packet = RawMqtt.readPacket(new DataInputStream(socket.getInputStream()));
        assertThat(packet.type()).as("packet type").isEqualTo(type);
        if (type == CONNACK) {
            assertThat(packet.body()[1]).as("CONNACK return code").isZero();
        }
    }

    private static List<Integer> readPublishes(Socket socket, int count) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        List<Integer> packetIds = new ArrayList<>();
        while (packetIds.size() < count) {
            RawMqtt.Packet packet = RawMqtt.readPacket(in);
            if (packet.type() == PUBLISH) {
                ByteBuffer body = ByteBuffer.wrap(packet.body());
                body.position(2 + (body.getShort() & 0xffff));
                packetIds.add(body.getShort() & 0xffff);
            }
        }
        return packetIds;
    }
}
