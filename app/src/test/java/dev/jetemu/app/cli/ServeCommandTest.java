package dev.jetemu.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way {@code serve} can be given bad input ends with exit code 2, the exact message on
 * stderr, nothing on stdout, and no stack trace. These runs end before the broker would start.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private static void assertInvalidInput(CliHarness.Result result, String... stderrLines) {
        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly(stderrLines);
    }

    @Test
    void everyErrorOfAYamlConfigurationIsReportedAtOnce() throws IOException {
        Path config = file("jetemu.yaml", """
                device:
                  hostname: vmx 1
                notification:
                  port: 70000
                  alow-clients: [127.0.0.1]
                  max-connections: lots
                """);

        CliHarness.Result result = CliHarness.run("serve", "--config", config.toString());

        assertInvalidInput(result,
                config + ":2:13: host name 'vmx 1' contains a space; expected a Junos host name: letters, digits, "
                        + "hyphens and dots, 1 to 255 characters, no spaces",
                config + ":4:9: port 70000 is out of range; expected a whole number from 0 to 65535",
                config + ":5:3: unknown key 'alow-clients' in notification (did you mean 'allow-clients'?); "
                        + "expected one of port, allow-clients, max-connections, broker-socket-send-buffer-size, users",
                config + ":6:20: max-connections is a string ('lots'); expected a whole number from 1 to 65535");
    }

    @Test
    void aBadAddressInAllowClientsNamesItsPlace() throws IOException {
        Path config = file("jetemu.yaml", """
                notification:
                  allow-clients: [127.0.0.1, 10.0.0.0/33]
                """);

        CliHarness.Result result = CliHarness.run("serve", "--config", config.toString());

        assertInvalidInput(result, config + ":2:30: prefix length 33 is longer than the 32 bits of an IPv4 address; "
                + "expected an IPv4 or IPv6 address, a prefix such as 10.0.0.0/8, or a resolvable host name");
    }

    @Test
    void aMalformedSetLineInTheNotificationHierarchyIsAnError() throws IOException {
        Path config = file("router.conf", """
                set system host-name vmx1
                set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/30
                set system services extension-service notification port 18x3
                """);

        CliHarness.Result result = CliHarness.run("serve", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains(config + ":3:57: port '18x3' is not a whole number; "
                + "expected a whole number from 0 to 65535");
        assertThat(result.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aMissingConfigurationFileIsInvalidInput() {
        Path missing = dir.resolve("nowhere.yaml");

        CliHarness.Result result = CliHarness.run("serve", "--config", missing.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).startsWith(missing + ":1:1: cannot read configuration file");
    }

    @Test
    void aPortOutOfRangeOnTheCommandLine() {
        assertInvalidInput(CliHarness.run("serve", "--port", "70000"),
                "jetemu: --port 70000: port 70000 is out of range; expected a whole number from 0 to 65535",
                "Run 'jetemu serve --help' for usage.");
    }

    @Test
    void aBadAllowOnTheCommandLine() {
        assertInvalidInput(CliHarness.run("serve", "--allow", "10.0.0.0/33"),
                "jetemu: --allow 10.0.0.0/33: prefix length 33 is longer than the 32 bits of an IPv4 address; "
                        + "expected an IPv4 or IPv6 address, a prefix such as 10.0.0.0/8, or a resolvable host name",
                "Run 'jetemu serve --help' for usage.");
    }

    @Test
    void aBadHostnameOnTheCommandLine() {
        assertInvalidInput(CliHarness.run("serve", "--hostname", "my router"),
                "jetemu: --hostname my router: host name 'my router' contains a space; expected a Junos host name: "
                        + "letters, digits, hyphens and dots, 1 to 255 characters, no spaces",
                "Run 'jetemu serve --help' for usage.");
    }

    @Test
    void anUnknownOptionIsUsageWithASuggestion() {
        CliHarness.Result result = CliHarness.run("serve", "--alow", "127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err().lines()).containsExactly("jetemu: unknown option '--alow' for jetemu serve (did you "
                + "mean '--allow'?); expected one of --config, --port, --allow, --hostname, --http-port, --scenario, "
                + "--qos, --help, --version", "Run 'jetemu serve --help' for usage.");
    }

    @Test
    void anUnknownCommandIsUsageWithASuggestion() {
        CliHarness.Result result = CliHarness.run("serv");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("'serv'").contains("serve");
    }

    @Test
    void noCommandAtAllIsUsage() {
        CliHarness.Result result = CliHarness.run();

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("a command is required");
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliHarness.Result result = CliHarness.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("serve").contains("Exit codes");
    }

    @Test
    void aPortInUseIsAnEnvironmentFailure() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));

            CliHarness.Result result = CliHarness.run("serve", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).startsWith("jetemu: cannot listen on port " + taken.getLocalPort());
            assertThat(result.err()).doesNotContain("\tat ");
        }
    }
}
