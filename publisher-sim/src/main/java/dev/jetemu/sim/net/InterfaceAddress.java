package dev.jetemu.sim.net;

import java.util.Optional;

/**
 * An address configured on an interface, {@code 192.0.2.1/30}: the interface's own address and the
 * length of the subnet it is on. The subnet arithmetic Junos shows in {@code show interfaces}
 * ("Destination: 192.0.2.0/30, Local: 192.0.2.1, Broadcast: 192.0.2.3") lives here.
 */
public record InterfaceAddress(IpAddress local, int length) {

    public InterfaceAddress {
        PrefixLengths.check(length, local.version());
    }

    /**
     * Parses {@code address} or {@code address/length}; without a length the address is a host
     * ({@code /32}, {@code /128}), as Junos takes {@code family inet address 10.0.0.1}.
     *
     * @throws InvalidAddressException when {@code text} is not such an address
     */
    public static InterfaceAddress parse(String text) {
        int slash = text.indexOf('/');
        IpAddress local = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        int length = slash < 0 ? local.version().bits() : PrefixLengths.parse(text, text.substring(slash + 1), local.version());
        return new InterfaceAddress(local, length);
    }

    public IpVersion version() {
        return local.version();
    }

    /** True for a /32 or /128: an address alone, with no subnet to reach through it (a loopback's, say). */
    public boolean isHost() {
        return length == local.version().bits();
    }

    /** The subnet the address is on: the route the kernel adds as {@code direct}. */
    public IpPrefix subnet() {
        return IpPrefix.of(local, length);
    }

    /** The address alone, /32 or /128: the route the kernel adds as {@code local}. */
    public IpPrefix hostPrefix() {
        return IpPrefix.of(local, local.version().bits());
    }

    /** The subnet, when there is one: not for a /32 or /128. */
    public Optional<IpPrefix> destination() {
        return isHost() ? Optional.empty() : Optional.of(subnet());
    }

    /**
     * The IPv4 subnet's broadcast address. None for /31 (RFC 3021 point-to-point links have no
     * broadcast), /32, or IPv6, which has no broadcast at all.
     */
    public Optional<IpAddress> broadcast() {
        if (local.version() != IpVersion.IPV4 || length > 30) {
            return Optional.empty();
        }
        return Optional.of(local.withHostBitsSet(length));
    }

    /**
     * True when the address is its IPv4 subnet's network or broadcast address (192.0.2.0/30 or
     * 192.0.2.3/30), which cannot be an interface's own address.
     */
    public boolean isSubnetNetworkOrBroadcast() {
        if (local.version() != IpVersion.IPV4 || length > 30) {
            return false;
        }
        return local.equals(local.masked(length)) || local.equals(local.withHostBitsSet(length));
    }

    /** {@code 192.0.2.1/30}. */
    @Override
    public String toString() {
        return local + "/" + length;
    }
}
