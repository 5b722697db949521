package dev.jetemu.broker;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscriber that speaks MQTT byte by byte, so that a test sees exactly what the broker sent:
 * every PUBLISH with its DUP flag, every PUBREL. It acknowledges as a client library does (a
 * PUBACK or PUBREC for each PUBLISH, a PUBCOMP for each PUBREL), and takes nothing for a duplicate.
 */
final class WireSubscriber implements AutoCloseable {

    private static final int CONNACK = 2;
    private static final int PUBLISH = 3;
    private static final int PUBREL = 6;
    private static final int SUBACK = 9;

    private final Socket socket;
    private final DataInputStream in;
    /** Payloads of the PUBLISHes, in order, " DUP" appended where the flag was set. */
    private final List<String> publishes = new CopyOnWriteArrayList<>();
    /** Payloads of the QoS 2 messages the broker sent a PUBREL for, in order. */
    private final List<String> released = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> payloadById = new HashMap<>();

    private WireSubscriber(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    static WireSubscriber subscribe(NotificationBroker broker, String clientId, String filter, int qos)
            throws IOException {
        WireSubscriber subscriber = new WireSubscriber(RawMqtt.open("127.0.0.1", broker.port()));
        subscriber.socket.setSoTimeout(5000);
        subscriber.send(RawMqtt.connect(clientId));
        subscriber.expect(CONNACK);
        subscriber.send(RawMqtt.subscribe(1, filter, qos));
        subscriber.expect(SUBACK);
        subscriber.socket.setSoTimeout(0);
        Thread reader = new Thread(subscriber::readUntilClosed, "wire-subscriber-" + clientId);
        reader.setDaemon(true);
        reader.start();
        return subscriber;
    }

    List<String> publishes() {
        return publishes;
    }

    List<String> released() {
        return released;
    }

    private void expect(int type) throws IOException {
        RawMqtt.Packet packet = RawMqtt.readPacket(in);
        if (packet.type() != type) {
            throw new IOException("expected packet type " + type + ", got " + packet.type());
        }
    }

    private void readUntilClosed() {
        try {
            while (true) {
                RawMqtt.Packet packet = RawMqtt.readPacket(in);
                if (packet.type() == PUBLISH) {
                    published(packet);
                } else if (packet.type() == PUBREL) {
                    int packetId = ByteBuffer.wrap(packet.body()).getShort() & 0xffff;
                    released.add(payloadById.getOrDefault(packetId, "unknown packet id " + packetId));
                    send(RawMqtt.acknowledgement(0x70, packetId));
                }
            }
        } catch (IOException closed) {
            // the test closed it, or the broker did
        }
    }

    private void published(RawMqtt.Packet packet) throws IOException {
        boolean dup = (packet.firstByte() & 0x08) != 0;
        int qos = (packet.firstByte() >> 1) & 0x03;
        ByteBuffer body = ByteBuffer.wrap(packet.body());
        body.position(2 + (body.getShort() & 0xffff));
        int packetId = qos > 0 ? body.getShort() & 0xffff : 0;
        String payload = StandardCharsets.UTF_8.decode(body).toString();
        publishes.add(dup ? payload + " DUP" : payload);
        if (qos == 1) {
            send(RawMqtt.acknowledgement(0x40, packetId));
        } else if (qos == 2) {
            payloadById.put(packetId, payload);
            send(RawMqtt.acknowledgement(0x50, packetId));
        }
    }

    private synchronized void send(byte[] packet) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(packet);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
