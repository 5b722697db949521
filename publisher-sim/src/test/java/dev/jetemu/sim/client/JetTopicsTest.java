package dev.jetemu.sim.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filters are those of FIDELITY-NOTES.md's table, written out here, not derived. */
class JetTopicsTest {

    @Test
    void theJetClientsDefaultSubscriptions() {
        assertThat(JetTopics.ifd(JetOperation.ALL)).isEqualTo("/junos/events/kernel/interfaces/ifd/+/#");
        assertThat(JetTopics.ifl(JetOperation.ALL)).isEqualTo("/junos/events/kernel/interfaces/ifl/+/+/+/+");
        assertThat(JetTopics.iff(JetOperation.ALL)).isEqualTo("/junos/events/kernel/interfaces/iff/+/+/+/+/+");
        assertThat(JetTopics.ifa(JetOperation.ALL)).isEqualTo("/junos/events/kernel/interfaces/ifa/+/+/+/+/+/#");
        assertThat(JetTopics.firewallFilter(JetOperation.ALL)).isEqualTo("/junos/events/kernel/firewall/filter/+/#");
        assertThat(JetTopics.route(JetOperation.ALL)).isEqualTo("/junos/events/kernel/route/+/+/+/#");
        assertThat(JetTopics.routeTable(JetOperation.ALL)).isEqualTo("/junos/events/kernel/route-table/+/+/#");
        assertThat(JetTopics.syslog()).isEqualTo("/junos/events/syslog/#");
        assertThat(JetTopics.configUpdate()).isEqualTo("/junos/events/genpub/config-update");
        assertThat(JetTopics.allKernel()).isEqualTo("/junos/events/kernel/#");
    }

    @Test
    void namedTopics() {
        assertThat(JetTopics.ifd(JetOperation.DELETE, "ge-0/0/0"))
                .isEqualTo("/junos/events/kernel/interfaces/ifd/delete/ge-0/0/0");
        assertThat(JetTopics.ifl(JetOperation.ADD, "ge-1/2/3", 35))
                .isEqualTo("/junos/events/kernel/interfaces/ifl/add/ge-1/2/3.35");
        assertThat(JetTopics.ifa(JetOperation.CHANGE, "ge-0/0/1", 0, "inet", "192.0.2.1"))
                .isEqualTo("/junos/events/kernel/interfaces/ifa/change/ge-0/0/1.0/inet/192.0.2.1");
        assertThat(JetTopics.route(JetOperation.ADD, "inet", "10.1.0.0/16"))
                .isEqualTo("/junos/events/kernel/route/add/inet/10.1.0.0/16");
        assertThat(JetTopics.route(JetOperation.ADD, "inet6", "2001:db8::/32"))
                .isEqualTo("/junos/events/kernel/route/add/inet6/2001:db8::/32");
        assertThat(JetTopics.routeTable(JetOperation.ADD, "blue.inet.0", "default"))
                .isEqualTo("/junos/events/kernel/route-table/add/blue.inet.0/default");
        assertThatThrownBy(() -> JetTopics.route(JetOperation.ADD, "inet", "10.1.0.0"))
                .hasMessageContaining("expected address/length");
    }
}
