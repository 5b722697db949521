package dev.jetemu.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.jetemu.app.config.ConfigFiles.NOTIFICATION;
import static dev.jetemu.app.config.ConfigFiles.errors;
import static dev.jetemu.app.config.ConfigFiles.notes;
import static dev.jetemu.app.config.ConfigFiles.rule;
import static dev.jetemu.app.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class SetCommandConfigTest {

    private static final String ADDRESS_EXPECTATION =
            "expected an IPv4 or IPv6 address, a prefix such as 10.0.0.0/8, or a resolvable host name";
    private static final String IGNORED =
            "; the emulator takes only host-name and the notification service from a set file";

    @TempDir
    Path dir;

    @Test
    void readsHostNameAndEveryNotificationStatement() {
        Path file = write(dir, "vmx1.set", """
                set system host-name vmx1
                set system services extension-service notification port 1883
                set system services extension-service notification allow-clients address 10.0.0.0/8
                set system services extension-service notification allow-clients address [ 192.0.2.1 "::1" ]
                set system services extension-service notification allow-clients address 10.0.0.0/8
                set system services extension-service notification max-connections 32
                set system services extension-service notification broker-socket-send-buffer-size 65536
                """);

        EmulatorConfig config = ConfigLoader.load(file);

        assertThat(config).isEqualTo(new EmulatorConfig(
                Optional.of("vmx1"),
                OptionalInt.of(1883),
                Optional.of(List.of(rule("10.0.0.0/8"), rule("192.0.2.1"), rule("::1"))),
                OptionalInt.of(32),
                OptionalInt.of(65536),
                List.of(),
                OptionalInt.empty(),
                DeliveryConfig.NONE,
                List.of()));
    }

    @Test
    void aPastedDeviceConfigurationKeepsWhatTheEmulatorUsesAndNotesTheRest() {
        Path file = write(dir, "config.set", """
                {master}
                ## Last commit: 2024-05-01 10:00:00 UTC by lab
                set version 21.4R1.12
                set interfaces ge-0/0/0 unit 0 family inet
                set system services extension-service request-response grpc clear-text port 32767
                set system services extension-service notification allow-clients address 192.0.2.0/24

                deactivate interfaces ge-0/0/1
                annotate system services extension-service notification "lab only"
                """);

        EmulatorConfig config = ConfigLoader.load(file);

        assertThat(config.allowClients()).contains(List.of(rule("192.0.2.0/24")));
        assertThat(notes(config)).containsExactly(
                file + ":3:1: note: ignored 'set version 21.4R1.12'" + IGNORED,
                file + ":4:1: note: ignored 'set interfaces ge-0/0/0 unit 0 family inet'" + IGNORED,
                file + ":5:1: note: ignored 'set system services extension-service request-response grpc clear-text"
                        + " port 32767'" + IGNORED,
                file + ":8:1: note: ignored 'deactivate interfaces ge-0/0/1'" + IGNORED,
                file + ":9:1: note: ignored 'annotate system services extension-service notification \"lab only\"';"
                        + " 'annotate' does not change host-name or the notification service");
    }

    @Test
    void aNearMissOnTheNotificationPathIsNotedWithASuggestion() {
        Path file = write(dir, "c.set", "set system services extension-service notifcation port 1883\n");

        EmulatorConfig config = ConfigLoader.load(file);

        assertThat(config.port()).isEmpty();
        assertThat(notes(config)).containsExactly(file + ":1:1: note: ignored 'set system services"
                + " extension-service notifcation port 1883' (did you mean 'notification'?)" + IGNORED);
    }

    @Test
    void theNotificationServiceWithNothingUnderItLeavesAllowClientsUnconfigured() {
        EmulatorConfig config = ConfigLoader.load(write(dir, "c.set",
                "set system services extension-service notification\n"));

        assertThat(config).isEqualTo(EmulatorConfig.none());
    }

    @Test
    void aStatementWithoutItsValue() {
        Path file = write(dir, "c.set", NOTIFICATION + "port\nset system host-name\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:52: missing value after 'port'; expected a whole number from 0 to 65535",
                file + ":2:12: missing value after 'host-name'; expected a Junos host name: letters, digits,"
                        + " hyphens and dots, 1 to 255 characters, no spaces");
    }

    @Test
    void aValueThatIsNotANumber() {
        Path file = write(dir, "c.set", NOTIFICATION + "port abc\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:57: port 'abc' is not a whole number; expected a whole number from 0 to 65535");
    }

    @Test
    void numbersOutOfRange() {
        Path file = write(dir, "c.set", NOTIFICATION + "port 70000\n"
                + NOTIFICATION + "max-connections 0\n"
                + NOTIFICATION + "broker-socket-send-buffer-size 1023\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:57: port 70000 is out of range; expected a whole number from 0 to 65535",
                file + ":2:68: max-connections 0 is out of range; expected a whole number from 1 to 65535",
                file + ":3:83: broker-socket-send-buffer-size 1023 is out of range;"
                        + " expected a whole number from 1024 to 67108864");
    }

    @Test
    void anUnknownStatementUnderNotification() {
        Path file = write(dir, "c.set", NOTIFICATION + "prot 1883\n" + NOTIFICATION + "traceoptions file jet\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:52: unknown statement 'prot' under notification (did you mean 'port'?);"
                        + " expected one of allow-clients, port, max-connections, broker-socket-send-buffer-size",
                file + ":2:52: unknown statement 'traceoptions' under notification;"
                        + " expected one of allow-clients, port, max-connections, broker-socket-send-buffer-size");
    }

    @Test
    void allowClientsWithoutAddress() {
        Path file = write(dir, "c.set", NOTIFICATION + "allow-clients 10.0.0.0/8\n"
                + NOTIFICATION + "allow-clients adress 10.0.0.0/8\n"
                + NOTIFICATION + "allow-clients\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:66: unknown statement '10.0.0.0/8' under allow-clients; expected 'address'",
                file + ":2:66: unknown statement 'adress' under allow-clients (did you mean 'address'?);"
                        + " expected 'address'",
                file + ":3:52: missing 'address' after 'allow-clients'; expected 'allow-clients address ADDRESS'");
    }

    @Test
    void aBadAddress() {
        Path file = write(dir, "c.set", NOTIFICATION + "allow-clients address 10.0.0.0/33\n"
                + NOTIFICATION + "allow-clients address nosuch.invalid\n"
                + NOTIFICATION + "allow-clients address\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:74: prefix length 33 is longer than the 32 bits of an IPv4 address; " + ADDRESS_EXPECTATION,
                file + ":2:74: host name 'nosuch.invalid' does not resolve; " + ADDRESS_EXPECTATION,
                file + ":3:66: missing value after 'address'; " + ADDRESS_EXPECTATION);
    }

    @Test
    void aHostNameInAllowClientsIsResolvedAndNoted() {
        Path file = write(dir, "c.set", NOTIFICATION + "allow-clients address localhost\n");

        EmulatorConfig config = ConfigLoader.load(file);

        assertThat(config.allowClients().orElseThrow())
                .extracting(rule -> rule.source() + " " + rule.prefix())
                .contains("localhost 127.0.0.1/32");
        assertThat(notes(config)).singleElement().asString()
                .startsWith(file + ":1:74: note: allow-clients host name 'localhost' resolves to ")
                .contains("127.0.0.1");
    }

    @Test
    void anUnterminatedQuoteOrList() {
        Path file = write(dir, "c.set", "set system host-name \"vmx1\n"
                + NOTIFICATION + "allow-clients address [ 10.0.0.0/8 192.0.2.1\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:22: unterminated quoted string; expected a closing '\"' before the end of the line",
                file + ":2:74: unterminated list; expected ']' after the last address");
    }

    @Test
    void anUnterminatedQuoteOutsideTheEmulatorsStatementsIsOnlyNoted() {
        Path file = write(dir, "c.set", "set system login message \"welcome\n");

        assertThat(notes(ConfigLoader.load(file))).containsExactly(
                file + ":1:1: note: ignored 'set system login message \"welcome'" + IGNORED);
    }

    @Test
    void listsWhereTheyDoNotBelong() {
        Path file = write(dir, "c.set", NOTIFICATION + "port [ 1 ]\n"
                + NOTIFICATION + "allow-clients address [ ]\n"
                + NOTIFICATION + "allow-clients address [ 10.0.0.0/8 ] extra\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:57: port takes one value, not a list; expected a whole number from 0 to 65535",
                file + ":2:74: empty list after 'address';"
                        + " expected at least one address, prefix or host name between '[' and ']'",
                file + ":3:89: unexpected 'extra' after the list; expected the end of the line");
    }

    @Test
    void somethingAfterTheValue() {
        Path file = write(dir, "c.set", NOTIFICATION + "port 1883 1884\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:62: unexpected '1884' after 'port 1883'; expected the end of the line");
    }

    @Test
    void aQuotedValueIsTheTextInside() {
        EmulatorConfig config = ConfigLoader.load(write(dir, "c.set", "set system host-name \"vmx1\"\n"));

        assertThat(config.hostname()).contains("vmx1");
    }

    @Test
    void aBadHostName() {
        Path file = write(dir, "c.set", "set system host-name vm_x1\n");

        assertThat(errors(file)).containsExactly(file + ":1:22: host name 'vm_x1' contains '_'; expected a Junos"
                + " host name: letters, digits, hyphens and dots, 1 to 255 characters, no spaces");
    }

    @Test
    void aLineThatIsNotACommand() {
        Path file = write(dir, "c.set", "set system host-name vmx1\nsett system host-name vmx2\n");

        assertThat(errors(file)).containsExactly(
                file + ":2:1: unknown command 'sett'; expected a Junos 'set' command");
    }

    @Test
    void removingAStatementTheEmulatorAppliesIsRefused() {
        Path file = write(dir, "c.set", NOTIFICATION + "port 1883\n"
                + "deactivate system services extension-service notification port\n"
                + "delete system services\n");

        assertThat(errors(file)).containsExactly(
                file + ":2:1: 'deactivate' of host-name or the notification service is not supported;"
                        + " expected only 'set' commands for them (leave out this line and the statements it deactivates)",
                file + ":3:1: 'delete' of host-name or the notification service is not supported;"
                        + " expected only 'set' commands for them (leave out this line and the statements it deletes)");
    }

    @Test
    void everyErrorInTheFileIsReportedAtOnce() {
        Path file = write(dir, "c.set", """
                set system host-name vm_x1
                set interfaces lo0 unit 0
                set system services extension-service notification port 99999
                set system services extension-service notification allow-clients address 10.0.0.0/33
                sett system services
                set system services extension-service notification max-conections 4
                """);

        assertThat(errors(file)).containsExactly(
                file + ":1:22: host name 'vm_x1' contains '_'; expected a Junos host name: letters, digits, hyphens"
                        + " and dots, 1 to 255 characters, no spaces",
                file + ":3:57: port 99999 is out of range; expected a whole number from 0 to 65535",
                file + ":4:74: prefix length 33 is longer than the 32 bits of an IPv4 address; " + ADDRESS_EXPECTATION,
                file + ":5:1: unknown command 'sett'; expected a Junos 'set' command",
                file + ":6:52: unknown statement 'max-conections' under notification"
                        + " (did you mean 'max-connections'?); expected one of allow-clients, port, max-connections,"
                        + " broker-socket-send-buffer-size");
    }
}
