package dev.jetemu.broker.edge;

/**
 * Checks the bytes of one string as they arrive: well-formed UTF-8 as RFC 3629 defines it (no
 * overlong forms, no surrogates, nothing above U+10FFFF) and, as MQTT requires, no U+0000.
 */
final class Utf8Check {

    private static final int CONTINUATION_LOW = 0x80;
    private static final int CONTINUATION_HIGH = 0xBF;

    /** Continuation bytes still expected for the character begun. */
    private int pending;
    /** The range the next continuation byte must be in (narrower after E0, ED, F0, F4). */
    private int low = CONTINUATION_LOW;
    private int high = CONTINUATION_HIGH;
    private boolean nul;

    /** Starts a new string. */
    void reset() {
        pending = 0;
        low = CONTINUATION_LOW;
        high = CONTINUATION_HIGH;
        nul = false;
    }

    /** Takes the next byte (0-255); false when it cannot come there. */
    boolean accept(int b) {
        if (pending > 0) {
            if (b < low || b > high) {
                return false;
            }
            pending--;
            low = CONTINUATION_LOW;
            high = CONTINUATION_HIGH;
            return true;
        }
        if (b == 0) {
            nul = true;
            return false;
        }
        if (b < 0x80) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            if (b == 0xE0) {
                low = 0xA0;         // else overlong
            } else if (b == 0xED) {
                high = 0x9F;        // else a surrogate
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            if (b == 0xF0) {
                low = 0x90;         // else overlong
            } else if (b == 0xF4) {
                high = 0x8F;        // else above U+10FFFF
            }
        } else {
            return false;           // a continuation byte first, C0, C1 or F5-FF
        }
        return true;
    }

    /** Whether the string may end here: no character left half-way. */
    boolean complete() {
        return pending == 0;
    }

    /** Whether the byte refused was U+0000. */
    boolean refusedNul() {
        return nul;
    }
}
