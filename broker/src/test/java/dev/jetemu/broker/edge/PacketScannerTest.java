package dev.jetemu.broker.edge;

import dev.jetemu.broker.MqttBytes;
import dev.jetemu.broker.edge.PacketScanner.Finding;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.jetemu.broker.MqttBytes.concat;
import static dev.jetemu.broker.MqttBytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class PacketScannerTest {

    private static final int LIMIT = 16 * 1024 * 1024;
    private static final byte[] INVALID = {'a', (byte) 0xC3, '(', 'b'};
    private static final byte[] NUL = {'a', 0, 'b'};

    private static byte[] connect(byte[] clientId) {
        return MqttBytes.connect(clientId);
    }

    /** A 3.1.1 CONNECT; the will, user name and password are present when not null, and their flags set. */
    private static byte[] connect(byte[] clientId, int flags, byte[] willTopic, byte[] userName, byte[] password) {
        return MqttBytes.connect(utf8("MQTT"), 4, flags, clientId, willTopic, userName, password);
    }

    private static byte[] publish(byte[] topic, int qos, String payload) {
        return MqttBytes.publish(qos, topic, utf8(payload));
    }

    private static byte[] subscribe(byte[]... filters) {
        return MqttBytes.subscribe(1, filters);
    }

    private static byte[] unsubscribe(byte[]... filters) {
        return MqttBytes.unsubscribe(2, filters);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Scans the bytes in one read, in two cut at every point, and one byte at a time; all three must agree. */
    private static Finding scan(byte[] bytes) {
        Finding whole = scanIn(bytes, bytes.length);
        for (int cut = 1; cut < bytes.length; cut++) {
            PacketScanner scanner = new PacketScanner(LIMIT);
            Finding first = scanner.scan(buffer(Arrays.copyOfRange(bytes, 0, cut)));
            Finding split = first != null ? first : scanner.scan(buffer(Arrays.copyOfRange(bytes, cut, bytes.length)));
            assertThat(split).as("cut at %d", cut).isEqualTo(whole);
        }
        assertThat(scanIn(bytes, 1)).as("one byte at a time").isEqualTo(whole);
        return whole;
    }

    private static Finding scanIn(byte[] bytes, int chunk) {
        PacketScanner scanner = new PacketScanner(LIMIT);
        for (int from = 0; from < bytes.length; from += chunk) {
            Finding finding = scanner.scan(buffer(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunk))));
            if (finding != null) {
                return finding;
            }
        }
        return null;
    }

    private static ByteBuf buffer(byte[] bytes) {
        // Readable bytes that do not start at index 0, as in a real read.
        ByteBuf buffer = Unpooled.buffer(bytes.length + 3);
        buffer.writeBytes(new byte[3]).skipBytes(3).writeBytes(bytes);
        return buffer;
    }

    private static void assertFinding(byte[] bytes, ProtocolViolation violation, String what) {
        Finding finding = scan(bytes);
        assertThat(finding).isNotNull();
        assertThat(finding.violation()).isEqualTo(violation);
        assertThat(finding.what()).isEqualTo(what);
    }

    @Test
    void aWholeConversationPassesHoweverItIsCut() {
        byte[] conversation = concat(
                connect(utf8("app-é"), 0x02, utf8("will/€"), utf8("jetapp"), utf8("secret")),
                subscribe(utf8("/junos/events/#"), utf8("𝄞/+/x")),
                publish(utf8("myapp/\uFFFD"), 1, "{\"n\":1}"),
                publish(utf8("myapp/a"), 0, ""),
                bytes(0x40, 0x02, 0x00, 0x07),              // PUBACK
                unsubscribe(utf8("/junos/events/#")),
                bytes(0xC0, 0x00),                          // PINGREQ
                bytes(0xE0, 0x00));                         // DISCONNECT
        assertThat(scan(conversation)).isNull();
    }

    @Test
    void aPublishWhosePayloadIsNotTextPasses() {
        byte[] payload = concat(publish(utf8("t"), 0, ""), INVALID, NUL);
        payload[1] = (byte) (payload.length - 2);
        assertThat(scan(concat(connect(utf8("c")), payload))).isNull();
    }

    @Test
    void aLargePacketWithinTheLimitIsFollowedToItsEnd() {
        byte[] conversation = concat(connect(utf8("c")), publish(utf8("t"), 0, "x".repeat(200_000)), bytes(0xC0, 0x00));
        for (int chunk : new int[] {conversation.length, 65_536, 1_000, 1}) {
            assertThat(scanIn(conversation, chunk)).as("in reads of %d bytes", chunk).isNull();
        }
        byte[] secondConnect = concat(conversation, connect(utf8("c")));
        assertThat(scanIn(secondConnect, 4096)).as("followed to its end").isNotNull();
    }

    @Test
    void theFirstPacketMustBeAConnect() {
        assertFinding(subscribe(utf8("#")), ProtocolViolation.PACKET_BEFORE_CONNECT,
                "the first packet is not a CONNECT (packet type 8)");
        assertFinding(bytes(0x00), ProtocolViolation.PACKET_BEFORE_CONNECT,
                "the first packet is not a CONNECT (packet type 0)");
    }

    @Test
    void aSecondConnectIsOneTooMany() {
        assertFinding(concat(connect(utf8("a")), bytes(0xC0, 0x00), connect(utf8("b"))),
                ProtocolViolation.SECOND_CONNECT, "a second CONNECT on the connection");
    }

    @Test
    void lengthsThatAreTooLongOrTooLargeAreFoundFromTheFixedHeader() {
        assertFinding(bytes(0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F), ProtocolViolation.MALFORMED_PACKET,
                "a remaining length of more than four bytes");
        assertFinding(concat(connect(utf8("c")), bytes(0x30, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x01, 't')),
                ProtocolViolation.PACKET_TOO_LARGE, "a packet of 268435455 bytes exceeds the limit of 16777216 bytes");
        assertFinding(bytes(0x10, 0x80, 0x80, 0x20), ProtocolViolation.PACKET_TOO_LARGE,
                "a CONNECT of 524288 bytes, longer than any can be (327697)");
    }

    @Test
    void stringsThatAreNotWellFormedUtf8OrHoldNulAreMalformed() {
        assertFinding(connect(INVALID), ProtocolViolation.MALFORMED_PACKET, "the client id is not well-formed UTF-8");
        assertFinding(connect(NUL), ProtocolViolation.MALFORMED_PACKET, "the client id holds U+0000");
        assertFinding(connect(utf8("c"), 0x02, INVALID, null, null), ProtocolViolation.MALFORMED_PACKET,
                "the will topic is not well-formed UTF-8");
        assertFinding(connect(utf8("c"), 0x02, null, NUL, utf8("pw")), ProtocolViolation.MALFORMED_PACKET,
                "the user name holds U+0000");
        assertFinding(concat(connect(utf8("c")), publish(INVALID, 1, "x")), ProtocolViolation.MALFORMED_PACKET,
                "the topic name is not well-formed UTF-8");
        assertFinding(concat(connect(utf8("c")), publish(NUL, 0, "x")), ProtocolViolation.MALFORMED_PACKET,
                "the topic name holds U+0000");
        assertFinding(concat(connect(utf8("c")), subscribe(utf8("ok/#"), bytes('a', 0xE2, 0x82))),
                ProtocolViolation.MALFORMED_PACKET, "the topic filter is not well-formed UTF-8");
        assertFinding(concat(connect(utf8("c")), unsubscribe(NUL)), ProtocolViolation.MALFORMED_PACKET,
                "the topic filter holds U+0000");
    }

    @Test
    void topicsAndFiltersHaveWildcardsOnlyWhereTheyMay() {
        byte[] connect = connect(utf8("c"));
        assertThat(scan(concat(connect, subscribe(utf8("#"), utf8("+"), utf8("/#"), utf8("+/+/x/#"), utf8("a//+/"),
                utf8("$SYS/é/+")), unsubscribe(utf8("+/#")), publish(utf8("/junos/events/a b"), 0, "")))).isNull();
        for (String filter : new String[] {"a+", "+a", "a/+b/c", "#/a", "a#", "a/#/", "++", "##"}) {
            assertFinding(concat(connect, subscribe(utf8(filter))), ProtocolViolation.MALFORMED_PACKET,
                    "the topic filter has a wildcard out of place");
        }
        assertFinding(concat(connect, unsubscribe(utf8("a/b+"))), ProtocolViolation.MALFORMED_PACKET,
                "the topic filter has a wildcard out of place");
        assertFinding(concat(connect, subscribe(utf8("ok"), new byte[0])), ProtocolViolation.MALFORMED_PACKET,
                "the topic filter is empty");
        assertFinding(concat(connect, publish(utf8("a/+/b"), 0, "x")), ProtocolViolation.MALFORMED_PACKET,
                "the topic name has a wildcard");
        assertFinding(concat(connect, publish(utf8("a/#"), 0, "x")), ProtocolViolation.MALFORMED_PACKET,
                "the topic name has a wildcard");
        assertFinding(concat(connect, publish(new byte[0], 0, "x")), ProtocolViolation.MALFORMED_PACKET,
                "the topic name is empty");
        assertFinding(connect(utf8("c"), 0x02, utf8("will/#"), null, null), ProtocolViolation.MALFORMED_PACKET,
                "the will topic has a wildcard");
    }

    @Test
    void aSubscribeAsksForQos0To2() {
        byte[] connect = connect(utf8("c"));
        byte[] subscribe = subscribe(utf8("a"), utf8("b"));
        assertThat(scan(concat(connect, subscribe))).isNull();
        subscribe[subscribe.length - 1] = 3;
        assertFinding(concat(connect, subscribe), ProtocolViolation.MALFORMED_PACKET, "a requested QoS of 3");
        subscribe[subscribe.length - 1] = (byte) 0x81;
        assertFinding(concat(connect, subscribe), ProtocolViolation.MALFORMED_PACKET, "a requested QoS of 129");
    }

    @Test
    void aPasswordOrWillMessageNeedNotBeText() {
        assertThat(scan(connect(utf8("c"), 0x02, null, utf8("u"), concat(INVALID, NUL)))).isNull();
    }

    @Test
    void fieldsMustLieWithinTheirPacket() {
        byte[] overrun = concat(connect(utf8("c")), publish(utf8("topic"), 0, "payload"));
        int topicLength = connect(utf8("c")).length + 3;
        overrun[topicLength] = 100;
        assertFinding(overrun, ProtocolViolation.MALFORMED_PACKET, "the topic name runs past the end of its packet");
        assertFinding(concat(connect(utf8("c")), bytes(0x82, 0x02, 0x00, 0x01)), ProtocolViolation.MALFORMED_PACKET,
                "a SUBSCRIBE without a topic filter");
        assertFinding(concat(connect(utf8("c")), bytes(0xA2, 0x02, 0x00, 0x01)), ProtocolViolation.MALFORMED_PACKET,
                "an UNSUBSCRIBE without a topic filter");
        assertFinding(concat(connect(utf8("c")), bytes(0x82, 0x05, 0x00, 0x01, 0x00, 0x01, '#')),
                ProtocolViolation.MALFORMED_PACKET, "the packet ends before its requested QoS");
        byte[] connect = connect(utf8("c"));
        byte[] longer = concat(connect, bytes('x', 'y'));
        longer[1] = (byte) (longer.length - 2);
        assertFinding(longer, ProtocolViolation.MALFORMED_PACKET, "a CONNECT longer than its fields by 2 bytes");
        byte[] withoutClientId = Arrays.copyOf(connect, 12);
        withoutClientId[1] = 10;
        assertFinding(withoutClientId, ProtocolViolation.MALFORMED_PACKET, "the packet ends before its client id");
        assertFinding(bytes(0x10, 0x00), ProtocolViolation.MALFORMED_PACKET, "the packet ends before its protocol name");
    }

    /** The decoder takes what follows such a packet's fields for the next packet, whatever its length says. */
    @Test
    void packetsWhoseFieldsFixTheirLengthHaveThatLength() {
        byte[] connect = connect(utf8("c"));
        assertFinding(concat(connect, bytes(0xC0, 0x02, 0x82, 0x00)), ProtocolViolation.MALFORMED_PACKET,
                "a PINGREQ longer than its fields by 2 bytes");
        assertFinding(concat(connect, bytes(0xE0, 0x01, 0x00)), ProtocolViolation.MALFORMED_PACKET,
                "a DISCONNECT longer than its fields by 1 byte");
        assertFinding(concat(connect, bytes(0x40, 0x03, 0x00, 0x01, 0x00)), ProtocolViolation.MALFORMED_PACKET,
                "a PUBACK longer than its fields by 1 byte");
        assertFinding(concat(connect, bytes(0x62, 0x01, 0x00)), ProtocolViolation.MALFORMED_PACKET,
                "the packet ends before its packet id");
        byte[] publishWithoutPacketId = publish(utf8("t"), 0, "");
        publishWithoutPacketId[0] = 0x32;
        assertFinding(concat(connect, publishWithoutPacketId), ProtocolViolation.MALFORMED_PACKET,
                "the packet ends before its packet id");
        assertThat(scan(concat(connect, bytes(0x50, 0x02, 0x00, 0x01, 0x62, 0x02, 0x00, 0x01, 0x70, 0x02, 0x00, 0x01))))
                .as("PUBREC, PUBREL, PUBCOMP").isNull();
    }

    @Test
    void packetsOnlyAServerSendsOrOfReservedTypesAreMalformed() {
        byte[] connect = connect(utf8("c"));
        assertFinding(concat(connect, bytes(0x20, 0x02, 0x00, 0x00)), ProtocolViolation.MALFORMED_PACKET,
                "a CONNACK, which only a server sends");
        assertFinding(concat(connect, bytes(0x90, 0x03, 0x00, 0x01, 0x00)), ProtocolViolation.MALFORMED_PACKET,
                "a SUBACK, which only a server sends");
        assertFinding(concat(connect, bytes(0xB0, 0x02, 0x00, 0x01)), ProtocolViolation.MALFORMED_PACKET,
                "a UNSUBACK, which only a server sends");
        assertFinding(concat(connect, bytes(0xD0, 0x00)), ProtocolViolation.MALFORMED_PACKET,
                "a PINGRESP, which only a server sends");
        assertFinding(concat(connect, bytes(0x00, 0x00)), ProtocolViolation.MALFORMED_PACKET,
                "a packet of reserved type 0");
        assertFinding(concat(connect, bytes(0xF0, 0x00)), ProtocolViolation.MALFORMED_PACKET,
                "a packet of reserved type 15");
    }

    @Test
    void aConnectOfAnotherProtocolLevelStopsTheLooking() {
        byte[] mqtt5 = connect(utf8("c"));
        mqtt5[8] = 5;
        assertThat(scan(concat(mqtt5, connect(INVALID), bytes(0x00)))).isNull();
    }

    @Test
    void afterAFindingNothingMoreIsLookedAt() {
        PacketScanner scanner = new PacketScanner(LIMIT);
        assertThat(scanner.scan(buffer(bytes(0x30)))).isNotNull();
        assertThat(scanner.scan(buffer(connect(utf8("c"))))).isNull();
    }

    @Test
    void theBytesAreNotConsumed() {
        ByteBuf buffer = buffer(connect(utf8("c")));
        int readable = buffer.readableBytes();
        new PacketScanner(LIMIT).scan(buffer);
        assertThat(buffer.readableBytes()).isEqualTo(readable);
    }
}
