package dev.jetemu.broker.access;

import io.netty.util.NetUtil;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network, written as in a Junos {@code allow-clients} statement: an address
 * with an optional prefix length ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code ::1}).
 * An address without a length is a host ({@code /32} or {@code /128}).
 *
 * <p>Host bits beyond the prefix are ignored, so {@code 10.1.2.3/8} is the network
 * {@code 10.0.0.0/8}.
 *
 * <p>An IPv4 client is an IPv4 client whatever the family of the socket it reached the broker
 * through, as on Junos: a peer seen through an IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3},
 * which is how a dual-stack listener sees every IPv4 client) is matched as the IPv4 address it
 * carries, and a prefix written in the mapped form is the IPv4 prefix it carries
 * ({@code ::ffff:10.0.0.0/104} is {@code 10.0.0.0/8}; the deprecated IPv4-compatible form
 * {@code ::10.1.2.3} is read as the mapped one). Any other IPv6 prefix, {@code ::/0}
 * included, matches IPv6 clients only, as {@code 0.0.0.0/0} matches IPv4 clients only.
 */
public record AddressPrefix(InetAddress network, int length) {

    /** The length of {@code ::ffff:0:0/96}, the IPv6 prefix whose addresses carry an IPv4 address. */
    private static final int MAPPED_PREFIX_BITS = 96;

    public AddressPrefix {
        int bits = network.getAddress().length * 8;
        if (length < 0 || length > bits) {
            throw new IllegalArgumentException("prefix length " + length + " is out of range 0-" + bits);
        }
        if (length >= MAPPED_PREFIX_BITS && isIPv4Mapped(network.getAddress())) {
            network = unmapped(network);
            length -= MAPPED_PREFIX_BITS;
        }
        network = masked(network, length);
    }

    /**
     * Parses an address literal with an optional {@code /length}. Never consults DNS.
     *
     * @return the prefix, or empty when {@code text} is not an address literal (a host name, say)
     * @throws IllegalArgumentException when it is an address but its prefix length is not valid
     */
    public static Optional<AddressPrefix> parse(String text) {
        int slash = text.indexOf('/');
        String addressPart = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(addressPart);
        if (bytes == null) {
            if (slash >= 0) {
                throw new IllegalArgumentException("'" + addressPart + "' is not an IPv4 or IPv6 address");
            }
            return Optional.empty();
        }
        int bits = bytes.length * 8;
        int length = bits;
        if (slash >= 0) {
            String lengthPart = text.substring(slash + 1);
            if (!lengthPart.matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("prefix length '" + lengthPart + "' is not a number from 0 to " + bits);
            }
            length = Integer.parseInt(lengthPart);
            if (length > bits) {
                throw new IllegalArgumentException("prefix length " + length + " is longer than the "
                        + bits + " bits of an " + (bits == 32 ? "IPv4" : "IPv6") + " address");
            }
        }
        return Optional.of(new AddressPrefix(toInetAddress(bytes), length));
    }

    /** The host prefix of one address: {@code /32} for IPv4, {@code /128} for IPv6. */
    public static AddressPrefix host(InetAddress address) {
        return new AddressPrefix(address, address.getAddress().length * 8);
    }

    public boolean contains(InetAddress candidate) {
        InetAddress peer = unmapped(candidate);
        if (peer.getClass() != network.getClass()) {
            return false;
        }
        return masked(peer, length).equals(network);
    }

    @Override
    public String toString() {
        return NetUtil.toAddressString(network) + "/" + length;
    }

    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            if (isIPv4Mapped(bytes)) {
                return toInetAddress(Arrays.copyOfRange(bytes, 12, 16));
            }
        }
        return address;
    }

    private static boolean isIPv4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static InetAddress masked(InetAddress address, int length) {
        byte[] bytes = address.getAddress();
        for (int bit = length; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return toInetAddress(bytes);
    }

    private static InetAddress toInetAddress(byte[] bytes) {
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            // Java turns a 16-byte IPv4-mapped address into an Inet4Address on its own; the
            // constructor decides what a mapped prefix means, so the bytes keep their family here.
            if (bytes.length == 16 && address instanceof Inet4Address) {
                return Inet6Address.getByAddress(null, bytes, null);
            }
            return address;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", impossible);
        }
    }
}
