package dev.jetemu.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code jetemu serve} as a user runs it: the packaged jar in its own process, configured by
 * file or options, probed by real MQTT clients from loopback source addresses, stopped by SIGTERM.
 */
class ServeProcessIT {

    private static final int ACCEPTED = 0;
    private static final int NOT_AUTHORIZED = 5;

    @TempDir
    Path dir;

    @Test
    void withoutConfigurationOnlyLoopbackClientsAreAllowedAndSigtermStopsItCleanly() throws Exception {
        try (JetemuProcess jetemu = JetemuProcess.start("serve", "--http-port", "0", "--port", "0")) {
            int port = jetemu.awaitReady();

            assertThat(jetemu.out()).anyMatch(line ->
                    line.equals("  allow-clients:   127.0.0.0/8, ::1 (no configuration: loopback clients only)"));
            assertThat(jetemu.out()).anyMatch(line -> line.equals("  hostname:        jetemu"));
            assertThat(MqttProbe.connackFrom("127.0.0.1", port)).isEqualTo(ACCEPTED);
            assertThat(MqttProbe.connackFrom("127.0.0.77", port)).isEqualTo(ACCEPTED);
            assertThat(MqttProbe.connackFrom("::1", port)).isEqualTo(ACCEPTED);

            assertThat(jetemu.terminate(2)).isZero();
        }
    }

    @Test
    void sigtermStopsAStartUpScenarioThatWaitsForSubscribers() throws Exception {
        // docker stop sends SIGTERM and kills 10 s later: a scenario awaiting subscribers must not hold it.
        try (JetemuProcess jetemu = JetemuProcess.start("serve", "--http-port", "off", "--port", "0",
                "--scenario", "interface-flap")) {
            jetemu.awaitReady();
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> jetemu.err().stream().anyMatch(line -> line.contains("waiting up to")));

            assertThat(jetemu.terminateAndKeepOutput(3)).isZero();
            assertThat(jetemu.out()).contains("Stopped while running the start-up scenarios.");
        }
    }

    @Test
    void allowOnTheCommandLineAdmitsThatAddressOnly() throws Exception {
        try (JetemuProcess jetemu = JetemuProcess.start("serve", "--http-port", "0", "--port", "0", "--allow", "127.0.0.1",
                "--hostname", "vmx1")) {
            int port = jetemu.awaitReady();

            assertThat(jetemu.out()).contains("  allow-clients:   127.0.0.1 (from --allow)", "  hostname:        vmx1");
            assertThat(MqttProbe.connackFrom("127.0.0.1", port)).isEqualTo(ACCEPTED);
            assertThat(MqttProbe.connackFrom("127.0.0.2", port)).isEqualTo(NOT_AUTHORIZED);
            assertThat(jetemu.err()).anyMatch(line -> line.contains("Refused a connection from 127.0.0.2:")
                    && line.contains("not in allow-clients"));
        }
    }

    @Test
    void aConfigurationWithoutAllowClientsRefusesEveryoneAndWarns() throws Exception {
        Path config = JetemuProcess.writeFile(dir, "jetemu.yaml", """
                device:
                  hostname: vmx1
                notification:
                  port: 0
                """);
        try (JetemuProcess jetemu = JetemuProcess.start("serve", "--http-port", "0", "--config", config.toString())) {
            int port = jetemu.awaitReady();

            assertThat(jetemu.err()).anyMatch(line -> line.startsWith("warning: " + config
                    + " configures no allow-clients, so every client will be refused"));
            assertThat(jetemu.out()).contains(
                    "  allow-clients:   none (not configured: every client is refused, as on Junos)");
            assertThat(MqttProbe.connackFrom("127.0.0.1", port)).isEqualTo(NOT_AUTHORIZED);
            assertThat(MqttProbe.connackFrom("::1", port)).isEqualTo(NOT_AUTHORIZED);
        }
    }

    @Test
    void setLinesPastedFromADeviceConfigureTheService() throws Exception {
        Path config = JetemuProcess.writeFile(dir, "vmx1.conf", """
                set system host-name lab-vmx
                set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/30
                set system services extension-service notification allow-clients address 127.0.0.2
                set system services extension-service notification allow-clients address [ 127.0.0.8/29 ::1 ]
                set system services extension-service notification max-connections 20
                """);
        try (JetemuProcess jetemu = JetemuProcess.start("serve", "--http-port", "0", "--config", config.toString(), "--port", "0")) {
            int port = jetemu.awaitReady();

            assertThat(jetemu.out()).contains("  hostname:        lab-vmx", "  max-connections: 20");
            assertThat(jetemu.err()).anyMatch(line -> line.startsWith(config + ":2:1: note: ignored"));
            assertThat(MqttProbe.connackFrom("127.0.0.2", port)).isEqualTo(ACCEPTED);
            assertThat(MqttProbe.connackFrom("127.0.0.9", port)).isEqualTo(ACCEPTED);
            assertThat(MqttProbe.connackFrom("::1", port)).isEqualTo(ACCEPTED);
            assertThat(MqttProbe.connackFrom("127.0.0.1", port)).isEqualTo(NOT_AUTHORIZED);
            assertThat(MqttProbe.connackFrom("127.0.0.16", port)).isEqualTo(NOT_AUTHORIZED);
        }
    }

    @Test
    void aHostNameInAllowClientsIsResolvedAtStartAndLogged() throws Exception {
        Path config = JetemuProcess.writeFile(dir, "jetemu.yaml", """
                notification:
                  port: 0
                  allow-clients: [localhost]
                """);
        try (JetemuProcess jetemu = JetemuProcess.start("serve", "--http-port", "0", "--config", config.toString())) {
            int port = jetemu.awaitReady();

            assertThat(jetemu.err()).anyMatch(line -> line.startsWith(config + ":3:19: note: allow-clients host name "
                    + "'localhost' resolves to") && line.contains("127.0.0.1"));
            assertThat(MqttProbe.connackFrom("127.0.0.1", port)).isEqualTo(ACCEPTED);
            assertThat(MqttProbe.connackFrom("127.0.0.2", port)).isEqualTo(NOT_AUTHORIZED);
        }
    }

    @Test
    void theCommandLineOverridesTheFile() throws Exception {
        Path config = JetemuProcess.writeFile(dir, "jetemu.yaml", """
                device:
                  hostname: from-file
                notification:
                  port: 1
                  allow-clients: [127.0.0.3]
                """);
        try (JetemuProcess jetemu = JetemuProcess.start("serve", "--http-port", "0", "--config", config.toString(),
                "--port", "0", "--allow", "127.0.0.4", "--hostname", "from-cli")) {
            int port = jetemu.awaitReady();

            assertThat(jetemu.out()).contains("  hostname:        from-cli");
            assertThat(MqttProbe.connackFrom("127.0.0.4", port)).isEqualTo(ACCEPTED);
            assertThat(MqttProbe.connackFrom("127.0.0.3", port)).isEqualTo(NOT_AUTHORIZED);
        }
    }

    @Test
    void aBadConfigurationExitsTwoBeforeListening() throws Exception {
        Path config = JetemuProcess.writeFile(dir, "jetemu.yaml", "notification:\n  port: [1883]\n");
        try (JetemuProcess jetemu = JetemuProcess.start("serve", "--http-port", "0", "--config", config.toString())) {
            assertThat(jetemu.awaitExit(30)).isEqualTo(2);
            assertThat(jetemu.out()).isEmpty();
        }
    }
}
