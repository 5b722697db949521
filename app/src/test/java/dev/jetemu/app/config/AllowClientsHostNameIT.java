package dev.jetemu.app.config;

import dev.jetemu.app.settings.CommandLineOverrides;
import dev.jetemu.app.settings.SettingsResolver;
import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.NotificationBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static dev.jetemu.app.config.ConfigFiles.NOTIFICATION;
import static dev.jetemu.app.config.ConfigFiles.notes;
import static dev.jetemu.app.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * allow-clients host names from configuration to connection: a name that resolves to several
 * addresses admits a client from each of them and from no other address. The names come from
 * {@code src/test/resources/hosts/allow-clients-hosts}, which the failsafe execution
 * {@code hosts-file} of this module sets as {@code jdk.net.hosts.file} (the JVM reads it once, at
 * start); in any other JVM the test is skipped.
 */
class AllowClientsHostNameIT {

    private static final int ACCEPTED = 0;
    private static final int NOT_AUTHORIZED = 5;

    @TempDir
    Path dir;

    @BeforeEach
    void namesComeFromTheTestHostsFile() {
        String hostsFile = System.getProperty("jdk.net.hosts.file", "");
        assumeTrue(hostsFile.endsWith("allow-clients-hosts"),
                "runs in the failsafe execution that sets -Djdk.net.hosts.file to the test hosts file");
    }

    @Test
    void aNameWithSeveralAddressesAdmitsEachOfThemAndNoOther() throws Exception {
        Path file = write(dir, "jetemu.yaml", "notification:\n  port: 0\n  allow-clients: [lab-app.example]\n");

        EmulatorConfig config = ConfigLoader.load(file);

        assertThat(notes(config)).containsExactly(file + ":3:19: note: allow-clients host name 'lab-app.example'"
                + " resolves to 127.0.0.5, 127.0.0.6, ::1");
        try (NotificationBroker broker = NotificationBroker.start(brokerSettings(file, config))) {
            assertThat(answer(broker, "127.0.0.5")).isEqualTo(ACCEPTED);
            assertThat(answer(broker, "127.0.0.6")).isEqualTo(ACCEPTED);
            assertThat(answer(broker, "::1")).isEqualTo(ACCEPTED);
            assertThat(answer(broker, "127.0.0.1")).isEqualTo(NOT_AUTHORIZED);
            assertThat(answer(broker, "127.0.0.7")).isEqualTo(NOT_AUTHORIZED);
        }
    }

    @Test
    void aSetLineNameResolvesAsTheYamlOneDoes() {
        Path yaml = write(dir, "jetemu.yaml", "notification:\n  allow-clients: [lab-app.example]\n");
        Path set = write(dir, "jetemu.set", NOTIFICATION + "allow-clients address lab-app.example\n");

        assertThat(ConfigLoader.load(set).allowClients()).isEqualTo(ConfigLoader.load(yaml).allowClients());
    }

    @Test
    void aNameThatResolvesToAnIpv4MappedAddressAdmitsThatIpv4Client() throws Exception {
        Path file = write(dir, "jetemu.yaml", "notification:\n  port: 0\n  allow-clients: [mapped-host.example]\n");

        EmulatorConfig config = ConfigLoader.load(file);

        assertThat(config.allowClients().orElseThrow()).extracting(rule -> rule.prefix().toString())
                .containsExactly("127.0.0.7/32");
        try (NotificationBroker broker = NotificationBroker.start(brokerSettings(file, config))) {
            assertThat(answer(broker, "127.0.0.7")).isEqualTo(ACCEPTED);
            assertThat(answer(broker, "127.0.0.1")).isEqualTo(NOT_AUTHORIZED);
            assertThat(answer(broker, "::1")).isEqualTo(NOT_AUTHORIZED);
        }
    }

    /** The broker settings serve would run with for this file and no command-line options. */
    private static BrokerSettings brokerSettings(Path file, EmulatorConfig config) {
        return SettingsResolver.resolve(Optional.of(file), config, CommandLineOverrides.none()).broker();
    }

    /** Connects from {@code source}, sends a CONNECT, and returns the CONNACK's return code. */
    private static int answer(NotificationBroker broker, String source) throws IOException {
        InetAddress from = InetAddress.getByName(source);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName(source.contains(":") ? "::1" : "127.0.0.1"),
                    broker.port()), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(connect("host-name-test"));
            InputStream in = socket.getInputStream();
            byte[] connAck = in.readNBytes(4);
            assertThat(connAck).hasSize(4);
            assertThat(connAck[0]).as("CONNACK").isEqualTo((byte) 0x20);
            return connAck[3];
        }
    }

    /** An MQTT 3.1.1 CONNECT with a clean session and the given client id. */
    private static byte[] connect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        packet.write(12 + id.length);
        packet.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60});
        packet.write(id.length >> 8);
        packet.write(id.length & 0xff);
        packet.writeBytes(id);
        return packet.toByteArray();
    }
}
