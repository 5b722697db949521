package dev.jetemu.broker.access;

import org.junit.jupiter.api.Test;

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
}
