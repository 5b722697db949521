package dev.jetemu.broker;

import dev.jetemu.broker.moquette.MoquetteEngine;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A QoS 1 subscriber is sent up to the in-flight window of unacknowledged messages (Moquette
 * alone stops at 10), then one more for each acknowledgement, and in the end every message.
 */
class InflightWindowIT {

    private static final String FILTER = "/junos/events/kernel/route/#";
    private static final int MESSAGES = 200;

    @Test
    void aSubscriberHoldsTheWholeWindowUnacknowledgedAndThenGetsTheRest() throws Exception {
        try (NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
             Socket socket = RawMqtt.open("127.0.0.1", broker.port())) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            socket.setSoTimeout(10_000);
            out.write(RawMqtt.connect("window"));
            assertThat(RawMqtt.readPacket(in).type()).isEqualTo(2);
            out.write(RawMqtt.subscribe(1, FILTER, 1));
            assertThat(RawMqtt.readPacket(in).type()).isEqualTo(9);

            for (int i = 0; i < MESSAGES; i++) {
                broker.publish("/junos/events/kernel/route/add/inet/10." + i + ".0.0/16",
                        ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1);
            }
            List<Integer> packetIds = new ArrayList<>();
            List<String> payloads = new ArrayList<>();
            readPublishes(socket, in, packetIds, payloads);
            assertThat(packetIds).as("messages sent before any acknowledgement").hasSize(MoquetteEngine.INFLIGHT_WINDOW);

            // Each acknowledgement frees one place in the window, until every message has come.
            while (payloads.size() < MESSAGES) {
                int before = payloads.size();
                for (int packetId : List.copyOf(packetIds)) {
                    out.write(RawMqtt.acknowledgement(0x40, packetId));
                }
                packetIds.clear();
                readPublishes(socket, in, packetIds, payloads);
                assertThat(payloads.size()).as("progress after acknowledging").isGreaterThan(before);
            }
            assertThat(payloads).hasSize(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(payloads.get(i)).isEqualTo("{\"n\":" + i + "}");
            }
        }
    }

    /** Reads PUBLISH packets until none has come for two seconds (less than the engine's 5 s resend). */
    private static void readPublishes(Socket socket, DataInputStream in, List<Integer> packetIds,
                                      List<String> payloads) throws Exception {
        socket.setSoTimeout(2_000);
        while (true) {
            RawMqtt.Packet packet;
            try {
                packet = RawMqtt.readPacket(in);
            } catch (SocketTimeoutException quiet) {
                return;
            }
            assertThat(packet.type()).isEqualTo(3);
            byte[] body = packet.body();
            int topicLength = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            int packetIdAt = 2 + topicLength;
            packetIds.add(((body[packetIdAt] & 0xff) << 8) | (body[packetIdAt + 1] & 0xff));
            payloads.add(new String(body, packetIdAt + 2, body.length - packetIdAt - 2, StandardCharsets.UTF_8));
        }
    }
}
