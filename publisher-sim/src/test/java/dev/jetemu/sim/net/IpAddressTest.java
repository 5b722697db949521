package dev.jetemu.sim.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.1, 192.0.2.1",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "2001:db8::1, 2001:db8::1",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "::, ::",
            "::1, ::1",
            "1::, 1::",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "1:0:0:2:3:0:0:4, 1::2:3:0:0:4",
            "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
            "fe80:0:0:0:1:0:0:0, fe80::1:0:0:0",
            "1:2:0:0:5:0:0:0, 1:2:0:0:5::",
            "::ffff:192.0.2.1, ::ffff:192.0.2.1",
            "64:ff9b::192.0.2.1, 64:ff9b::c000:201",
    })
    void writesTheCanonicalText(String given, String canonical) {
        assertThat(IpAddress.parse(given)).hasToString(canonical);
    }

    @Test
    void tellsTheVersions() {
        assertThat(IpAddress.parse("192.0.2.1").version()).isEqualTo(IpVersion.IPV4);
        assertThat(IpAddress.parse("2001:db8::1").version()).isEqualTo(IpVersion.IPV6);
        assertThat(IpVersion.IPV6.junosFamily()).isEqualTo("inet6");
    }

    @Test
    void equalAddressesAreEqualWhateverTheSpelling() {
        assertThat(IpAddress.parse("2001:DB8::0:1")).isEqualTo(IpAddress.parse("2001:db8::1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2", "10.1", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1..2.3", "1.2.3.", "a.b.c.d",
            " 1.2.3.4", "1.2.3.4 ", "1.2.3.-4", "１.2.3.4"})
    void refusesWhatIsNotAnIpv4Literal(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessageStartingWith("'" + text + "' is not an IPv4 address: ")
                .hasMessageEndingWith("; expected four numbers from 0 to 255 separated by dots, such as 192.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:2:3", "2001:db8::1::2", "1:::2", "12345::", "fe80::1%eth0", ":1::", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7::8", "g::1", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::"})
    void refusesWhatIsNotAnIpv6Literal(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessageStartingWith("'" + text + "' is not an IPv6 address: ")
                .hasMessageContaining("; expected eight groups of up to four hex digits");
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> IpAddress.parse("10.1.2")).hasMessageContaining("it has 3 parts");
        assertThatThrownBy(() -> IpAddress.parse("router1")).hasMessageContaining("it has characters other than digits and dots");
        assertThatThrownBy(() -> IpAddress.parse("256.0.0.1")).hasMessageContaining("256 is greater than 255");
        assertThatThrownBy(() -> IpAddress.parse("01.2.3.4")).hasMessageContaining("'01' has a leading zero");
        assertThatThrownBy(() -> IpAddress.parse("2001:db8::1::2")).hasMessageContaining(":: appears more than once");
        assertThatThrownBy(() -> IpAddress.parse("fe80::1%eth0")).hasMessageContaining("zone index");
        assertThatThrownBy(() -> IpAddress.parse("")).hasMessage(
                "the address is empty; expected an IPv4 or IPv6 address such as 192.0.2.1");
    }

    @Test
    void masksAndFillsHostBits() {
        assertThat(IpAddress.parse("192.0.2.77").masked(26)).hasToString("192.0.2.64");
        assertThat(IpAddress.parse("192.0.2.77").withHostBitsSet(26)).hasToString("192.0.2.127");
        assertThat(IpAddress.parse("192.0.2.77").masked(0)).hasToString("0.0.0.0");
        assertThat(IpAddress.parse("2001:db8:1:2:3:4:5:6").masked(48)).hasToString("2001:db8:1::");
        assertThat(IpAddress.parse("2001:db8:1:2:3:4:5:6").masked(96)).hasToString("2001:db8:1:2:3:4::");
        assertThat(IpAddress.parse("2001:db8::").withHostBitsSet(120)).hasToString("2001:db8::ff");
    }
}
