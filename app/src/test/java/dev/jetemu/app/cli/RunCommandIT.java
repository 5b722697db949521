package dev.jetemu.app.cli;

import dev.jetemu.sim.client.JetOperation;
import dev.jetemu.sim.client.JetTopics;
import dev.jetemu.sim.event.ParsedJetEvent;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code jetemu run} with its own broker, observed by Paho subscribers over TCP that subscribe
 * the way the JET client does: every event kind and operation, exact topics, event ids, headers
 * and attributes.
 */
class RunCommandIT {

    private static final String K = "/junos/events/kernel";
    private static final String IF = K + "/interfaces";

    static Path resource(String name) {
        try {
            return Path.of(RunCommandIT.class.getResource("/scenarios/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void everyEventKindReachesTheJetClientsDefaultAndSpecificSubscriptions() throws Exception {
        int port = freePort();
        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(() -> CliHarness.run("run",
                resource("every-event.yaml").toString(), "--port", String.valueOf(port), "--virtual-time",
                "--start-time", "2026-01-01T00:00:00Z"));

        try (Subscriber jetDefaults = Subscriber.connect(port, JetTopics.ifd(JetOperation.ALL),
                JetTopics.ifl(JetOperation.ALL), JetTopics.iff(JetOperation.ALL), JetTopics.ifa(JetOperation.ALL),
                JetTopics.firewallFilter(JetOperation.ALL), JetTopics.route(JetOperation.ALL),
                JetTopics.routeTable(JetOperation.ALL), JetTopics.syslog(), JetTopics.configUpdate());
             Subscriber specific = Subscriber.connect(port, JetTopics.route(JetOperation.ADD, "inet", "10.1.0.0/16"),
                     JetTopics.ifd(JetOperation.DELETE, "ge-0/0/3"))) {

            CliHarness.Result result = run.get(60, TimeUnit.SECONDS);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("PASS every-event");
            // run drains before it stops: what it published is on its way, and arrives.
            // Each subscriber's last event is on its own connection: wait for both, not one.
            await().atMost(10, TimeUnit.SECONDS).until(() -> jetDefaults.count() >= 28 && specific.count() >= 2);
            assertThat(specific.topics()).containsExactly(K + "/route/add/inet/10.1.0.0/16", IF + "/ifd/delete/ge-0/0/3");
            assertThat(jetDefaults.topics()).containsExactly(
                    IF + "/ifd/add/ge-0/0/3",
                    IF + "/ifl/add/ge-0/0/3.0",
                    IF + "/iff/add/ge-0/0/3.0/inet",
                    IF + "/ifa/add/ge-0/0/3.0/inet/198.51.100.1",
                    K + "/route/add/inet/198.51.100.0/24",
                    K + "/route/add/inet/198.51.100.1/32",
                    IF + "/ifa/change/ge-0/0/3.0/inet/198.51.100.1",
                    IF + "/iff/change/ge-0/0/3.0/inet",
                    IF + "/ifl/change/ge-0/0/3.0",
                    IF + "/ifd/change/ge-0/0/3",
                    IF + "/ifl/change/ge-0/0/3.0",
                    K + "/firewall/filter/add/protect-re",
                    K + "/firewall/filter/change/protect-re",
                    K + "/firewall/filter/delete/protect-re",
                    K + "/route-table/add/blue.inet.0/default",
                    K + "/route-table/change/blue.inet.0/default",
                    K + "/route/add/inet/10.1.0.0/16",
                    K + "/route/change/inet/10.1.0.0/16",
                    K + "/route/delete/inet/10.1.0.0/16",
                    K + "/route-table/delete/blue.inet.0/default",
                    "/junos/events/syslog/SNMP_TRAP_LINK_DOWN",
                    "/junos/events/genpub/config-update",
                    K + "/route/delete/inet/198.51.100.1/32",
                    K + "/route/delete/inet/198.51.100.0/24",
                    IF + "/ifa/delete/ge-0/0/3.0/inet/198.51.100.1",
                    IF + "/iff/delete/ge-0/0/3.0/inet",
                    IF + "/ifl/delete/ge-0/0/3.0",
                    IF + "/ifd/delete/ge-0/0/3");
            assertThat(jetDefaults.received()).extracting(r -> r.event().eventId()).containsExactly(
                    "KERNEL_EVENT_IFD_ADD", "KERNEL_EVENT_IFL_ADD", "KERNEL_EVENT_IFF_ADD", "KERNEL_EVENT_IFA_ADD",
                    "KERNEL_EVENT_ROUTE_ADD", "KERNEL_EVENT_ROUTE_ADD", "KERNEL_EVENT_IFA_CHANGE",
                    "KERNEL_EVENT_IFF_CHANGE", "KERNEL_EVENT_IFL_CHANGE", "KERNEL_EVENT_IFD_CHANGE",
                    "KERNEL_EVENT_IFL_CHANGE", "KERNEL_EVENT_FIREWALL_FILTER_ADD", "KERNEL_EVENT_FIREWALL_FILTER_CHANGE",
                    "KERNEL_EVENT_FIREWALL_FILTER_DELETE", "KERNEL_EVENT_ROUTE_TABLE_ADD",
                    "KERNEL_EVENT_ROUTE_TABLE_CHANGE", "KERNEL_EVENT_ROUTE_ADD", "KERNEL_EVENT_ROUTE_CHANGE",
                    "KERNEL_EVENT_ROUTE_DELETE", "KERNEL_EVENT_ROUTE_TABLE_DELETE", "SNMP_TRAP_LINK_DOWN",
                    "CONFIG_UPDATE", "KERNEL_EVENT_ROUTE_DELETE", "KERNEL_EVENT_ROUTE_DELETE",
                    "KERNEL_EVENT_IFA_DELETE", "KERNEL_EVENT_IFF_DELETE", "KERNEL_EVENT_IFL_DELETE",
                    "KERNEL_EVENT_IFD_DELETE");
            for (Subscriber.Received received : jetDefaults.received()) {
                ParsedJetEvent event = received.event();
                assertThat(event.hostname()).isEqualTo("lab-vmx");
                assertThat(event.time()).isEqualTo("2026-01-01T00:00:00.000Z");
                boolean kernel = received.topic().startsWith(K);
                assertThat(event.severity()).isEqualTo(kernel ? "info" : received.topic().contains("syslog")
                        ? "warning" : "notice");
            }
            Map<String, ParsedJetEvent> byTopic = new java.util.LinkedHashMap<>();
            jetDefaults.received().forEach(r -> byTopic.putIfAbsent(r.topic(), r.event()));
            assertThat(byTopic.get(IF + "/ifd/add/ge-0/0/3").attributes())
                    .containsExactly(Map.entry("name", "ge-0/0/3"), Map.entry("snmp-id", 530L), Map.entry("flags", 8L));
            assertThat(byTopic.get(IF + "/ifl/add/ge-0/0/3.0").attributes()).containsExactly(
                    Map.entry("name", "ge-0/0/3"), Map.entry("subunit", 0L), Map.entry("snmp-id", 531L),
                    Map.entry("flags", 8L));
            assertThat(byTopic.get(IF + "/iff/add/ge-0/0/3.0/inet").attributes()).containsExactly(
                    Map.entry("name", "ge-0/0/3"), Map.entry("subunit", 0L), Map.entry("family", "inet"),
                    Map.entry("table-name", "inet.0"), Map.entry("flags", 0L));
            assertThat(byTopic.get(IF + "/ifa/add/ge-0/0/3.0/inet/198.51.100.1").attributes()).containsExactly(
                    Map.entry("name", "ge-0/0/3"), Map.entry("subunit", 0L), Map.entry("family", "inet"),
                    Map.entry("local-address", "198.51.100.1"),
                    Map.entry("destination-address", "198.51.100.0/24"),
                    Map.entry("broadcast-address", "198.51.100.255"), Map.entry("flags", 0L));
            assertThat(byTopic.get(K + "/route/change/inet/10.1.0.0/16").attributes()).containsExactly(
                    Map.entry("table-name", "inet.0"), Map.entry("logical-router-name", "default"),
                    Map.entry("address-family", "inet"), Map.entry("route-type", "bgp"),
                    Map.entry("route-prefix", "10.1.0.0/16"),
                    Map.entry("next-hop-address", List.of("192.0.2.2", "198.51.100.7")), Map.entry("flags", 0L));
            assertThat(byTopic.get(K + "/route-table/add/blue.inet.0/default").attributes()).containsExactly(
                    Map.entry("name", "blue.inet.0"), Map.entry("logical-router-name", "default"),
                    Map.entry("address-family", "inet"), Map.entry("flags", 0L));
            assertThat(byTopic.get(K + "/firewall/filter/change/protect-re").attributes()).containsExactly(
                    Map.entry("name", "protect-re"), Map.entry("version", 2L), Map.entry("client-id", ""),
                    Map.entry("filter-type", "classic"), Map.entry("protocol", "inet6"),
                    Map.entry("interface-name", "ge-0/0/1.0"), Map.entry("flags", 0L));
            assertThat(byTopic.get("/junos/events/syslog/SNMP_TRAP_LINK_DOWN").attributes()).containsExactly(
                    Map.entry("snmp-interface-index", 530L), Map.entry("interface-name", "ge-0/0/3"));
            assertThat(byTopic.get("/junos/events/genpub/config-update").attributes()).containsExactly(
                    Map.entry("username", "lab"), Map.entry("comment", "rollback"));
        }
    }
}
