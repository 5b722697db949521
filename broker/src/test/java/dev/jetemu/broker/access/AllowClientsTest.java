package dev.jetemu.broker.access;

import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AllowClientsTest {

    private static AllowRule rule(String written) {
        return new AllowRule(written, AddressPrefix.parse(written).orElseThrow());
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private static InetAddress mapped(String ipv4) throws Exception {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, bytes, 12, 4);
        return Inet6Address.getByAddress(null, bytes, null);
    }

    @Test
    void theFirstAdmittingRuleIsTheOneReported() throws Exception {
        AllowClients clients = new AllowClients(List.of(rule("10.0.0.0/8"), rule("127.0.0.0/8"), rule("127.0.0.1")));

        assertThat(clients.admitting(address("127.0.0.1"))).contains(rule("127.0.0.0/8"));
        assertThat(clients.admitting(mapped("127.0.0.1"))).contains(rule("127.0.0.0/8"));
        assertThat(clients.admitting(address("10.9.9.9"))).contains(rule("10.0.0.0/8"));
        assertThat(clients.admitting(address("192.0.2.1"))).isEmpty();
    }

    @Test
    void anEmptyListAdmitsNobody() throws Exception {
        AllowClients none = AllowClients.none();

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.admitting(address("127.0.0.1"))).isEmpty();
        assertThat(none.admitting(address("::1"))).isEmpty();
        assertThat(none.admitting(mapped("127.0.0.1"))).isEmpty();
    }

    @Test
    void theLoopbackDefaultAdmitsBothLoopbacksAndNothingElse() throws Exception {
        AllowClients loopback = AllowClients.loopback();

        assertThat(loopback.admitting(address("127.0.0.1"))).isPresent();
        assertThat(loopback.admitting(address("127.255.255.254"))).isPresent();
        assertThat(loopback.admitting(mapped("127.0.0.9"))).isPresent();
        assertThat(loopback.admitting(address("::1"))).isPresent();
        assertThat(loopback.admitting(address("::2"))).isEmpty();
        assertThat(loopback.admitting(address("128.0.0.1"))).isEmpty();
        assertThat(loopback.admitting(mapped("10.0.0.1"))).isEmpty();
    }

    @Test
    void ipv4AndIpv6EverythingRulesEachAdmitTheirOwnFamilyOnly() throws Exception {
        AllowClients ipv4 = new AllowClients(List.of(rule("0.0.0.0/0")));
        AllowClients ipv6 = new AllowClients(List.of(rule("::/0")));

        assertThat(ipv4.admitting(address("203.0.113.1"))).isPresent();
        assertThat(ipv4.admitting(mapped("203.0.113.1"))).isPresent();
        assertThat(ipv4.admitting(address("::1"))).isEmpty();
        assertThat(ipv6.admitting(address("::1"))).isPresent();
        assertThat(ipv6.admitting(address("2001:db8::7"))).isPresent();
        assertThat(ipv6.admitting(address("203.0.113.1"))).isEmpty();
        assertThat(ipv6.admitting(mapped("203.0.113.1"))).isEmpty();
    }

    @Test
    void aMappedRuleAdmitsTheIpv4ClientItNames() throws Exception {
        AllowClients clients = new AllowClients(List.of(rule("::ffff:127.0.0.1/128")));

        assertThat(clients.admitting(address("127.0.0.1"))).isPresent();
        assertThat(clients.admitting(mapped("127.0.0.1"))).isPresent();
        assertThat(clients.admitting(address("127.0.0.2"))).isEmpty();
        assertThat(clients.admitting(address("::1"))).isEmpty();
    }

    @Test
    void aHostNameStandsForEachAddressItResolvedTo() throws Exception {
        AllowRule first = new AllowRule("lab-host", AddressPrefix.host(address("127.0.0.5")));
        AllowRule second = new AllowRule("lab-host", AddressPrefix.host(address("::1")));
        AllowClients clients = new AllowClients(List.of(first, second));

        assertThat(clients.admitting(address("127.0.0.5"))).contains(first);
        assertThat(clients.admitting(address("::1"))).contains(second);
        assertThat(clients.admitting(address("127.0.0.6"))).isEmpty();
        assertThat(first.toString()).isEqualTo("lab-host (127.0.0.5/32)");
        assertThat(second.toString()).isEqualTo("lab-host (::1/128)");
    }
}
