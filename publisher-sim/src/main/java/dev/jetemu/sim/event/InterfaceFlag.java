package dev.jetemu.sim.event;

/**
 * The bits of the {@code flags} attribute of IFD and IFL events: the one table of them.
 *
 * <p>Junos does not document the bits. The vendor's single example, an added ge-0/0/0, shows
 * {@code "flags": 8}. The emulator reads that as "present, nothing wrong": 0x8 is set on every
 * interface and unit, and the conditions are bits that are set when something is down (as Junos'
 * own "Device flags: Present Running Down" names the fault, not the health). So a healthy interface
 * reports exactly 8, as in the example; one whose link is down reports 9.
 *
 * <p>Other kinds (IFF, IFA, firewall filter, route, route table) carry {@code "flags": 0}: the
 * emulator models no state for them that flags would show.
 */
public enum InterfaceFlag {
    /** IFD: the link is down (carrier lost; {@code interface-down}). IFL: its interface is down, by link or by {@link #DISABLED}. */
    DOWN(0x1, "link down (carrier lost, by interface-down)",
            "device down (its interface's link is down or the interface is disabled)"),
    /** Administratively disabled ({@code disable} in Junos configuration). */
    DISABLED(0x2, "administratively disabled", "administratively disabled (the unit itself)"),
    /** The object exists; always set. */
    PRESENT(0x8, "present; always set: a healthy interface reports 8, as the vendor's example",
            "present; always set: a healthy unit reports 8");

    private final int bit;
    private final String onIfd;
    private final String onIfl;

    InterfaceFlag(int bit, String onIfd, String onIfl) {
        this.bit = bit;
        this.onIfd = onIfd;
        this.onIfl = onIfl;
    }

    public int bit() {
        return bit;
    }

    /** What the bit means on an IFD event. */
    public String meaningOnIfd() {
        return onIfd;
    }

    /** What the bit means on an IFL event. */
    public String meaningOnIfl() {
        return onIfl;
    }

    /** The flags of an existing interface or unit in the given condition. */
    public static int flags(boolean down, boolean disabled) {
        return PRESENT.bit | (down ? DOWN.bit : 0) | (disabled ? DISABLED.bit : 0);
    }

    /** True when {@code flags} has this bit set. */
    public boolean isSetIn(int flags) {
        return (flags & bit) != 0;
    }
}
