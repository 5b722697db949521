package dev.jetemu.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The route-add jet-events both brokers carry: one per /24 under 10.0.0.0/8, on the topic the
 * device uses ({@code /junos/events/kernel/route/add/inet/10.X.Y.0/24}), with the documented
 * route attributes and, last in the document, a {@code "sequence"} number that the subscribers
 * check order and loss by. About 370 bytes each, like the device's own.
 */
final class RouteEvents {

    /** What the subscribers subscribe to: every route event, as an application following the routing table does. */
    static final String FILTER = "/junos/events/kernel/route/#";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long START_MILLIS = Instant.parse("2026-11-21T08:00:00Z").toEpochMilli();

    private RouteEvents() {
    }

    /**
     * Topics and payloads of {@code count} events, built before any clock starts so that neither
     * broker's figure includes building them.
     */
    record Batch(String[] topics, byte[][] payloads) {
        int size() {
            return topics.length;
        }
    }

    static Batch batch(int count) {
        String[] topics = new String[count];
        byte[][] payloads = new byte[count][];
        for (int sequence = 0; sequence < count; sequence++) {
            String network = "10." + ((sequence >> 8) & 0xff) + "." + (sequence & 0xff) + ".0";
            topics[sequence] = "/junos/events/kernel/route/add/inet/" + network + "/24";
            payloads[sequence] = payload(sequence, network + "/24");
        }
        return new Batch(topics, payloads);
    }

    private static byte[] payload(int sequence, String prefix) {
        String json = "{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\",\"hostname\":\"vmx1-bench\","
                + "\"time\":\"" + TIME.format(Instant.ofEpochMilli(START_MILLIS + sequence)) + "\","
                + "\"severity\":\"info\",\"facility\":\"KERNEL\",\"attributes\":{\"table-name\":\"inet.0\","
                + "\"logical-router-name\":\"default\",\"address-family\":\"inet\",\"route-type\":\"bgp\","
                + "\"route-prefix\":\"" + prefix + "\",\"next-hop-address\":[\"192.0.2.2\",\"192.0.2.6\","
                + "\"198.51.100.10\"],\"flags\":0},\"sequence\":" + sequence + "}}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The sequence number at the end of a payload ({@code ...,"sequence":42}}), or -1 when the
     * payload does not end that way. Read backwards from the end so that a subscriber spends a
     * few dozen nanoseconds per message, not a JSON parse.
     */
    static int sequenceOf(byte[] payload) {
        int i = payload.length - 1;
        while (i >= 0 && payload[i] == '}') {
            i--;
        }
        int value = 0;
        int multiplier = 1;
        int digits = 0;
        while (i >= 0 && payload[i] >= '0' && payload[i] <= '9' && digits < 10) {
            value += (payload[i] - '0') * multiplier;
            multiplier *= 10;
            digits++;
            i--;
        }
        if (digits == 0 || i < 0 || payload[i] != ':') {
            return -1;
        }
        return value;
    }
}
