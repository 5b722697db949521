package dev.jetemu.broker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MQTT packets built byte by byte, every field given as the bytes to send, so that a test can put
 * anything anywhere: a string that is not UTF-8, a reserved flag, a length that lies.
 */
public final class MqttBytes {

    public static final int CONNECT = 0x10;
    public static final int PUBLISH = 0x30;
    public static final int SUBSCRIBE = 0x82;
    public static final int UNSUBSCRIBE = 0xA2;
    public static final int PINGREQ = 0xC0;
    public static final int DISCONNECT = 0xE0;
    public static final int CLEAN_SESSION = 0x02;
    public static final int WILL = 0x04;
    public static final int PASSWORD = 0x40;
    public static final int USER_NAME = 0x80;

    private MqttBytes() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A CONNECT as a 3.1.1 client sends it, with a clean session and a keep-alive of 60 s. */
    public static byte[] connect(byte[] clientId) {
        return connect(utf8("MQTT"), 4, CLEAN_SESSION, clientId, null, null, null);
    }

    /**
     * A CONNECT with the will (its message is "gone"), user name and password that are not null,
     * and their flags added to {@code flags}.
     */
    public static byte[] connect(byte[] protocolName, int level, int flags, byte[] clientId, byte[] willTopic,
                          byte[] userName, byte[] password) {
        return connect(protocolName, level, flags, 60, clientId, willTopic, userName, password);
    }

    public static byte[] connect(byte[] protocolName, int level, int flags, int keepAliveSeconds, byte[] clientId,
                          byte[] willTopic, byte[] userName, byte[] password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, protocolName);
        body.write(level);
        body.write(flags | (willTopic != null ? WILL : 0) | (userName != null ? USER_NAME : 0)
                | (password != null ? PASSWORD : 0));
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds & 0xff);
        string(body, clientId);
        if (willTopic != null) {
            string(body, willTopic);
            string(body, utf8("gone"));
        }
        if (userName != null) {
            string(body, userName);
        }
        if (password != null) {
            string(body, password);
        }
        return packet(CONNECT, body.toByteArray());
    }

    /** An MQTT 5 CONNECT, without properties. */
    public static byte[] connectMqtt5(byte[] clientId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, utf8("MQTT"));
        body.write(5);
        body.write(CLEAN_SESSION);
        body.write(0);
        body.write(60);
        body.write(0);                  // properties: none
        string(body, clientId);
        return packet(CONNECT, body.toByteArray());
    }

    /** A PUBLISH at QoS 0 (no packet id) or 1 and 2 (packet id 7). */
    public static byte[] publish(int qos, byte[] topic, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        if (qos > 0) {
            body.write(0);
            body.write(7);
        }
        body.writeBytes(payload);
        return packet(PUBLISH | qos << 1, body.toByteArray());
    }

    /** A SUBSCRIBE to each filter at QoS 0. */
    public static byte[] subscribe(int packetId, byte[]... filters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xff);
        for (byte[] filter : filters) {
            string(body, filter);
            body.write(0);
        }
        return packet(SUBSCRIBE, body.toByteArray());
    }

    public static byte[] unsubscribe(int packetId, byte[]... filters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xff);
        for (byte[] filter : filters) {
            string(body, filter);
        }
        return packet(UNSUBSCRIBE, body.toByteArray());
    }

    /** A packet of its first byte, its body's length and its body. */
    public static byte[] packet(int firstByte, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        out.writeBytes(remainingLength(body.length));
        out.writeBytes(body);
        return out.toByteArray();
    }

    public static byte[] remainingLength(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static String hex(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            text.append(String.format("%02x", bytes[i] & 0xff));
        }
        return bytes.length > max ? text + "...(" + bytes.length + " bytes)" : text.toString();
    }

    private static void string(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.writeBytes(bytes);
    }
}
