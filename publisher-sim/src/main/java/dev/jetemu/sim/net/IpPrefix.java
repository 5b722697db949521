package dev.jetemu.sim.net;

/**
 * A network: an address whose bits after {@link #length()} are all zero, and that length. Routes are
 * keyed by it, so the two forms are flat records of primitives (24 and 32 bytes) rather than an
 * address object plus a length.
 */
public sealed interface IpPrefix permits IpPrefix.V4, IpPrefix.V6 {

    /**
     * Parses {@code address/length}. The length is required and host bits must be zero, because a
     * route names a network: {@code 10.1.2.3/16} is refused with {@code 10.1.0.0/16} as the fix.
     *
     * @throws InvalidAddressException when {@code text} is not such a prefix
     */
    static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new InvalidAddressException("prefix '" + text + "' has no length; expected address/length such as "
                    + (IpLiterals.looksLikeIpv6(text) ? "2001:db8::/32" : "10.1.0.0/16"));
        }
        IpAddress address = IpAddress.parse(text.substring(0, slash));
        int length = PrefixLengths.parse(text, text.substring(slash + 1), address.version());
        IpAddress network = address.masked(length);
        if (!network.equals(address)) {
            throw new InvalidAddressException("prefix '" + text + "' has bits set after its length /" + length
                    + "; expected the network address, " + network + "/" + length);
        }
        return of(network, length);
    }

    /** The prefix of {@code length} that contains {@code address} (its host bits are cleared). */
    static IpPrefix of(IpAddress address, int length) {
        PrefixLengths.check(length, address.version());
        if (address instanceof IpAddress.V4 v4) {
            return new V4(v4.masked(length).bits(), length);
        }
        IpAddress.V6 v6 = ((IpAddress.V6) address).masked(length);
        return new V6(v6.high(), v6.low(), length);
    }

    IpAddress network();

    int length();

    default IpVersion version() {
        return network().version();
    }

    /** {@code 10.1.0.0/16}. */
    @Override
    String toString();

    /** An IPv4 network as an unsigned 32-bit value in an int. */
    record V4(int bits, int length) implements IpPrefix {

        public V4 {
            PrefixLengths.check(length, IpVersion.IPV4);
            if ((bits & IpAddress.V4.mask(length)) != bits) {
                throw new IllegalArgumentException("host bits set in " + IpLiterals.formatIpv4(bits) + "/" + length);
            }
        }

        @Override
        public IpAddress.V4 network() {
            return new IpAddress.V4(bits);
        }

        @Override
        public IpVersion version() {
            return IpVersion.IPV4;
        }

        @Override
        public String toString() {
            return IpLiterals.formatIpv4(bits) + "/" + length;
        }

        /**
         * Mixed, unlike a record's own hash: networks differ only in their high bits, so a plain
         * sum piled a million /24s into a few hash buckets of the route tables.
         */
        @Override
        public int hashCode() {
            // MurmurHash3's finaliser: every input bit reaches the low bits that index a table.
            int hash = bits ^ (length * 0x9E3779B1);
            hash ^= hash >>> 16;
            hash *= 0x85EBCA6B;
            hash ^= hash >>> 13;
            hash *= 0xC2B2AE35;
            return hash ^ (hash >>> 16);
        }
    }

    /** An IPv6 network as two 64-bit halves, high first. */
    record V6(long high, long low, int length) implements IpPrefix {

        public V6 {
            PrefixLengths.check(length, IpVersion.IPV6);
            if ((high & IpAddress.V6.highMask(length)) != high || (low & IpAddress.V6.lowMask(length)) != low) {
                throw new IllegalArgumentException("host bits set in " + IpLiterals.formatIpv6(high, low) + "/" + length);
            }
        }

        @Override
        public IpAddress.V6 network() {
            return new IpAddress.V6(high, low);
        }

        @Override
        public IpVersion version() {
            return IpVersion.IPV6;
        }

        @Override
        public String toString() {
            return IpLiterals.formatIpv6(high, low) + "/" + length;
        }

        /** Mixed, as {@link V4#hashCode()} is: IPv6 networks differ in the high bits of each half. */
        @Override
        public int hashCode() {
            long hash = high ^ Long.rotateLeft(low, 32) ^ (length * 0x9E3779B97F4A7C15L);
            hash ^= hash >>> 33;
            hash *= 0xFF51AFD7ED558CCDL;
            hash ^= hash >>> 33;
            hash *= 0xC4CEB9FE1A85EC53L;
            hash ^= hash >>> 33;
            return (int) (hash ^ (hash >>> 32));
        }
    }
}
