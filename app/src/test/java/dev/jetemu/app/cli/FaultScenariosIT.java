package dev.jetemu.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each fault step, run by {@code jetemu run} and observed over TCP by Paho applications: what a
 * client sees of a disconnect, a broker restart, a paused delivery, dropped and duplicated events.
 */
class FaultScenariosIT {

    private static final String IFD = "/junos/events/kernel/interfaces/ifd/change/";
    private static final String ROUTES = "/junos/events/kernel/route/add/inet/";
    private static final String DEVICE = """
            device:
              hostname: vmx1
              interfaces: [{ name: ge-0/0/1, snmp-id: 521, units: [0] }]
            """;

    @TempDir
    Path folder;

    private CompletableFuture<CliHarness.Result> run(int port, String steps, String... options) throws Exception {
        Path file = Files.writeString(folder.resolve("fault.yaml"), DEVICE + "steps:\n" + steps.indent(2));
        String[] args = new String[4 + options.length];
        args[0] = "run";
        args[1] = file.toString();
        args[2] = "--port";
        args[3] = String.valueOf(port);
        System.arraycopy(options, 0, args, 4, options.length);
        return CompletableFuture.supplyAsync(() -> CliHarness.run(args));
    }

    private static CliHarness.Result passed(CompletableFuture<CliHarness.Result> run) throws Exception {
        CliHarness.Result result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return result;
    }

    @Test
    void disconnectClientsClosesOnlyTheMatchingClientsWhichReconnect() throws Exception {
        int port = RunCommandIT.freePort();
        CompletableFuture<CliHarness.Result> run = run(port, """
                - await-subscribers: { filter: "/junos/events/#", count: 2 }
                - disconnect-clients: "app-*"
                - sleep: 300ms
                - await-subscribers: { filter: "/junos/events/#", count: 2 }
                - interface-down: ge-0/0/1
                """, "--virtual-time");
        try (ResilientApp app = ResilientApp.connect(port, "app-1", "/junos/events/#", 0);
             ResilientApp other = ResilientApp.connect(port, "monitor", "/junos/events/#", 0)) {
            passed(run);

            await().atMost(10, TimeUnit.SECONDS).until(() -> app.arrivals().size() == 2 && other.arrivals().size() == 2);
            // Counted up to the last event: the run closes every connection when it ends.
            assertThat(app.connectionsLostBeforeLastArrival()).isEqualTo(1);
            assertThat(app.subscriptions()).isGreaterThanOrEqualTo(2);
            assertThat(other.connectionsLostBeforeLastArrival()).isZero();
            assertThat(app.topics()).containsExactly(IFD + "ge-0/0/1", "/junos/events/kernel/interfaces/ifl/change/ge-0/0/1.0");
        }
    }

    @Test
    void restartBrokerDropsEveryClientAndTheDeviceKeepsItsStateAcrossIt() throws Exception {
        int port = RunCommandIT.freePort();
        CompletableFuture<CliHarness.Result> run = run(port, """
                - await-subscribers: { filter: "/junos/events/#", count: 1 }
                - interface-down: ge-0/0/1
                - restart-broker: 500ms
                - await-subscribers: { filter: "/junos/events/#", count: 1 }
                - interface-up: ge-0/0/1
                """, "--virtual-time");
        try (ResilientApp app = ResilientApp.connect(port, "app-1", IFD + "#", 1)) {
            CliHarness.Result result = passed(run);

            await().atMost(10, TimeUnit.SECONDS).until(() -> app.arrivals().size() == 2);
            assertThat(app.connectionsLostBeforeLastArrival()).isEqualTo(1);
            List<ResilientApp.Arrival> arrivals = app.arrivals();
            // Down before the restart, up after it: the device remembered the link was down.
            assertThat(arrivals).extracting(arrival -> arrival.event().attributes().get("flags"))
                    .containsExactly(9L, 8L);
            assertThat(arrivals).extracting(arrival -> arrival.event().attributes().get("snmp-id"))
                    .containsOnly(521L);
            assertThat(result.out()).contains("PASS fault");
        }
    }

    @Test
    void pauseDeliveryHoldsTheDevicesEventsAndDeliversThemInOrderWhenItEnds() throws Exception {
        int port = RunCommandIT.freePort();
        CompletableFuture<CliHarness.Result> run = run(port, """
                - await-subscribers: { filter: "/junos/events/#", count: 1 }
                - pause-delivery: 1500ms
                - interface-down: ge-0/0/1
                - sleep: 500ms
                - interface-up: ge-0/0/1
                - sleep: 2s
                - interface-down: ge-0/0/1
                """);
        try (ResilientApp app = ResilientApp.connect(port, "app-1", IFD + "#", 0)) {
            passed(run);

            await().atMost(10, TimeUnit.SECONDS).until(() -> app.arrivals().size() == 3);
            List<ResilientApp.Arrival> arrivals = app.arrivals();
            assertThat(arrivals).extracting(arrival -> arrival.event().attributes().get("flags"))
                    .containsExactly(9L, 8L, 9L);
            // The first two were held until the pause ended, 1.5 s after the first was made, and
            // then left together; the third left when it was made, 1 s after the pause.
            assertThat(Duration.between(eventTime(arrivals.get(0)), arrivals.get(0).arrivedAt()))
                    .isGreaterThan(Duration.ofMillis(1300));
            assertThat(Duration.between(arrivals.get(0).arrivedAt(), arrivals.get(1).arrivedAt()))
                    .isLessThan(Duration.ofMillis(300));
            assertThat(eventTime(arrivals.get(1))).isAfter(eventTime(arrivals.get(0)).plusMillis(400));
            assertThat(Duration.between(eventTime(arrivals.get(2)), arrivals.get(2).arrivedAt()))
                    .isLessThan(Duration.ofMillis(500));
        }
    }

    private static java.time.Instant eventTime(ResilientApp.Arrival arrival) {
        return java.time.Instant.parse(arrival.event().time());
    }

    @Test
    void dropEventsMakesTheMatchingClientsMissTheirNextMessages() throws Exception {
        int port = RunCommandIT.freePort();
        CompletableFuture<CliHarness.Result> run = run(port, """
                - await-subscribers: { filter: "/junos/events/#", count: 2 }
                - drop-events: { count: 2, clients: "app-*" }
                - route-add: { prefix: 10.1.0.0/16 }
                - route-add: { prefix: 10.2.0.0/16 }
                - route-add: { prefix: 10.3.0.0/16 }
                - route-add: { prefix: 10.4.0.0/16 }
                """, "--virtual-time", "--qos", "1");
        try (ResilientApp app = ResilientApp.connect(port, "app-1", "/junos/events/#", 1);
             ResilientApp other = ResilientApp.connect(port, "monitor", "/junos/events/#", 1)) {
            passed(run);

            await().atMost(10, TimeUnit.SECONDS).until(() -> other.arrivals().size() == 4);
            assertThat(other.topics()).containsExactly(ROUTES + "10.1.0.0/16", ROUTES + "10.2.0.0/16",
                    ROUTES + "10.3.0.0/16", ROUTES + "10.4.0.0/16");
            await().atMost(10, TimeUnit.SECONDS).until(() -> app.arrivals().size() >= 2);
            assertThat(app.topics()).containsExactly(ROUTES + "10.3.0.0/16", ROUTES + "10.4.0.0/16");
        }
    }

    @Test
    void duplicateEventsSendsTheMatchingClientsNextMessagesTwiceWithTheDupFlag() throws Exception {
        int port = RunCommandIT.freePort();
        CompletableFuture<CliHarness.Result> run = run(port, """
                - await-subscribers: { filter: "/junos/events/#", count: 2 }
                - duplicate-events: { count: 2, clients: monitor }
                - route-add: { prefix: 10.1.0.0/16 }
                - route-add: { prefix: 10.2.0.0/16 }
                - route-add: { prefix: 10.3.0.0/16 }
                """, "--virtual-time", "--qos", "1");
        try (ResilientApp app = ResilientApp.connect(port, "app-1", "/junos/events/#", 1);
             ResilientApp monitor = ResilientApp.connect(port, "monitor", "/junos/events/#", 1)) {
            passed(run);

            await().atMost(10, TimeUnit.SECONDS).until(() -> monitor.arrivals().size() >= 5 && app.arrivals().size() >= 3);
            assertThat(monitor.topics()).containsExactly(ROUTES + "10.1.0.0/16", ROUTES + "10.1.0.0/16",
                    ROUTES + "10.2.0.0/16", ROUTES + "10.2.0.0/16", ROUTES + "10.3.0.0/16");
            assertThat(monitor.arrivals()).extracting(ResilientApp.Arrival::duplicate)
                    .containsExactly(false, true, false, true, false);
            assertThat(app.topics()).containsExactly(ROUTES + "10.1.0.0/16", ROUTES + "10.2.0.0/16",
                    ROUTES + "10.3.0.0/16");
        }
    }

    @Test
    void faultsThatActOnTheBrokerAreRefusedWithAnExternalBroker() throws Exception {
        Path file = Files.writeString(folder.resolve("external.yaml"), """
                steps:
                  - pause-delivery: 1s
                  - drop-events: 2
                """);

        CliHarness.Result result = CliHarness.run("run", file.toString(), "--broker", "tcp://127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains(file + ":3:5: drop-events needs jetemu's own broker, which it acts on; "
                + "expected no --broker, or no drop-events step").doesNotContain("pause-delivery");
    }
}
