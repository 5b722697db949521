package dev.jetemu.broker.access;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPrefixTest {

    private static AddressPrefix prefix(String text) {
        return AddressPrefix.parse(text).orElseThrow();
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    /**
     * {@code ::ffff:a.b.c.d} as an {@link Inet6Address}, as a dual-stack socket may report an IPv4
     * peer ({@link InetAddress#getByName} would hand back an {@link Inet4Address} instead).
     */
    private static InetAddress mapped(String ipv4) throws Exception {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, bytes, 12, 4);
        InetAddress address = Inet6Address.getByAddress(null, bytes, null);
        assertThat(address).isInstanceOf(Inet6Address.class);
        return address;
    }

    @Test
    void anAddressWithoutLengthIsAHost() throws Exception {
        assertThat(prefix("192.0.2.1").length()).isEqualTo(32);
        assertThat(prefix("2001:db8::1").length()).isEqualTo(128);
        assertThat(prefix("192.0.2.1").contains(address("192.0.2.1"))).isTrue();
        assertThat(prefix("192.0.2.1").contains(address("192.0.2.2"))).isFalse();
    }

    @Test
    void prefixEdgesZeroAndFullLength() throws Exception {
        assertThat(prefix("0.0.0.0/0").contains(address("203.0.113.9"))).isTrue();
        assertThat(prefix("0.0.0.0/0").contains(address("::1"))).isFalse();
        assertThat(prefix("::/0").contains(address("2001:db8::5"))).isTrue();
        assertThat(prefix("10.0.0.1/32").contains(address("10.0.0.1"))).isTrue();
        assertThat(prefix("10.0.0.1/32").contains(address("10.0.0.0"))).isFalse();
        assertThat(prefix("2001:db8::1/128").contains(address("2001:db8::1"))).isTrue();
        assertThat(prefix("2001:db8::1/128").contains(address("2001:db8::2"))).isFalse();
    }

    @Test
    void boundariesOfAnUnalignedPrefix() throws Exception {
        AddressPrefix net = prefix("10.1.2.64/27");
        assertThat(net.contains(address("10.1.2.63"))).isFalse();
        assertThat(net.contains(address("10.1.2.64"))).isTrue();
        assertThat(net.contains(address("10.1.2.95"))).isTrue();
        assertThat(net.contains(address("10.1.2.96"))).isFalse();
    }

    @Test
    void hostBitsBeyondTheLengthAreIgnored() {
        assertThat(prefix("10.1.2.3/8")).isEqualTo(prefix("10.0.0.0/8"));
        assertThat(prefix("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8");
    }

    @Test
    void anIpv4MappedPeerMatchesIpv4Rules() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 7;
        InetAddress peer = java.net.Inet6Address.getByAddress(null, mapped, null);

        assertThat(prefix("10.0.0.0/8").contains(peer)).isTrue();
        assertThat(prefix("11.0.0.0/8").contains(peer)).isFalse();
    }

    @Test
    void aHostNameIsNotAPrefix() {
        assertThat(AddressPrefix.parse("router.lab.example")).isEmpty();
        assertThat(AddressPrefix.parse("localhost")).isEmpty();
    }

    @Test
    void badLengthsAreExplained() {
        assertThatThrownBy(() -> AddressPrefix.parse("10.0.0.0/33"))
                .hasMessage("prefix length 33 is longer than the 32 bits of an IPv4 address");
        assertThatThrownBy(() -> AddressPrefix.parse("::/129"))
                .hasMessage("prefix length 129 is longer than the 128 bits of an IPv6 address");
        assertThatThrownBy(() -> AddressPrefix.parse("10.0.0.0/x"))
                .hasMessage("prefix length 'x' is not a number from 0 to 32");
        assertThatThrownBy(() -> AddressPrefix.parse("10.0.0.300/8"))
                .hasMessage("'10.0.0.300' is not an IPv4 or IPv6 address");
    }

    @Test
    void mappedPeersAreMatchedByIpv4RulesOfEveryLength() throws Exception {
        assertThat(prefix("0.0.0.0/0").contains(mapped("127.0.0.1"))).isTrue();
        assertThat(prefix("0.0.0.0/0").contains(mapped("203.0.113.9"))).isTrue();
        assertThat(prefix("127.0.0.0/8").contains(mapped("127.255.255.254"))).isTrue();
        assertThat(prefix("127.0.0.0/8").contains(mapped("128.0.0.1"))).isFalse();
        assertThat(prefix("127.0.0.1/32").contains(mapped("127.0.0.1"))).isTrue();
        assertThat(prefix("127.0.0.1/32").contains(mapped("127.0.0.2"))).isFalse();
        assertThat(prefix("127.0.0.1").contains(mapped("127.0.0.1"))).isTrue();
    }

    @Test
    void mappedPeersAreNotIpv6Clients() throws Exception {
        assertThat(prefix("::/0").contains(mapped("127.0.0.1"))).isFalse();
        assertThat(prefix("::/0").contains(address("127.0.0.1"))).isFalse();
        assertThat(prefix("::/80").contains(mapped("127.0.0.1"))).isFalse();
        assertThat(prefix("::1").contains(mapped("127.0.0.1"))).isFalse();
        assertThat(prefix("::/0").contains(address("::1"))).isTrue();
    }

    @Test
    void aPrefixWrittenInTheMappedFormIsTheIpv4PrefixItCarries() throws Exception {
        assertThat(prefix("::ffff:127.0.0.1")).isEqualTo(prefix("127.0.0.1/32"));
        assertThat(prefix("::ffff:127.0.0.1/128")).isEqualTo(prefix("127.0.0.1/32"));
        assertThat(prefix("::ffff:7f00:1/128")).isEqualTo(prefix("127.0.0.1/32"));
        assertThat(prefix("::ffff:10.0.0.0/104")).isEqualTo(prefix("10.0.0.0/8"));
        assertThat(prefix("::ffff:0:0/96")).isEqualTo(prefix("0.0.0.0/0"));
        assertThat(prefix("::ffff:127.0.0.1/128").toString()).isEqualTo("127.0.0.1/32");
        assertThat(prefix("::ffff:127.0.0.1/128").network()).isInstanceOf(Inet4Address.class);

        assertThat(prefix("::ffff:127.0.0.1/128").contains(address("127.0.0.1"))).isTrue();
        assertThat(prefix("::ffff:127.0.0.1/128").contains(mapped("127.0.0.1"))).isTrue();
        assertThat(prefix("::ffff:127.0.0.1/128").contains(address("127.0.0.2"))).isFalse();
        assertThat(prefix("::ffff:0:0/96").contains(address("198.51.100.7"))).isTrue();
        assertThat(prefix("::ffff:0:0/96").contains(address("::1"))).isFalse();
    }

    @Test
    void aMappedNetworkGivenAsAnAddressObjectIsTheIpv4Prefix() throws Exception {
        assertThat(new AddressPrefix(mapped("127.0.0.1"), 128)).isEqualTo(AddressPrefix.host(address("127.0.0.1")));
        assertThat(AddressPrefix.host(mapped("10.1.2.3"))).isEqualTo(prefix("10.1.2.3/32"));
        assertThat(new AddressPrefix(mapped("10.1.2.3"), 104)).isEqualTo(prefix("10.0.0.0/8"));
    }

    @Test
    void theDeprecatedIpv4CompatibleFormIsReadAsTheMappedOne() {
        assertThat(prefix("::127.0.0.1")).isEqualTo(prefix("127.0.0.1/32"));
    }

    @Test
    void mappedPrefixesShorterThanTheMappedRangeStayIpv6() throws Exception {
        AddressPrefix wide = prefix("::ffff:0:0/95");
        assertThat(wide.network()).isInstanceOf(Inet6Address.class);
        assertThat(wide.toString()).isEqualTo("::fffe:0:0/95");
        assertThat(wide.contains(address("127.0.0.1"))).isFalse();
    }

    @Test
    void aThirtyOneBitPrefixIsAPairOfAddresses() throws Exception {
        AddressPrefix pair = prefix("127.0.0.2/31");
        assertThat(pair.contains(address("127.0.0.1"))).isFalse();
        assertThat(pair.contains(address("127.0.0.2"))).isTrue();
        assertThat(pair.contains(address("127.0.0.3"))).isTrue();
        assertThat(pair.contains(mapped("127.0.0.3"))).isTrue();
        assertThat(pair.contains(address("127.0.0.4"))).isFalse();
        assertThat(prefix("127.0.0.3/31")).isEqualTo(pair);
    }

    @Test
    void nonCanonicalPrefixesOfBothFamiliesAreTheirNetworks() throws Exception {
        assertThat(prefix("127.0.0.1/8")).isEqualTo(prefix("127.0.0.0/8"));
        assertThat(prefix("127.0.0.1/8").contains(address("127.0.0.2"))).isTrue();
        assertThat(prefix("127.0.0.1/8").contains(address("127.255.255.255"))).isTrue();
        assertThat(prefix("127.0.0.1/8").contains(address("128.0.0.0"))).isFalse();
        assertThat(prefix("2001:db8::1/32")).isEqualTo(prefix("2001:db8::/32"));
        assertThat(prefix("::1/0")).isEqualTo(prefix("::/0"));
        assertThat(prefix("10.1.2.3/0")).isEqualTo(prefix("0.0.0.0/0"));
    }
}
