package dev.jetemu.sim.net;

/**
 * One IPv4 or IPv6 address. Its {@code toString()} is the canonical text (dotted quad; RFC 5952 for
 * IPv6), which is what events carry whatever spelling the user wrote.
 */
public sealed interface IpAddress permits IpAddress.V4, IpAddress.V6 {

    /**
     * Parses an address literal, IPv6 when it contains a colon. Never consults DNS.
     *
     * @throws InvalidAddressException when {@code text} is not an address literal
     */
    static IpAddress parse(String text) {
        if (text.isEmpty()) {
            throw new InvalidAddressException("the address is empty; expected an IPv4 or IPv6 address such as 192.0.2.1");
        }
        if (IpLiterals.looksLikeIpv6(text)) {
            long[] halves = IpLiterals.parseIpv6(text);
            return new V6(halves[0], halves[1]);
        }
        return new V4(IpLiterals.parseIpv4(text));
    }

    IpVersion version();

    /** This address with every bit after the first {@code length} cleared. */
    IpAddress masked(int length);

    /** This address with every bit after the first {@code length} set. */
    IpAddress withHostBitsSet(int length);

    /** An IPv4 address, as an unsigned 32-bit value in an int. */
    record V4(int bits) implements IpAddress {

        @Override
        public IpVersion version() {
            return IpVersion.IPV4;
        }

        @Override
        public V4 masked(int length) {
            return new V4(bits & mask(length));
        }

        @Override
        public V4 withHostBitsSet(int length) {
            return new V4(bits | ~mask(length));
        }

        static int mask(int length) {
            return length == 0 ? 0 : -1 << (32 - length);
        }

        @Override
        public String toString() {
            return IpLiterals.formatIpv4(bits);
        }
    }

    /** An IPv6 address as two 64-bit halves, high first. */
    record V6(long high, long low) implements IpAddress {

        @Override
        public IpVersion version() {
            return IpVersion.IPV6;
        }

        @Override
        public V6 masked(int length) {
            return new V6(high & highMask(length), low & lowMask(length));
        }

        @Override
        public V6 withHostBitsSet(int length) {
            return new V6(high | ~highMask(length), low | ~lowMask(length));
        }

        static long highMask(int length) {
            return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
        }

        static long lowMask(int length) {
            return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        }

        @Override
        public String toString() {
            return IpLiterals.formatIpv6(high, low);
        }
    }
}
