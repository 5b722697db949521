package dev.jetemu.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 packets written byte by byte, for tests that must send what a library would not
 * (a SUBSCRIBE right behind a CONNECT, without waiting for the CONNACK).
 */
final class RawMqtt {

    private RawMqtt() {
    }

    static byte[] connect(String clientId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(4);          // protocol level 3.1.1
        body.write(0x02);       // clean session
        body.write(0);
        body.write(60);         // keep-alive 60 s
        writeString(body, clientId);
        return MqttBytes.packet(0x10, body.toByteArray());
    }

    static byte[] subscribe(int packetId, String filter) {
        return subscribe(packetId, filter, 0);
    }

    static byte[] subscribe(int packetId, String filter, int qos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xff);
        writeString(body, filter);
        body.write(qos);
        return MqttBytes.packet(0x82, body.toByteArray());
    }

    static byte[] publish(String topic, String payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        return MqttBytes.packet(0x30, body.toByteArray());
    }

    /** PUBACK (0x40), PUBREC (0x50) or PUBCOMP (0x70): a packet type and a packet id, nothing else. */
    static byte[] acknowledgement(int firstByte, int packetId) {
        return MqttBytes.packet(firstByte, new byte[] {(byte) (packetId >> 8), (byte) packetId});
    }

    /** One whole packet as it arrived: its first byte (type and flags) and what follows the length. */
    record Packet(int firstByte, byte[] body) {

        int type() {
            return firstByte >> 4;
        }
    }

    static Packet readPacket(java.io.DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        int length = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = in.readUnsignedByte();
            length += (digit & 0x7f) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        byte[] body = new byte[length];
        in.readFully(body);
        return new Packet(first, body);
    }

    /** Reads whole packets until {@code count} have arrived; returns each one's first byte (type and flags). */
    static java.util.List<Integer> readPacketTypes(Socket socket, int count, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
        java.util.List<Integer> types = new java.util.ArrayList<>();
        while (types.size() < count) {
            types.add(readPacket(in).firstByte());
        }
        return types;
    }

    static Socket open(String sourceAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        socket.connect(new InetSocketAddress(sourceAddress.contains(":") ? "::1" : "127.0.0.1", port), 2000);
        return socket;
    }

    /** Everything the broker sends until it closes the connection or {@code timeoutMillis} pass. */
    static byte[] readUntilClosed(Socket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new IOException("the broker kept the connection open; received so far "
                    + received.size() + " bytes");
        }
        return received.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.writeBytes(bytes);
    }
}
