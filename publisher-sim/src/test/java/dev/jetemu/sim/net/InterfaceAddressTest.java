package dev.jetemu.sim.net;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InterfaceAddressTest {

    @Test
    void aSlash30HasASubnetAndABroadcast() {
        InterfaceAddress address = InterfaceAddress.parse("192.0.2.1/30");
        assertThat(address.local()).hasToString("192.0.2.1");
        assertThat(address.subnet()).hasToString("192.0.2.0/30");
        assertThat(address.hostPrefix()).hasToString("192.0.2.1/32");
        assertThat(address.destination()).map(Object::toString).contains("192.0.2.0/30");
        assertThat(address.broadcast()).map(Object::toString).contains("192.0.2.3");
        assertThat(address.isHost()).isFalse();
        assertThat(address).hasToString("192.0.2.1/30");
    }

    @Test
    void aSlash24() {
        InterfaceAddress address = InterfaceAddress.parse("198.51.100.10/24");
        assertThat(address.destination()).map(Object::toString).contains("198.51.100.0/24");
        assertThat(address.broadcast()).map(Object::toString).contains("198.51.100.255");
    }

    @Test
    void aSlash31HasNoBroadcast() {
        InterfaceAddress address = InterfaceAddress.parse("192.0.2.1/31");
        assertThat(address.destination()).map(Object::toString).contains("192.0.2.0/31");
        assertThat(address.broadcast()).isEmpty();
        assertThat(address.isSubnetNetworkOrBroadcast()).isFalse();
    }

    @Test
    void aHostAddressHasNeitherDestinationNorBroadcast() {
        InterfaceAddress address = InterfaceAddress.parse("10.255.0.1");
        assertThat(address.length()).isEqualTo(32);
        assertThat(address.isHost()).isTrue();
        assertThat(address.destination()).isEmpty();
        assertThat(address.broadcast()).isEmpty();
        assertThat(InterfaceAddress.parse("2001:db8::1").length()).isEqualTo(128);
    }

    @Test
    void ipv6HasADestinationAndNoBroadcast() {
        InterfaceAddress address = InterfaceAddress.parse("2001:db8:0:1::1/64");
        assertThat(address.destination()).map(Object::toString).contains("2001:db8:0:1::/64");
        assertThat(address.hostPrefix()).hasToString("2001:db8:0:1::1/128");
        assertThat(address.broadcast()).isEqualTo(Optional.empty());
    }

    @Test
    void knowsTheNetworkAndBroadcastAddresses() {
        assertThat(InterfaceAddress.parse("192.0.2.0/30").isSubnetNetworkOrBroadcast()).isTrue();
        assertThat(InterfaceAddress.parse("192.0.2.3/30").isSubnetNetworkOrBroadcast()).isTrue();
        assertThat(InterfaceAddress.parse("192.0.2.2/30").isSubnetNetworkOrBroadcast()).isFalse();
        assertThat(InterfaceAddress.parse("2001:db8::/64").isSubnetNetworkOrBroadcast()).isFalse();
    }
}
