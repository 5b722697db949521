package dev.jetemu.sim.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpPrefixTest {

    @Test
    void readsIpv4AndIpv6Prefixes() {
        IpPrefix v4 = IpPrefix.parse("10.1.0.0/16");
        assertThat(v4).isEqualTo(new IpPrefix.V4(0x0a010000, 16));
        assertThat(v4.network()).hasToString("10.1.0.0");
        assertThat(v4.length()).isEqualTo(16);
        assertThat(v4).hasToString("10.1.0.0/16");

        IpPrefix v6 = IpPrefix.parse("2001:DB8::/32");
        assertThat(v6.network()).hasToString("2001:db8::");
        assertThat(v6.length()).isEqualTo(32);
        assertThat(v6.version()).isEqualTo(IpVersion.IPV6);
        assertThat(v6).hasToString("2001:db8::/32");
    }

    @Test
    void readsTheDefaultRoutesAndHosts() {
        assertThat(IpPrefix.parse("0.0.0.0/0")).hasToString("0.0.0.0/0");
        assertThat(IpPrefix.parse("::/0")).hasToString("::/0");
        assertThat(IpPrefix.parse("192.0.2.1/32")).hasToString("192.0.2.1/32");
        assertThat(IpPrefix.parse("2001:db8::1/128")).hasToString("2001:db8::1/128");
    }

    @Test
    void refusesHostBitsAndNamesTheNetwork() {
        assertThatThrownBy(() -> IpPrefix.parse("10.1.2.3/16"))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessage("prefix '10.1.2.3/16' has bits set after its length /16; expected the network address, 10.1.0.0/16");
        assertThatThrownBy(() -> IpPrefix.parse("2001:db8::1/64"))
                .hasMessage("prefix '2001:db8::1/64' has bits set after its length /64; expected the network address, 2001:db8::/64");
    }

    @Test
    void refusesAMissingOrWrongLength() {
        assertThatThrownBy(() -> IpPrefix.parse("10.1.0.0"))
                .hasMessage("prefix '10.1.0.0' has no length; expected address/length such as 10.1.0.0/16");
        assertThatThrownBy(() -> IpPrefix.parse("2001:db8::"))
                .hasMessage("prefix '2001:db8::' has no length; expected address/length such as 2001:db8::/32");
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/33"))
                .hasMessage("prefix length /33 in '10.0.0.0/33' is longer than the 32 bits of an IPv4 address; expected 0 to 32");
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/x"))
                .hasMessage("prefix length 'x' in '10.0.0.0/x' is not a number; expected a number from 0 to 32");
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/"))
                .hasMessage("prefix length '' in '10.0.0.0/' is not a number; expected a number from 0 to 32");
    }

    @Test
    void masksAnAddressIntoItsPrefix() {
        assertThat(IpPrefix.of(IpAddress.parse("192.0.2.6"), 30)).hasToString("192.0.2.4/30");
        assertThat(IpPrefix.of(IpAddress.parse("2001:db8:0:1::7"), 64)).hasToString("2001:db8:0:1::/64");
    }

    @Test
    void recordsRefuseHostBits() {
        assertThatThrownBy(() -> new IpPrefix.V4(0x0a010203, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IpPrefix.V6(0, 1, 64)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A route table of a million /24s must not pile its prefixes into a few buckets: HashMap
     * indexes by the low bits of the spread hash, and /24 networks differ only in their high bits.
     */
    @Test
    void millionsOfPrefixesSpreadOverAHashTable() {
        int buckets = 1 << 21;
        int[] load = new int[buckets];
        int fullest = 0;
        for (int network = 0; network < 1_000_000; network++) {
            int hash = new IpPrefix.V4((0x0A000000 + network) << 8, 24).hashCode();
            int bucket = (hash ^ (hash >>> 16)) & (buckets - 1);
            fullest = Math.max(fullest, ++load[bucket]);
        }
        // A random spread fills its fullest bucket with about 8 to 10; the record's own hash
        // piled 123 into one, and HashMap turns buckets of 8 into trees.
        assertThat(fullest).isLessThan(16);
        long high = 0x2001_0db8_0000_0000L;
        int[] v6Load = new int[buckets];
        int v6Fullest = 0;
        for (long network = 0; network < 1_000_000; network++) {
            int hash = new IpPrefix.V6(high | (network << 16), 0, 48).hashCode();
            int bucket = (hash ^ (hash >>> 16)) & (buckets - 1);
            v6Fullest = Math.max(v6Fullest, ++v6Load[bucket]);
        }
        assertThat(v6Fullest).isLessThan(16);
    }

    @Test
    void equalPrefixesHashAlike() {
        assertThat(IpPrefix.parse("10.1.0.0/16").hashCode()).isEqualTo(new IpPrefix.V4(0x0a010000, 16).hashCode());
        assertThat(IpPrefix.parse("2001:db8::/32").hashCode()).isEqualTo(IpPrefix.parse("2001:0db8::/32").hashCode());
    }
}
