package dev.jetemu.broker;

import dev.jetemu.broker.edge.ProtocolViolation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import static dev.jetemu.broker.MqttBytes.CLEAN_SESSION;
import static dev.jetemu.broker.MqttBytes.concat;
import static dev.jetemu.broker.MqttBytes.utf8;

/**
 * Bad input for the broker's MQTT port, seeded and reproducible: case {@code i} depends on the seed
 * and {@code i} only, whichever cases were made before it and on whichever thread. Each case is
 * what one client sends on one connection, and what the broker must then do.
 */
final class MqttFuzzCases {

    static final long DEFAULT_SEED = 0x6A65_7465_6D75L;

    /** What the broker must do with a case's bytes. */
    enum Outcome {
        /** Close the connection by itself, reporting one of the case's violations. */
        CLOSES,
        /** Keep the connection open: the bytes end inside a packet that it must wait for the rest of. */
        WAITS,
        /** Either: the bytes are random or mutated, and what they hold is not known beforehand. */
        EITHER
    }

    /** The kinds of case, each with its share of the cases (out of 100). */
    enum Kind {
        RANDOM_BYTES(8, Outcome.EITHER),
        GARBAGE_AFTER_CONNECT(5, Outcome.EITHER),
        BIT_FLIPS(19, Outcome.EITHER),
        TRUNCATED_CONNECT(8, Outcome.WAITS),
        TRUNCATED_AFTER_CONNECT(6, Outcome.WAITS),
        LARGE_LENGTH_WITHIN_LIMIT(2, Outcome.WAITS),
        TRUNCATED_FIRST_PACKET(4, Outcome.CLOSES, ProtocolViolation.PACKET_BEFORE_CONNECT),
        PACKET_BEFORE_CONNECT(4, Outcome.CLOSES, ProtocolViolation.PACKET_BEFORE_CONNECT),
        BAD_PROTOCOL_NAME(4, Outcome.CLOSES, ProtocolViolation.MALFORMED_PACKET),
        BAD_PROTOCOL_LEVEL(4, Outcome.CLOSES, ProtocolViolation.MALFORMED_PACKET),
        RESERVED_FLAGS(5, Outcome.CLOSES, ProtocolViolation.MALFORMED_PACKET),
        CONNECT_RESERVED_FLAG(2, Outcome.CLOSES, ProtocolViolation.MALFORMED_PACKET),
        PUBLISH_QOS_3(3, Outcome.CLOSES, ProtocolViolation.MALFORMED_PACKET),
        FIVE_BYTE_LENGTH(3, Outcome.CLOSES, ProtocolViolation.MALFORMED_PACKET),
        INVALID_UTF8(5, Outcome.CLOSES, ProtocolViolation.MALFORMED_PACKET),
        NUL_IN_STRING(3, Outcome.CLOSES, ProtocolViolation.MALFORMED_PACKET),
        BAD_TOPIC(3, Outcome.CLOSES, ProtocolViolation.MALFORMED_PACKET),
        LENGTH_OVER_LIMIT(4, Outcome.CLOSES, ProtocolViolation.PACKET_TOO_LARGE),
        SECOND_CONNECT(4, Outcome.CLOSES, ProtocolViolation.SECOND_CONNECT),
        MQTT5_CONNECT(2, Outcome.CLOSES, ProtocolViolation.CONNECT_REJECTED),
        EMPTY_ID_WITHOUT_CLEAN_SESSION(2, Outcome.CLOSES, ProtocolViolation.CONNECT_REJECTED);

        private final int share;
        private final Outcome outcome;
        private final Set<ProtocolViolation> violations;

        Kind(int share, Outcome outcome, ProtocolViolation... violations) {
            this.share = share;
            this.outcome = outcome;
            this.violations = violations.length == 0 ? EnumSet.noneOf(ProtocolViolation.class)
                    : EnumSet.copyOf(Arrays.asList(violations));
        }

        Outcome outcome() {
            return outcome;
        }

        /** For a case the broker closes, the violation it must report. */
        Set<ProtocolViolation> violations() {
            return violations;
        }
    }

    /** One connection's worth of bad input. */
    record FuzzCase(long index, Kind kind, byte[] bytes) {

        Outcome outcome() {
            return kind.outcome();
        }

        @Override
        public String toString() {
            return "case " + index + " " + kind + " " + MqttBytes.hex(bytes, 96);
        }
    }

    private static final Kind[] BY_SHARE = byShare();
    /** Ill-formed UTF-8: a lone continuation byte, overlong forms, a surrogate, beyond U+10FFFF, cut short. */
    private static final byte[][] ILL_FORMED = {
            {(byte) 0x80}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}};
    private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int MAX_REMAINING_LENGTH = 268_435_455;

    private final long seed;

    MqttFuzzCases(long seed) {
        this.seed = seed;
    }

    long seed() {
        return seed;
    }

    FuzzCase caseAt(long index) {
        Random random = new Random(seed ^ (index + 1) * 0x9E37_79B9_7F4A_7C15L);
        Kind kind = BY_SHARE[random.nextInt(BY_SHARE.length)];
        return new FuzzCase(index, kind, bytes(kind, random));
    }

    private static Kind[] byShare() {
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += kind.share;
        }
        Kind[] kinds = new Kind[total];
        int next = 0;
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < kind.share; i++) {
                kinds[next++] = kind;
            }
        }
        return kinds;
    }

    private static byte[] bytes(Kind kind, Random random) {
        return switch (kind) {
            case RANDOM_BYTES -> randomBytes(random, 1 + random.nextInt(48));
            case GARBAGE_AFTER_CONNECT -> concat(validConnect(random), randomBytes(random, 1 + random.nextInt(48)));
            case BIT_FLIPS -> flipBits(validConversation(random), random);
            case TRUNCATED_CONNECT -> truncated(validConnect(random), random);
            case TRUNCATED_AFTER_CONNECT -> concat(validConnect(random), truncated(validPacket(random), random));
            case LARGE_LENGTH_WITHIN_LIMIT -> concat(validConnect(random),
                    publishClaiming(1_000 + random.nextInt(BrokerSettings.DEFAULT_MAX_MESSAGE_BYTES - 1_000), random));
            case TRUNCATED_FIRST_PACKET -> truncated(validPacket(random), random);
            case PACKET_BEFORE_CONNECT -> packetBeforeConnect(random);
            case BAD_PROTOCOL_NAME -> MqttBytes.connect(badProtocolName(random), 4, CLEAN_SESSION, clientId(random),
                    null, null, null);
            case BAD_PROTOCOL_LEVEL -> MqttBytes.connect(utf8("MQTT"), badProtocolLevel(random), CLEAN_SESSION,
                    clientId(random), null, null, null);
            case RESERVED_FLAGS -> reservedFlags(random);
            case CONNECT_RESERVED_FLAG -> MqttBytes.connect(utf8("MQTT"), 4, CLEAN_SESSION | 0x01, clientId(random),
                    null, null, null);
            case PUBLISH_QOS_3 -> {
                byte[] publish = MqttBytes.publish(1, topic(random), randomBytes(random, random.nextInt(20)));
                publish[0] = (byte) (0x36 | random.nextInt(2) << 3 | random.nextInt(2));
                yield concat(validConnect(random), publish);
            }
            case FIVE_BYTE_LENGTH -> {
                int firstByte = new int[] {MqttBytes.CONNECT, MqttBytes.PUBLISH, MqttBytes.SUBSCRIBE,
                        MqttBytes.PINGREQ}[random.nextInt(4)];
                byte[] packet = concat(new byte[] {(byte) firstByte, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                        (byte) (0x80 | random.nextInt(128)), (byte) random.nextInt(128)},
                        randomBytes(random, random.nextInt(16)));
                yield firstByte == MqttBytes.CONNECT ? packet : concat(validConnect(random), packet);
            }
            case INVALID_UTF8 -> badString(random, ILL_FORMED[random.nextInt(ILL_FORMED.length)]);
            case NUL_IN_STRING -> badString(random, new byte[] {0});
            case BAD_TOPIC -> badTopic(random);
            case LENGTH_OVER_LIMIT -> lengthOverLimit(random);
            case SECOND_CONNECT -> {
                byte[] first = validConnect(random);
                byte[] between = random.nextBoolean() ? MqttBytes.subscribe(1, filter(random)) : new byte[0];
                yield concat(first, between, random.nextBoolean() ? first : validConnect(random));
            }
            case MQTT5_CONNECT -> MqttBytes.connectMqtt5(clientId(random));
            case EMPTY_ID_WITHOUT_CLEAN_SESSION -> MqttBytes.connect(utf8("MQTT"), 4, 0, new byte[0], null, null, null);
        };
    }

    /** A CONNECT as clients send it: 3.1.1, sometimes with a will or credentials, or 3.1. */
    private static byte[] validConnect(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> MqttBytes.connect(utf8("MQTT"), 4, CLEAN_SESSION, clientId(random), utf8("fuzz/will"), null,
                    null);
            case 1 -> MqttBytes.connect(utf8("MQTT"), 4, CLEAN_SESSION, clientId(random), null, utf8("fuzzer"),
                    randomBytes(random, random.nextInt(12)));
            case 2 -> MqttBytes.connect(utf8("MQIsdp"), 3, CLEAN_SESSION, clientId(random), null, null, null);
            default -> MqttBytes.connect(clientId(random));
        };
    }

    /** A SUBSCRIBE, PUBLISH or UNSUBSCRIBE, valid once connected. */
    private static byte[] validPacket(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> MqttBytes.subscribe(1 + random.nextInt(65_535), filter(random), filter(random));
            case 1 -> MqttBytes.publish(random.nextInt(2), topic(random), randomBytes(random, random.nextInt(64)));
            default -> MqttBytes.unsubscribe(1 + random.nextInt(65_535), filter(random));
        };
    }

    /**
     * A CONNECT (an empty client id half the time: a flipped clean-session bit then makes a refusal,
     * not a session kept for ever) and some packets a connected client sends.
     */
    private static byte[] validConversation(Random random) {
        byte[] connect = random.nextBoolean() ? MqttBytes.connect(new byte[0]) : validConnect(random);
        byte[] conversation = connect;
        int packets = random.nextInt(4);
        for (int i = 0; i < packets; i++) {
            byte[] next = random.nextInt(4) == 0 ? new byte[] {(byte) MqttBytes.PINGREQ, 0} : validPacket(random);
            conversation = concat(conversation, next);
        }
        return conversation;
    }

    private static byte[] flipBits(byte[] bytes, Random random) {
        byte[] flipped = bytes.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
    }

    /** The packet cut short: at least its first byte, at most all but its last. */
    private static byte[] truncated(byte[] packet, Random random) {
        return Arrays.copyOf(packet, 1 + random.nextInt(packet.length - 1));
    }

    /** A PUBLISH whose remaining length claims {@code claimed} bytes, with its topic and a little of the rest. */
    private static byte[] publishClaiming(int claimed, Random random) {
        byte[] topic = topic(random);
        byte[] start = concat(new byte[] {(byte) (topic.length >> 8), (byte) topic.length}, topic,
                randomBytes(random, random.nextInt(32)));
        return concat(new byte[] {(byte) MqttBytes.PUBLISH}, MqttBytes.remainingLength(claimed), start);
    }

    private static byte[] packetBeforeConnect(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> MqttBytes.subscribe(1, filter(random));
            case 1 -> MqttBytes.publish(random.nextInt(3), topic(random), randomBytes(random, random.nextInt(32)));
            case 2 -> new byte[] {(byte) MqttBytes.PINGREQ, 0};
            case 3 -> new byte[] {(byte) MqttBytes.DISCONNECT, 0};
            case 4 -> new byte[] {0x40, 0x02, 0x00, 0x01};         // PUBACK
            default -> MqttBytes.unsubscribe(1, filter(random));
        };
    }

    private static byte[] badProtocolName(Random random) {
        String[] names = {"MQTX", "mqtt", "MQT", "MQTTT", "MQIsdp", "", "MQTT\u00e9"};
        if (random.nextInt(4) > 0) {
            return utf8(names[random.nextInt(names.length)]);
        }
        String name;
        do {
            name = new String(randomId(random, 1 + random.nextInt(8)));
        } while (name.equals("MQTT"));
        return utf8(name);
    }

    /** Any level but 4 (MQTT 3.1.1) and 5 (MQTT 5, answered with a CONNACK): 3 goes with "MQIsdp" only. */
    private static int badProtocolLevel(Random random) {
        int level;
        do {
            level = random.nextInt(256);
        } while (level == 4 || level == 5);
        return level;
    }

    /** A first byte with flags MQTT 3.1.1 reserves, or a packet type it does not have, after a CONNECT or as one. */
    private static byte[] reservedFlags(Random random) {
        int flags = 1 + random.nextInt(15);
        return switch (random.nextInt(6)) {
            case 0 -> {
                byte[] connect = validConnect(random);
                connect[0] = (byte) (MqttBytes.CONNECT | flags);
                yield connect;
            }
            case 1 -> {
                byte[] subscribe = MqttBytes.subscribe(1, filter(random));
                subscribe[0] = (byte) (0x80 | (flags == 2 ? 3 : flags));
                yield concat(validConnect(random), subscribe);
            }
            case 2 -> concat(validConnect(random), new byte[] {(byte) (MqttBytes.PINGREQ | flags), 0});
            case 3 -> concat(validConnect(random), new byte[] {(byte) (0x60 | (flags == 2 ? 6 : flags)), 2, 0, 1});
            case 4 -> concat(validConnect(random), new byte[] {(byte) 0xF0, 0});     // AUTH: MQTT 5 only
            default -> concat(validConnect(random), new byte[] {(byte) (random.nextInt(16)), 0});  // type 0
        };
    }

    private static byte[] badString(Random random, byte[] bad) {
        return switch (random.nextInt(6)) {
            case 0 -> MqttBytes.connect(spliced(clientId(random), bad, random));
            case 1 -> MqttBytes.connect(utf8("MQTT"), 4, CLEAN_SESSION, clientId(random),
                    spliced(topic(random), bad, random), null, null);
            case 2 -> MqttBytes.connect(utf8("MQTT"), 4, CLEAN_SESSION, clientId(random), null,
                    spliced(utf8("fuzzer"), bad, random), utf8("pw"));
            case 3 -> concat(validConnect(random), MqttBytes.publish(random.nextInt(2),
                    spliced(topic(random), bad, random), randomBytes(random, random.nextInt(16))));
            case 4 -> concat(validConnect(random), MqttBytes.subscribe(1, filter(random),
                    spliced(filter(random), bad, random)));
            default -> concat(validConnect(random), MqttBytes.unsubscribe(1, spliced(filter(random), bad, random)));
        };
    }

    /** A wildcard out of place in a filter, one in a topic name, an empty one, or a SUBSCRIBE asking for QoS 3. */
    private static byte[] badTopic(Random random) {
        String[] filters = {"fuzz/a+", "fuzz/+a", "fuzz/#/a", "fuzz#", "fuzz/##", "+fuzz", ""};
        String[] names = {"fuzz/+", "fuzz/#", "fuzz/a+b", "#", ""};
        byte[] bad = switch (random.nextInt(5)) {
            case 0 -> MqttBytes.subscribe(1, filter(random), utf8(filters[random.nextInt(filters.length)]));
            case 1 -> MqttBytes.unsubscribe(1, utf8(filters[random.nextInt(filters.length)]));
            case 2 -> MqttBytes.publish(random.nextInt(2), utf8(names[random.nextInt(names.length)]),
                    randomBytes(random, random.nextInt(16)));
            case 3 -> {
                byte[] subscribe = MqttBytes.subscribe(1, filter(random));
                subscribe[subscribe.length - 1] = (byte) (3 + random.nextInt(253));
                yield subscribe;
            }
            default -> MqttBytes.connect(utf8("MQTT"), 4, CLEAN_SESSION, clientId(random),
                    utf8(names[random.nextInt(names.length)]), null, null);
        };
        return bad[0] == MqttBytes.CONNECT ? bad : concat(validConnect(random), bad);
    }

    private static byte[] spliced(byte[] text, byte[] bad, Random random) {
        int at = random.nextInt(text.length + 1);
        return concat(Arrays.copyOf(text, at), bad, Arrays.copyOfRange(text, at, text.length));
    }

    /** A remaining length over the 16 MiB limit, or a CONNECT longer than any can be; little data behind it. */
    private static byte[] lengthOverLimit(Random random) {
        int overLimit = BrokerSettings.DEFAULT_MAX_MESSAGE_BYTES + 1
                + random.nextInt(MAX_REMAINING_LENGTH - BrokerSettings.DEFAULT_MAX_MESSAGE_BYTES);
        return switch (random.nextInt(3)) {
            case 0 -> {
                byte[] connect = MqttBytes.connect(clientId(random));
                int claimed = 400_000 + random.nextInt(MAX_REMAINING_LENGTH - 400_000);
                yield concat(new byte[] {(byte) MqttBytes.CONNECT}, MqttBytes.remainingLength(claimed),
                        Arrays.copyOfRange(connect, 2, connect.length));
            }
            case 1 -> concat(validConnect(random), publishClaiming(overLimit, random));
            default -> concat(validConnect(random), publishClaiming(MAX_REMAINING_LENGTH, random));
        };
    }

    /** Eight to 23 letters and digits (MQTT 3.1 allows no more): unlikely to be any other case's. */
    private static byte[] clientId(Random random) {
        return randomId(random, 8 + random.nextInt(16));
    }

    private static byte[] randomId(Random random, int length) {
        byte[] id = new byte[length];
        for (int i = 0; i < length; i++) {
            id[i] = (byte) ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length()));
        }
        return id;
    }

    /** Topics and filters under {@code fuzz/}: away from the device's, so no fuzz client is sent its events. */
    private static byte[] topic(Random random) {
        return utf8("fuzz/" + new String(randomId(random, 1 + random.nextInt(8))));
    }

    private static byte[] filter(Random random) {
        return utf8(switch (random.nextInt(3)) {
            case 0 -> "fuzz/" + new String(randomId(random, 1 + random.nextInt(8))) + "/#";
            case 1 -> "fuzz/+/" + new String(randomId(random, 1 + random.nextInt(4)));
            default -> "fuzz/" + new String(randomId(random, 1 + random.nextInt(8)));
        });
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
