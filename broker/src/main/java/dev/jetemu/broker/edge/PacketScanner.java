package dev.jetemu.broker.edge;

import io.netty.buffer.ByteBuf;

/**
 * Follows a client's bytes packet by packet, as they arrive, for what Netty's MQTT decoder does not
 * check, or checks only once it holds the whole packet:
 * <ul>
 *   <li>the first packet is a CONNECT, and no other CONNECT follows [MQTT-3.1.0-1, -2]; no packet
 *       is of a reserved type or of one only a server sends;</li>
 *   <li>a packet's remaining length has at most four bytes and is within the size limit, and a
 *       CONNECT is no longer than a CONNECT can be, so that the decoder never buffers a large packet
 *       from a client that has not connected;</li>
 *   <li>the strings of CONNECT, PUBLISH, SUBSCRIBE and UNSUBSCRIBE are well-formed UTF-8 without
 *       U+0000 [MQTT-1.5.3-1, -2] (the decoder would replace what is ill-formed with U+FFFD), and
 *       every field lies within its packet; a SUBSCRIBE or UNSUBSCRIBE has a topic filter
 *       [MQTT-3.8.3-3, 3.10.3-2]; a packet whose fields fix its length has that length (the decoder
 *       would take what follows its fields for the next packet);</li>
 *   <li>topic names and filters are not empty and have wildcards only where they may (see
 *       {@link TopicCheck}), and a SUBSCRIBE asks for QoS 0, 1 or 2 [MQTT-3.8.3-4]. The engine would
 *       log an error and refuse the subscription; Mosquitto, the device's broker, closes the
 *       connection, and so does this.</li>
 * </ul>
 * It keeps no bytes: a packet split across reads is followed across them. What it does not look at
 * (the fixed header's flags but a PUBLISH's QoS, packet ids, payloads) is left to the decoder. After
 * a CONNECT of a protocol level other than 3.1.1's or 3.1's, whose packets are laid out otherwise,
 * it looks at nothing more.
 */
final class PacketScanner {

    /** What the client sent that breaks the protocol. */
    record Finding(ProtocolViolation violation, String what) {
    }

    /**
     * The longest CONNECT MQTT 3.1.1 and 3.1 allow: 12 bytes of protocol name ("MQIsdp"), level,
     * flags and keep-alive, then client id, will topic, will message, user name and password, each
     * of at most 2 + 65,535 bytes.
     */
    static final int MAX_CONNECT_BYTES = 12 + 5 * (2 + 65_535);

    private static final int CONNECT = 1;
    private static final int CONNACK = 2;
    private static final int PUBLISH = 3;
    private static final int PUBACK = 4;
    private static final int PUBREC = 5;
    private static final int PUBREL = 6;
    private static final int PUBCOMP = 7;
    private static final int SUBSCRIBE = 8;
    private static final int SUBACK = 9;
    private static final int UNSUBSCRIBE = 10;
    private static final int UNSUBACK = 11;
    private static final int PINGREQ = 12;
    private static final int PINGRESP = 13;
    private static final int DISCONNECT = 14;
    private static final String[] NAMES = {"packet of reserved type 0", "CONNECT", "CONNACK", "PUBLISH", "PUBACK",
            "PUBREC", "PUBREL", "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP",
            "DISCONNECT", "packet of reserved type 15"};
    private static final int MQTT_3_1 = 3;
    private static final int MQTT_3_1_1 = 4;
    private static final int WILL_FLAG = 0x04;
    private static final int USER_NAME_FLAG = 0x80;
    private static final int PASSWORD_FLAG = 0x40;

    private enum Step { TYPE, LENGTH, BODY, STOPPED }

    private enum Topic { NONE, NAME, FILTER }

    /** What the next bytes of a packet's body are. */
    private enum Field {
        /** A fixed number of bytes, the last of which is kept (a CONNECT's level and flags). */
        BYTES,
        /** A length-prefixed UTF-8 string. */
        TEXT,
        /** Length-prefixed binary data. */
        BINARY
    }

    private final int maxPacketBytes;
    private final Utf8Check utf8 = new Utf8Check();
    private final TopicCheck topic = new TopicCheck();

    private Step step = Step.TYPE;
    private boolean connectSeen;
    private int type;
    private int qos;
    /** Bytes of the current packet's body not read yet. */
    private int remaining;
    private int lengthDigits;
    private int multiplier;

    /** The field being read; null between fields. */
    private Field field;
    private String fieldName;
    /** Of a text field: whether it is a topic name or filter. */
    private Topic topicKind;
    /** How many of the packet's fields were considered so far, present or not. */
    private int fieldsConsidered;
    /** Bytes of the field not read yet, once its length is known. */
    private int fieldLeft;
    /** Bytes of the field's length prefix read so far: 0, 1 or 2 (2 for a field without one). */
    private int prefixRead;
    private int lastByte;
    private int connectFlags;
    /** Where {@link #scan} is in the buffer. */
    private int cursor;

    /** @param maxPacketBytes the largest remaining length a packet may have */
    PacketScanner(int maxPacketBytes) {
        this.maxPacketBytes = maxPacketBytes;
    }

    /**
     * Reads the readable bytes of {@code bytes}, without consuming them.
     *
     * @return what is wrong with them, or null; after a finding, nothing more is looked at
     */
    Finding scan(ByteBuf bytes) {
        cursor = bytes.readerIndex();
        int end = bytes.writerIndex();
        Finding finding = null;
        while (finding == null && step != Step.STOPPED && cursor < end) {
            finding = switch (step) {
                case TYPE -> packetStarts(bytes.getUnsignedByte(cursor++));
                case LENGTH -> lengthDigit(bytes.getUnsignedByte(cursor++));
                case BODY -> readField(bytes, end);
                case STOPPED -> null;
            };
        }
        if (finding != null) {
            step = Step.STOPPED;
        }
        return finding;
    }

    private Finding packetStarts(int firstByte) {
        int packetType = firstByte >> 4;
        if (!connectSeen && packetType != CONNECT) {
            return new Finding(ProtocolViolation.PACKET_BEFORE_CONNECT,
                    "the first packet is not a CONNECT (packet type " + packetType + ")");
        }
        if (connectSeen && packetType == CONNECT) {
            return new Finding(ProtocolViolation.SECOND_CONNECT, "a second CONNECT on the connection");
        }
        switch (packetType) {
            case CONNACK, SUBACK, UNSUBACK, PINGRESP -> {
                return malformed("a " + NAMES[packetType] + ", which only a server sends");
            }
            case 0, 15 -> {
                return malformed("a " + NAMES[packetType]);
            }
            default -> {
                // a packet a client sends
            }
        }
        connectSeen = true;
        type = packetType;
        qos = firstByte >> 1 & 0x03;
        remaining = 0;
        lengthDigits = 0;
        multiplier = 1;
        step = Step.LENGTH;
        return null;
    }

    private Finding lengthDigit(int digit) {
        remaining += (digit & 0x7f) * multiplier;
        multiplier *= 128;
        lengthDigits++;
        if ((digit & 0x80) != 0) {
            return lengthDigits < 4 ? null
                    : malformed("a remaining length of more than four bytes");
        }
        if (remaining > maxPacketBytes) {
            return new Finding(ProtocolViolation.PACKET_TOO_LARGE,
                    "a packet of " + remaining + " bytes exceeds the limit of " + maxPacketBytes + " bytes");
        }
        if (type == CONNECT && remaining > MAX_CONNECT_BYTES) {
            return new Finding(ProtocolViolation.PACKET_TOO_LARGE,
                    "a CONNECT of " + remaining + " bytes, longer than any can be (" + MAX_CONNECT_BYTES + ")");
        }
        step = Step.BODY;
        field = null;
        fieldsConsidered = 0;
        return advance();
    }

    /** Reads what has arrived of the current field: its length prefix, then its bytes. */
    private Finding readField(ByteBuf bytes, int end) {
        while (prefixRead < 2) {
            if (cursor == end) {
                return null;
            }
            fieldLeft = fieldLeft << 8 | bytes.getUnsignedByte(cursor++);
            remaining--;
            prefixRead++;
            if (prefixRead == 2 && fieldLeft > remaining) {
                return malformed("the " + fieldName + " runs past the end of its packet");
            }
        }
        int n = Math.min(end - cursor, fieldLeft);
        if (field == Field.TEXT) {
            for (int i = cursor; i < cursor + n; i++) {
                int b = bytes.getUnsignedByte(i);
                if (!utf8.accept(b)) {
                    return notUtf8();
                }
                if (topicKind != Topic.NONE && !topic.accept(b)) {
                    return badTopic();
                }
            }
        } else if (field == Field.BYTES && n > 0 && n == fieldLeft) {
            lastByte = bytes.getUnsignedByte(cursor + n - 1);
        }
        cursor += n;
        fieldLeft -= n;
        remaining -= n;
        return fieldLeft == 0 ? fieldEnded() : null;
    }

    private Finding fieldEnded() {
        if (field == Field.TEXT && !utf8.complete()) {
            return notUtf8();
        }
        if (field == Field.TEXT && topicKind != Topic.NONE && !topic.complete()) {
            return badTopic();
        }
        // A SUBSCRIBE's fields: packet id, then filter and requested QoS in turn; a QoS ends the 3rd, 5th...
        if (type == SUBSCRIBE && fieldsConsidered > 2 && fieldsConsidered % 2 == 1 && lastByte > 2) {
            return malformed("a requested QoS of " + lastByte);
        }
        field = null;
        if (type == CONNECT && fieldsConsidered == 2 && lastByte != MQTT_3_1_1 && lastByte != MQTT_3_1) {
            // The gate answers CONNACK 1; packets of other levels are laid out otherwise.
            step = Step.STOPPED;
            return null;
        }
        if (type == CONNECT && fieldsConsidered == 3) {
            connectFlags = lastByte;
        }
        return advance();
    }

    /** Starts the packet's next field, or ends the packet. */
    private Finding advance() {
        while (step == Step.BODY && field == null) {
            Finding finding = considerNextField();
            if (finding != null) {
                return finding;
            }
        }
        return null;
    }

    /** Starts the next field when the packet has it; ends the packet when it has no more. */
    private Finding considerNextField() {
        int index = fieldsConsidered++;
        return switch (type) {
            case CONNECT -> switch (index) {
                case 0 -> text("protocol name");
                case 1 -> bytes(1, "protocol level");
                case 2 -> bytes(1, "connect flags");
                case 3 -> bytes(2, "keep-alive");
                case 4 -> text("client id");
                case 5 -> (connectFlags & WILL_FLAG) != 0 ? text("will topic", Topic.NAME) : null;
                case 6 -> (connectFlags & WILL_FLAG) != 0 ? binary("will message") : null;
                case 7 -> (connectFlags & USER_NAME_FLAG) != 0 ? text("user name") : null;
                case 8 -> (connectFlags & PASSWORD_FLAG) != 0 ? binary("password") : null;
                default -> noMore();
            };
            case PUBLISH -> index == 0 ? text("topic name", Topic.NAME)
                    : index == 1 && qos > 0 ? bytes(2, "packet id") : rest();
            case PUBACK, PUBREC, PUBREL, PUBCOMP -> index == 0 ? bytes(2, "packet id") : noMore();
            case SUBSCRIBE -> index == 0 ? bytes(2, "packet id")
                    : index % 2 == 0 ? bytes(1, "requested QoS")
                    : remaining > 0 ? text("topic filter", Topic.FILTER)
                    : index == 1 ? malformed("a SUBSCRIBE without a topic filter") : packetEnded();
            case UNSUBSCRIBE -> index == 0 ? bytes(2, "packet id")
                    : remaining > 0 ? text("topic filter", Topic.FILTER)
                    : index == 1 ? malformed("an UNSUBSCRIBE without a topic filter") : packetEnded();
            default -> noMore();
        };
    }

    /** Ends a packet whose fields are all read: it must have nothing more. */
    private Finding noMore() {
        return remaining == 0 ? packetEnded() : malformed("a " + NAMES[type] + " longer than its fields by "
                + remaining + (remaining == 1 ? " byte" : " bytes"));
    }

    private Finding text(String name) {
        return text(name, Topic.NONE);
    }

    private Finding text(String name, Topic kind) {
        utf8.reset();
        topicKind = kind;
        topic.reset(kind == Topic.FILTER);
        return prefixed(Field.TEXT, name);
    }

    private Finding binary(String name) {
        return prefixed(Field.BINARY, name);
    }

    private Finding prefixed(Field kind, String name) {
        field = kind;
        fieldName = name;
        fieldLeft = 0;
        prefixRead = 0;
        return remaining < 2 ? malformed("the packet ends before its " + name) : null;
    }

    private Finding bytes(int count, String name) {
        field = Field.BYTES;
        fieldName = name;
        fieldLeft = count;
        prefixRead = 2;
        return remaining < count ? malformed("the packet ends before its " + name) : null;
    }

    /** Skips what is left of the packet, or ends it. */
    private Finding rest() {
        return remaining == 0 ? packetEnded() : bytes(remaining, "payload");
    }

    private Finding packetEnded() {
        field = null;
        step = Step.TYPE;
        return null;
    }

    private Finding notUtf8() {
        return malformed("the " + fieldName + " " + (utf8.refusedNul() ? "holds U+0000" : "is not well-formed UTF-8"));
    }

    private Finding badTopic() {
        return malformed("the " + fieldName + " " + topic.problem());
    }

    private static Finding malformed(String what) {
        return new Finding(ProtocolViolation.MALFORMED_PACKET, what);
    }
}
