package dev.jetemu.sim.net;

/** The two IP versions, with the Junos family word each is reported under. */
public enum IpVersion {
    IPV4(32, "inet", "IPv4"),
    IPV6(128, "inet6", "IPv6");

    private final int bits;
    private final String junosFamily;
    private final String displayName;

    IpVersion(int bits, String junosFamily, String displayName) {
        this.bits = bits;
        this.junosFamily = junosFamily;
        this.displayName = displayName;
    }

    /** Address length in bits: the longest prefix length. */
    public int bits() {
        return bits;
    }

    /** {@code inet} or {@code inet6}: how Junos names the family in topics and attributes. */
    public String junosFamily() {
        return junosFamily;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
