package dev.jetemu.bench.mqtt;

import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * What one subscriber received, checked against the events in the order they were published:
 * each event exactly once and in order. A copy of an event already received is a duplicate,
 * unless it carries the DUP flag: a QoS 1 resend that MQTT allows, counted but not held against
 * the broker. An event that skips ahead leaves a gap (events lost, or late); one that steps back
 * arrives out of order. Not thread-safe: one subscriber's channel feeds it.
 */
public final class DeliveryCheck {

    private final int expected;
    private final BitSet seen;
    /** How each event's first copy came: its packet id, and {@link #DUP_BIT} when it carried the DUP flag. */
    private final int[] firstCopy;
    private int next;
    private int distinct;
    private long received;
    private int resends;
    private int duplicates;
    private int gaps;
    private int stepsBack;
    private int unexpected;
    private int unreadable;
    private String firstIrregularity;

    public DeliveryCheck(int expected) {
        this.expected = expected;
        this.seen = new BitSet(expected);
        this.firstCopy = new int[expected];
    }

    private static final int DUP_BIT = 1 << 16;

    /** {@link #accept(int, boolean, String, int)} of a QoS 0 message, which has no packet id. */
    public boolean accept(int index, boolean dup, String topic) {
        return accept(index, dup, topic, 0);
    }

    /**
     * Notes a message that carried event {@code index} ({@code -1}: none of the events published).
     *
     * @param packetId the message's packet id (QoS 1), named in the report of an irregularity
     * @return true for the event's first copy
     */
    public boolean accept(int index, boolean dup, String topic, int packetId) {
        received++;
        if (index < 0 || index >= expected) {
            unexpected++;
            irregular("a message on " + topic + ", which was not published");
            return false;
        }
        if (seen.get(index)) {
            if (dup) {
                resends++;
            } else {
                duplicates++;
                irregular("#" + index + " arrived twice (" + copy(packetId, dup) + "; the first copy "
                        + copy(firstCopy[index] & 0xFFFF, (firstCopy[index] & DUP_BIT) != 0) + ")");
            }
            return false;
        }
        seen.set(index);
        firstCopy[index] = packetId | (dup ? DUP_BIT : 0);
        distinct++;
        if (index > next) {
            gaps++;
            irregular((next == 0 ? "the first event was #" + index : "#" + (next - 1) + " was followed by #" + index)
                    + " (" + copy(packetId, dup) + ")");
        } else if (index < next) {
            stepsBack++;
            irregular("#" + index + " arrived after #" + (next - 1) + " (" + copy(packetId, dup) + ")");
        }
        next = Math.max(next, index + 1);
        return true;
    }

    private static String copy(int packetId, boolean dup) {
        return (packetId == 0 ? "" : "packet id " + packetId + ", ") + (dup ? "DUP" : "not DUP");
    }

    /** A message whose payload was not the event's (or did not carry what it should). */
    public void unreadable(int index, String what) {
        unreadable++;
        irregular("#" + index + ": " + what);
    }

    private void irregular(String what) {
        if (firstIrregularity == null) {
            firstIrregularity = what;
        }
    }

    /** Every event received. */
    public boolean complete() {
        return distinct == expected;
    }

    /** Messages received, copies included. */
    public long received() {
        return received;
    }

    /** Events not received (lost, or not yet). */
    public int missing() {
        return expected - distinct;
    }

    /** QoS 1 resends (DUP flag) of events already received. */
    public int resends() {
        return resends;
    }

    /**
     * What went wrong, or empty when every event came once, in order, and as published. With
     * {@code lossAllowed} (a broker known to drop QoS 0 messages under load), missing events and
     * the gaps they leave are reported by {@link #missing()} rather than here.
     */
    public Optional<String> problem(boolean lossAllowed) {
        boolean lossy = missing() > 0 || gaps > 0;
        if ((lossAllowed || !lossy) && duplicates == 0 && stepsBack == 0 && unexpected == 0 && unreadable == 0) {
            return Optional.empty();
        }
        StringBuilder problem = new StringBuilder(String.format(Locale.ROOT, "received %,d of %,d events",
                distinct, expected));
        if (missing() > 0) {
            problem.append(String.format(Locale.ROOT, " (%,d LOST)", missing()));
        }
        append(problem, duplicates, "duplicates");
        append(problem, stepsBack, "out of order");
        append(problem, unexpected, "not published");
        append(problem, unreadable, "with a payload other than published");
        if (!lossAllowed) {
            append(problem, gaps, "gaps");
        }
        if (firstIrregularity != null) {
            problem.append("; first: ").append(firstIrregularity);
        }
        return Optional.of(problem.toString());
    }

    private static void append(StringBuilder problem, int count, String what) {
        if (count > 0) {
            problem.append(String.format(Locale.ROOT, ", %,d %s", count, what));
        }
    }
}
