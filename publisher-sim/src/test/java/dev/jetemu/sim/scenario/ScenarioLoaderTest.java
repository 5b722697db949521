package dev.jetemu.sim.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jetemu.diagnostics.Position;
import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.event.Facility;
import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.Severity;
import dev.jetemu.sim.net.IpPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static dev.jetemu.sim.scenario.ScenarioSamples.events;
import static dev.jetemu.sim.scenario.ScenarioSamples.topics;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario files that are right: what they load into, and what their changes do to a device. */
class ScenarioLoaderTest {

    private static final String FLAP = """
            name: interface-flap
            description: ge-0/0/1 loses carrier twice
            device:
              hostname: vmx1
              interfaces:
                - name: ge-0/0/1
                  snmp-id: 520
                  units: [{ unit: 0, families: { inet: [192.0.2.1/30], mpls: [] } }]
                - lo0
              route-tables: [{ name: blue.inet.0 }]
              routes:
                - { table: inet.0, prefix: 0.0.0.0/0, next-hops: [192.0.2.2] }
              firewall-filters: [protect-re]
            steps:
              - await-subscribers: { filter: "/junos/events/kernel/#", count: 1, timeout: 30s }
              - repeat: 2
                steps:
                  - interface-down: ge-0/0/1
                  - sleep: 2s
                  - interface-up: ge-0/0/1
              - route-add: { table: inet.0, prefix: 10.1.0.0/16, next-hops: [192.0.2.2], type: bgp }
              - raw: { topic: /junos/events/custom, payload: '{"a":1}', qos: 1 }
              - expect-message: { filter: "myapp/actions/#", timeout: 5s, payload: { action: restart } }
            """;

    @Test
    void loadsTheFileIntoTheModel() {
        Scenario scenario = ScenarioLoader.parse("flap.yaml", FLAP);

        assertThat(scenario.file()).isEqualTo("flap.yaml");
        assertThat(scenario.name()).isEqualTo("interface-flap");
        assertThat(scenario.description()).isEqualTo("ge-0/0/1 loses carrier twice");
        assertThat(scenario.hostname()).contains("vmx1");
        assertThat(scenario.initialState()).extracting(DeviceChange::keyword, DeviceChange::at).containsExactly(
                tuple("ifd-add", 6, 7), tuple("ifl-add", 8, 15), tuple("iff-add", 8, 38), tuple("ifa-add", 8, 45),
                tuple("iff-add", 8, 60), tuple("ifd-add", 9, 7), tuple("route-table-add", 10, 18),
                tuple("route-add", 12, 7), tuple("firewall-filter-add", 13, 22));

        List<Step> steps = scenario.steps();
        assertThat(steps).hasSize(5);
        assertThat(steps.get(0)).isEqualTo(new AwaitSubscribers(at(15, 5), "/junos/events/kernel/#", 1, Duration.ofSeconds(30)));
        Repeat repeat = (Repeat) steps.get(1);
        assertThat(repeat.at()).isEqualTo(at(16, 5));
        assertThat(repeat.times()).isEqualTo(2);
        assertThat(repeat.steps()).extracting(Step::keyword, Step::at).containsExactly(
                tuple("interface-down", 18, 9), tuple("sleep", 19, 9), tuple("interface-up", 20, 9));
        assertThat(repeat.steps().get(1)).isEqualTo(new Sleep(at(19, 9), Duration.ofSeconds(2)));
        assertThat(steps.get(2).keyword()).isEqualTo("route-add");
        assertThat(steps.get(2).at()).isEqualTo(at(21, 5));
        assertThat(steps.get(3)).isEqualTo(new Raw(at(22, 5), "/junos/events/custom",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), OptionalInt.of(1)));
        ExpectMessage expect = (ExpectMessage) steps.get(4);
        assertThat(expect.at()).isEqualTo(at(23, 5));
        assertThat(expect.filter()).isEqualTo("myapp/actions/#");
        assertThat(expect.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(expect.payload()).hasValueSatisfying(payload -> assertThat(payload.toString())
                .isEqualTo("{\"action\":\"restart\"}"));
    }

    @Test
    void theChangesMakeTheEventsOfTheDevice() {
        Scenario scenario = ScenarioLoader.parse("flap.yaml", FLAP);
        Device device = new Device();
        List<JetEvent> events = events(scenario, device);

        String ifd = "/junos/events/kernel/interfaces/ifd/change/ge-0/0/1";
        String ifl = "/junos/events/kernel/interfaces/ifl/change/ge-0/0/1.0";
        assertThat(events).extracting(JetEvent::topic).containsExactly(ifd, ifl, ifd, ifl, ifd, ifl, ifd, ifl,
                "/junos/events/kernel/route/add/inet/10.1.0.0/16");
        assertThat(events.get(0).attributes()).containsEntry("snmp-id", 520).containsEntry("flags", 9);
        assertThat(events.get(8).attributes()).containsEntry("route-type", "bgp")
                .containsEntry("next-hop-address", List.of("192.0.2.2"));
        assertThat(device.snapshot().firewallFilters()).extracting(f -> f.name() + " " + f.filterType() + " "
                + f.protocol() + " '" + f.interfaceName() + "'").containsExactly("protect-re classic inet ''");
        assertThat(device.snapshot().routeTables()).extracting(t -> t.name() + " " + t.routeCount())
                .containsExactly("inet.0 4", "inet6.0 0", "blue.inet.0 0");
    }

    @Test
    void everyDeviceStepMakesItsEvents() {
        Scenario scenario = ScenarioLoader.parse("all.yaml", """
                device:
                  interfaces: [{ name: ge-0/0/1, units: [{ unit: 0, families: { inet: [192.0.2.1/30] } }] }]
                steps:
                  - ifd-add: { name: ge-0/0/2, snmp-id: 530 }
                  - ifd-change: { name: ge-0/0/2, disabled: true }
                  - ifl-add: ge-0/0/1.1
                  - ifl-change: { name: ge-0/0/1.1, disabled: true }
                  - iff-add: { ifl: ge-0/0/1.1, family: inet }
                  - iff-change: { ifl: ge-0/0/1.1, family: inet }
                  - ifa-add: { ifl: ge-0/0/1.1, address: 198.51.100.1/24 }
                  - ifa-change: { ifl: ge-0/0/1.1, family: inet, address: 198.51.100.1 }
                  - ifa-delete: { ifl: ge-0/0/1.1, family: inet, address: 198.51.100.1/24 }
                  - iff-delete: { ifl: ge-0/0/1.1, family: inet }
                  - firewall-filter-add: { name: f1, interface: ge-0/0/1.0, client-id: "" }
                  - firewall-filter-change: { name: f1, interface: ge-0/0/1.1 }
                  - firewall-filter-delete: f1
                  - route-table-add: { name: red.inet.0 }
                  - route-table-change: red.inet.0
                  - route-add: { table: red.inet.0, prefix: 10.1.0.0/16, next-hops: [192.0.2.2], type: bgp }
                  - route-change: { table: red.inet.0, prefix: 10.1.0.0/16, next-hops: [192.0.2.6] }
                  - route-delete: { table: red.inet.0, prefix: 10.1.0.0/16 }
                  - route-table-delete: { name: red.inet.0, logical-router: default }
                  - syslog: { event-id: UI_COMMIT_COMPLETED, severity: notice, attributes: { username: lab } }
                  - config-update: { username: lab, comment: drain }
                  - ifl-delete: ge-0/0/1.1
                  - ifd-delete: ge-0/0/2
                  - interface-down: ge-0/0/1
                  - interface-up: ge-0/0/1
                """);
        String kernel = "/junos/events/kernel/";
        assertThat(topics(scenario)).containsExactly(
                kernel + "interfaces/ifd/add/ge-0/0/2",
                kernel + "interfaces/ifd/change/ge-0/0/2",
                kernel + "interfaces/ifl/add/ge-0/0/1.1",
                kernel + "interfaces/ifl/change/ge-0/0/1.1",
                kernel + "interfaces/iff/add/ge-0/0/1.1/inet",
                kernel + "interfaces/iff/change/ge-0/0/1.1/inet",
                kernel + "interfaces/ifa/add/ge-0/0/1.1/inet/198.51.100.1",
                kernel + "route/add/inet/198.51.100.0/24",
                kernel + "route/add/inet/198.51.100.1/32",
                kernel + "interfaces/ifa/change/ge-0/0/1.1/inet/198.51.100.1",
                kernel + "route/delete/inet/198.51.100.1/32",
                kernel + "route/delete/inet/198.51.100.0/24",
                kernel + "interfaces/ifa/delete/ge-0/0/1.1/inet/198.51.100.1",
                kernel + "interfaces/iff/delete/ge-0/0/1.1/inet",
                kernel + "firewall/filter/add/f1",
                kernel + "firewall/filter/change/f1",
                kernel + "firewall/filter/delete/f1",
                kernel + "route-table/add/red.inet.0/default",
                kernel + "route-table/change/red.inet.0/default",
                kernel + "route/add/inet/10.1.0.0/16",
                kernel + "route/change/inet/10.1.0.0/16",
                kernel + "route/delete/inet/10.1.0.0/16",
                kernel + "route-table/delete/red.inet.0/default",
                "/junos/events/syslog/UI_COMMIT_COMPLETED",
                "/junos/events/genpub/config-update",
                kernel + "interfaces/ifl/delete/ge-0/0/1.1",
                kernel + "interfaces/ifd/delete/ge-0/0/2",
                kernel + "interfaces/ifd/change/ge-0/0/1",
                kernel + "interfaces/ifl/change/ge-0/0/1.0",
                kernel + "interfaces/ifd/change/ge-0/0/1",
                kernel + "interfaces/ifl/change/ge-0/0/1.0");
    }

    @Test
    void theShorthandFormsAreTheirMapForms() {
        String device = """
                device:
                  interfaces: [{ name: ge-0/0/1, units: [{ unit: 0, families: { inet: [192.0.2.1/30] } }] }]
                  routes: [{ prefix: 10.1.0.0/16 }]
                """;
        Scenario shorthand = ScenarioLoader.parse("short.yaml", device + """
                steps:
                  - ifd-add: ge-0/0/2
                  - ifl-add: ge-0/0/2.0
                  - firewall-filter-add: f1
                  - firewall-filter-change: f1
                  - route-table-add: red.inet.0
                  - route-delete: 10.1.0.0/16
                  - syslog: UI_COMMIT_COMPLETED
                  - config-update: lab
                  - await-subscribers: /junos/events/#
                  - expect-message: myapp/#
                """);
        Scenario longhand = ScenarioLoader.parse("long.yaml", device + """
                steps:
                  - ifd-add: { name: ge-0/0/2 }
                  - ifl-add: { name: ge-0/0/2.0 }
                  - firewall-filter-add: { name: f1, filter-type: classic, protocol: inet, interface: "", client-id: "" }
                  - firewall-filter-change: { name: f1 }
                  - route-table-add: { name: red.inet.0, logical-router: default }
                  - route-delete: { table: inet.0, prefix: 10.1.0.0/16, logical-router: default }
                  - syslog: { event-id: UI_COMMIT_COMPLETED, severity: notice, facility: daemon, attributes: {} }
                  - config-update: { username: lab, comment: "" }
                  - await-subscribers: { filter: /junos/events/#, count: 1, timeout: 30s }
                  - expect-message: { filter: myapp/#, timeout: 30s }
                """);
        assertThat(events(shorthand, new Device())).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(events(longhand, new Device()));
        assertThat(shorthand.steps().get(8)).usingRecursiveComparison().ignoringFields("at")
                .isEqualTo(longhand.steps().get(8));
        assertThat(shorthand.steps().get(9)).usingRecursiveComparison().ignoringFields("at")
                .isEqualTo(longhand.steps().get(9));
    }

    @Test
    void theDefaults() {
        Scenario scenario = ScenarioLoader.parse("scenarios/defaults.yaml", """
                device:
                  interfaces: [{ name: ge-0/0/1, units: [{ unit: 0, families: { inet6: "2001:db8::1/64" } }] }]
                  routes: [{ prefix: "2001:db8:1::/48", next-hops: "2001:db8::2", type: bgp }]
                steps:
                  - route-change: { prefix: "2001:db8:1::/48", next-hops: ["2001:db8::3"] }
                  - ifa-add: { ifl: ge-0/0/1.0, address: "2001:db8:5::5/64" }
                  - syslog: { event-id: SNMP_TRAP_LINK_DOWN, attributes: { snmp-interface-index: 520, admin-status: up(1),
                              names: [a, b], big: 4294967296, up: true } }
                  - route-add: { prefix: 10.1.0.0/16 }
                """);
        assertThat(scenario.name()).isEqualTo("defaults");
        assertThat(scenario.description()).isEmpty();
        assertThat(scenario.hostname()).isEmpty();
        List<JetEvent> events = events(scenario, new Device());
        assertThat(events.get(0).topic()).isEqualTo("/junos/events/kernel/route/change/inet6/2001:db8:1::/48");
        assertThat(events.get(0).attributes()).containsEntry("table-name", "inet6.0").containsEntry("route-type", "bgp")
                .containsEntry("next-hop-address", List.of("2001:db8::3"));
        assertThat(events.get(1).topic()).isEqualTo("/junos/events/kernel/interfaces/ifa/add/ge-0/0/1.0/inet6/2001:db8:5::5");
        JetEvent syslog = events.get(4);
        assertThat(syslog.severity()).isEqualTo(Severity.NOTICE);
        assertThat(syslog.facility()).isEqualTo(Facility.DAEMON);
        assertThat(syslog.attributes()).containsExactly(entry("snmp-interface-index", 520), entry("admin-status", "up(1)"),
                entry("names", List.of("a", "b")), entry("big", 4294967296L), entry("up", true));
        assertThat(events.get(5).attributes()).containsEntry("table-name", "inet.0").containsEntry("route-type", "static")
                .containsEntry("next-hop-address", List.of());
    }

    @Test
    void aFirewallFilterChangeChangesOnlyTheFieldsItGives() {
        Scenario scenario = ScenarioLoader.parse("filter.yaml", """
                device:
                  interfaces: [{ name: ge-0/0/1, units: [0, 1] }]
                  firewall-filters: [{ name: f1, filter-type: simple-filter, protocol: inet6, interface: ge-0/0/1.0, client-id: app1 }]
                steps:
                  - firewall-filter-change: { name: f1, interface: ge-0/0/1.1 }
                  - firewall-filter-change: { name: f1, protocol: any, client-id: "" }
                """);
        assertThat(events(scenario, new Device())).extracting(JetEvent::attributes).containsExactly(
                attributes("f1", 2, "app1", "simple-filter", "inet6", "ge-0/0/1.1"),
                attributes("f1", 3, "", "simple-filter", "any", "ge-0/0/1.1"));
    }

    @Test
    void rawPayloadsAreSentAsWrittenOrAsCompactJson() throws IOException {
        Scenario scenario = ScenarioLoader.parse("raw.yaml", """
                steps:
                  - raw: { topic: /junos/events/custom, payload: "not json  " }
                  - raw: { topic: app/x, payload: { a: 1, b: [true, x, 1.50, ~] } }
                  - raw: { topic: app/x, payload: "" }
                """);
        List<String> payloads = scenario.steps().stream().map(step -> new String(((Raw) step).payload(), StandardCharsets.UTF_8))
                .toList();
        assertThat(payloads).containsExactly("not json  ", "{\"a\":1,\"b\":[true,\"x\",1.50,null]}", "");
        assertThat(((Raw) scenario.steps().get(0)).qos()).isEmpty();
        assertThat(new ObjectMapper().readTree(payloads.get(1)).get("b").get(2).decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void anExpectedPayloadMayBeJsonInAString() {
        Scenario scenario = ScenarioLoader.parse("expect.yaml", """
                steps:
                  - expect-message: { filter: "myapp/+/actions", payload: '{"action": "restart", "count": 2}' }
                """);
        ExpectMessage expect = (ExpectMessage) scenario.steps().get(0);
        assertThat(expect.payload()).hasValueSatisfying(payload -> assertThat(payload.toString())
                .isEqualTo("{\"action\":\"restart\",\"count\":2}"));
        assertThat(expect.timeout()).isEqualTo(ControlSteps.DEFAULT_TIMEOUT);
    }

    @Test
    void routesGenerateMakesDistinctSeededRoutesInBatchesAtItsRate() {
        String text = """
                device:
                  interfaces: [{ name: ge-0/0/0, units: [{ unit: 0, families: { inet: [192.0.2.1/30] } }] }]
                steps:
                  - routes-generate: { table: inet.0, count: 2500, rate: 2000/s, seed: 7, next-hops: [192.0.2.2], type: bgp }
                """;
        Scenario scenario = ScenarioLoader.parse("generate.yaml", text);
        assertThat(scenario.steps()).singleElement().isInstanceOf(Generated.class);
        List<Step> made = ScenarioSamples.expand((Generated) scenario.steps().get(0));
        // 200 routes per 100 ms at 2000/s: 13 batches, 12 sleeps between them.
        assertThat(made).hasSize(25);
        assertThat(made).allSatisfy(step -> assertThat(step.at()).isEqualTo(at(4, 5)));
        assertThat(made.get(1)).isEqualTo(new Sleep(at(4, 5), Duration.ofMillis(100)));
        assertThat(made.get(0).keyword()).isEqualTo("routes-generate");

        List<JetEvent> events = events(scenario, new Device());
        Set<String> prefixes = new HashSet<>();
        events.forEach(event -> prefixes.add((String) event.attribute("route-prefix")));
        assertThat(events).hasSize(2500).allSatisfy(event -> {
            assertThat(event.attributes()).containsEntry("route-type", "bgp").containsEntry("next-hop-address", List.of("192.0.2.2"));
            assertThat(event.topic()).startsWith("/junos/events/kernel/route/add/inet/").endsWith("/24");
        });
        assertThat(prefixes).hasSize(2500).allSatisfy(prefix -> {
            int firstOctet = Integer.parseInt(prefix.substring(0, prefix.indexOf('.')));
            assertThat(firstOctet).isBetween(1, 223).isNotEqualTo(127);
        });
        assertThat(topics(ScenarioLoader.parse("again.yaml", text))).isEqualTo(events.stream().map(JetEvent::topic).toList());
        assertThat(topics(ScenarioLoader.parse("other.yaml", text.replace("seed: 7", "seed: 8"))))
                .isNotEqualTo(events.stream().map(JetEvent::topic).toList());
        assertThat(ScenarioValidator.dryRun(scenario)).isEmpty();
    }

    @Test
    void routesGenerateFillsASmallSpaceWithoutRepeatingAndInIpv6() {
        Scenario v4 = ScenarioLoader.parse("v4.yaml", "steps: [{ routes-generate: { count: 222, prefix-length: 8 } }]");
        assertThat(topics(v4)).doesNotHaveDuplicates().hasSize(222)
                .noneMatch(topic -> topic.contains("/127.0.0.0/") || topic.contains("/0.0.0.0/"));
        Scenario v6 = ScenarioLoader.parse("v6.yaml", "steps: [{ routes-generate: { table: inet6.0, count: 1500 } }]");
        List<JetEvent> events = events(v6, new Device());
        assertThat(events).hasSize(1500);
        assertThat(events).allSatisfy(event -> {
            IpPrefix prefix = dev.jetemu.sim.device.RouteSpec.parsePrefix((String) event.attribute("route-prefix"));
            assertThat(prefix.length()).isEqualTo(48);
            assertThat(prefix.toString()).matches("[23][0-9a-f]{3}:.*");
        });
        // Without a rate: batches of 1000, no sleeps.
        assertThat(ScenarioSamples.expand((Generated) v6.steps().get(0))).hasSize(2)
                .allMatch(step -> step instanceof DeviceChange);
    }

    @Test
    void routesWithdrawDeletesWhatRoutesGenerateMadeWithTheSameSeed() {
        Scenario scenario = ScenarioLoader.parse("churn.yaml", """
                steps:
                  - routes-generate: { table: inet6.0, count: 1200, seed: 3 }
                  - routes-withdraw: { table: inet6.0, count: 1200, seed: 3, rate: 1000/s }
                """);
        Device device = new Device();
        List<JetEvent> events = events(scenario, device);

        assertThat(events).hasSize(2400);
        List<String> added = events.subList(0, 1200).stream().map(JetEvent::topic).toList();
        List<String> deleted = events.subList(1200, 2400).stream().map(JetEvent::topic).toList();
        assertThat(deleted).isEqualTo(added.stream().map(topic -> topic.replace("/route/add/", "/route/delete/")).toList());
        assertThat(device.routes("inet6.0", Device.DEFAULT_LOGICAL_ROUTER)).isEmpty();
        assertThat(ScenarioValidator.dryRun(scenario)).isEmpty();
    }

    @Test
    void routesWithdrawOfRoutesNeverMadeIsRefusedOnceByTheDryRun() {
        Scenario scenario = ScenarioLoader.parse("churn.yaml", """
                steps:
                  - routes-generate: { count: 10, seed: 3 }
                  - routes-withdraw: { count: 3000, seed: 4 }
                """);

        assertThat(ScenarioValidator.dryRun(scenario)).singleElement().asString()
                .startsWith("churn.yaml:3:5: routes-withdraw: route ")
                .endsWith("does not exist in inet.0; expected routes-withdraw to name the routes a routes-generate "
                        + "made: the same table, seed and prefix-length, and a count no larger");
    }

    @Test
    void flapsGenerateTakesDownAndUpInterfacesChosenFromTheSeedWithItsWaits() {
        String text = """
                device:
                  interfaces: [ge-0/0/1, ge-0/0/2, ge-0/0/3]
                steps:
                  - flaps-generate: { interfaces: [ge-0/0/1, ge-0/0/2, ge-0/0/3], count: 50, down-for: 200ms, interval: 1s, jitter: 100ms, seed: 9 }
                """;
        Scenario scenario = ScenarioLoader.parse("flaps.yaml", text);
        List<Step> made = ScenarioSamples.expand((Generated) scenario.steps().get(0));

        assertThat(made).hasSize(50 * 4 - 1);
        List<Duration> downs = new java.util.ArrayList<>();
        List<Duration> intervals = new java.util.ArrayList<>();
        for (int i = 0; i < made.size(); i += 4) {
            assertThat(made.get(i)).isInstanceOf(DeviceChange.class);
            downs.add(((Sleep) made.get(i + 1)).duration());
            assertThat(made.get(i + 2)).isInstanceOf(DeviceChange.class);
            if (i + 3 < made.size()) {
                intervals.add(((Sleep) made.get(i + 3)).duration());
            }
        }
        assertThat(downs).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(200), Duration.ofMillis(300)));
        assertThat(intervals).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1100)));
        assertThat(new HashSet<>(downs)).hasSizeGreaterThan(10);

        List<String> topics = topics(scenario);
        // Interfaces without units: one IFD change down, one up.
        assertThat(topics).hasSize(50 * 2);
        Set<String> flapped = new HashSet<>();
        for (int i = 0; i < topics.size(); i += 2) {
            assertThat(topics.get(i)).isEqualTo(topics.get(i + 1));
            flapped.add(topics.get(i));
        }
        assertThat(flapped).containsExactlyInAnyOrder(
                "/junos/events/kernel/interfaces/ifd/change/ge-0/0/1",
                "/junos/events/kernel/interfaces/ifd/change/ge-0/0/2",
                "/junos/events/kernel/interfaces/ifd/change/ge-0/0/3");
        assertThat(topics(ScenarioLoader.parse("again.yaml", text))).isEqualTo(topics);
        assertThat(ScenarioSamples.expand((Generated) ScenarioLoader.parse("other.yaml", text.replace("seed: 9",
                "seed: 10")).steps().get(0))).isNotEqualTo(made);
        assertThat(ScenarioValidator.dryRun(scenario)).isEmpty();
    }

    @Test
    void faultStepsAndExpectNoMessageLoadWithTheirDefaultsAndShorthands() {
        Scenario scenario = ScenarioLoader.parse("faults.yaml", """
                steps:
                  - disconnect-clients: "app-*"
                  - disconnect-clients: {}
                  - restart-broker: 2s
                  - restart-broker: {}
                  - pause-delivery: 5s
                  - drop-events: 3
                  - duplicate-events: { count: 2, clients: "monitor?", filter: "/junos/events/kernel/#" }
                  - expect-no-message: app/alerts
                  - expect-no-message: { filter: "app/#", payload: { state: down }, within: 2s }
                """);

        assertThat(scenario.steps()).containsExactly(
                new DisconnectClients(at(2, 5), "app-*"),
                new DisconnectClients(at(3, 5), "*"),
                new RestartBroker(at(4, 5), Duration.ofSeconds(2)),
                new RestartBroker(at(5, 5), Duration.ofSeconds(1)),
                new PauseDelivery(at(6, 5), Duration.ofSeconds(5)),
                new DeliveryFault(at(7, 5), DeliveryFault.Kind.DROP, 3, "*", "/junos/#"),
                new DeliveryFault(at(8, 5), DeliveryFault.Kind.DUPLICATE, 2, "monitor?", "/junos/events/kernel/#"),
                new ExpectNoMessage(at(9, 5), "app/alerts", java.util.Optional.empty(), Duration.ofSeconds(5)),
                new ExpectNoMessage(at(10, 5), "app/#", java.util.Optional.of(new ObjectMapper().createObjectNode()
                        .put("state", "down")), Duration.ofSeconds(2)));
    }

    @Test
    void loadsAFileByItsPathAndNamesTheScenarioAfterIt(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("link-down.yaml"), "steps: []\n");
        Scenario scenario = ScenarioLoader.load(file);
        assertThat(scenario.name()).isEqualTo("link-down");
        assertThat(scenario.file()).isEqualTo(file.toString());
        assertThat(scenario.steps()).isEmpty();
        assertThat(scenario.initialState()).isEmpty();
    }

    @Test
    void theKeywordsTheDeviceNamesInItsMessagesAreSteps() {
        assertThat(ScenarioLoader.stepKeywords()).contains("ifd-add", "ifd-delete", "ifl-add", "ifl-delete", "iff-add",
                "iff-delete", "ifa-add", "ifa-delete", "firewall-filter-add", "firewall-filter-delete", "route-table-add",
                "route-table-delete", "route-add", "route-change", "interface-down", "interface-up");
        assertThat(ScenarioLoader.stepKeywords()).doesNotHaveDuplicates().hasSize(39);
    }

    private static Position at(int line, int column) {
        return new Position(line, column);
    }

    private static org.assertj.core.groups.Tuple tuple(String keyword, int line, int column) {
        return org.assertj.core.groups.Tuple.tuple(keyword, at(line, column));
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }

    private static java.util.Map<String, Object> attributes(String name, int version, String clientId, String type,
                                                            String protocol, String unit) {
        java.util.Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("version", version);
        attributes.put("client-id", clientId);
        attributes.put("filter-type", type);
        attributes.put("protocol", protocol);
        attributes.put("interface-name", unit);
        attributes.put("flags", 0);
        return attributes;
    }
}
