package dev.jetemu.bench.events;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The publish time carried in a payload, for the latency measurement: a route event's JSON with
 * one more member at the end, {@code "bench-published-ns":} and the publisher's
 * {@link System#nanoTime()} in 19 digits. On Linux that clock is CLOCK_MONOTONIC, one clock for
 * every process of the machine, so a subscriber in another process subtracts it from its own
 * reading. The digits sit at a fixed distance from the end, so reading them costs no parsing.
 */
public final class Stamp {

    private static final byte[] MEMBER = ",\"bench-published-ns\":".getBytes(StandardCharsets.US_ASCII);
    static final int DIGITS = 19;

    private Stamp() {
    }

    /** The event's JSON with the member added, its digits zero: copy it and {@link #write} the time. */
    public static byte[] template(byte[] eventJson) {
        int end = eventJson.length - 1;
        if (end < 1 || eventJson[end] != '}') {
            throw new IllegalArgumentException("not a JSON object: " + new String(eventJson, StandardCharsets.UTF_8));
        }
        byte[] template = Arrays.copyOf(eventJson, end + MEMBER.length + DIGITS + 1);
        System.arraycopy(MEMBER, 0, template, end, MEMBER.length);
        Arrays.fill(template, end + MEMBER.length, end + MEMBER.length + DIGITS, (byte) '0');
        template[template.length - 1] = '}';
        return template;
    }

    /** A copy of the template carrying {@code nanos}, which must not be negative. */
    public static byte[] stamped(byte[] template, long nanos) {
        byte[] payload = template.clone();
        write(payload, nanos);
        return payload;
    }

    static void write(byte[] payload, long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a negative System.nanoTime() (" + nanos + ") cannot be stamped");
        }
        long value = nanos;
        for (int i = payload.length - 2; i >= payload.length - 1 - DIGITS; i--) {
            payload[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The time a payload carries, or -1 when it carries none. Does not move the buffer's reader index. */
    public static long read(ByteBuf payload) {
        int end = payload.readerIndex() + payload.readableBytes() - 1;
        int first = end - DIGITS;
        if (first - 1 < payload.readerIndex() || payload.getByte(end) != '}' || payload.getByte(first - 1) != ':') {
            return -1;
        }
        long value = 0;
        for (int i = first; i < end; i++) {
            byte digit = payload.getByte(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }
}
