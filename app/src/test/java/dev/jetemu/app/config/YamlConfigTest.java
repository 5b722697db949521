package dev.jetemu.app.config;

import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.access.Credentials;
import dev.jetemu.broker.flow.SlowSubscriberPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.jetemu.app.config.ConfigFiles.errors;
import static dev.jetemu.app.config.ConfigFiles.notes;
import static dev.jetemu.app.config.ConfigFiles.rule;
import static dev.jetemu.app.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class YamlConfigTest {

    private static final String ADDRESS_EXPECTATION =
            "expected an IPv4 or IPv6 address, a prefix such as 10.0.0.0/8, or a resolvable host name";
    private static final String NOTIFICATION_KEYS =
            "port, allow-clients, max-connections, broker-socket-send-buffer-size, users";

    @TempDir
    Path dir;

    @Test
    void theDesignExampleLoadsFully() {
        Path file = write(dir, "jetemu.yaml", """
                device:
                  hostname: vmx1
                notification:
                  port: 1883
                  allow-clients: [127.0.0.1, "::1", 10.0.0.0/8]
                  max-connections: 32
                  broker-socket-send-buffer-size: 65536
                  users: [{ name: jetapp, password: secret }]
                http:
                  port: 8080
                """);

        EmulatorConfig config = ConfigLoader.load(file);

        assertThat(config).isEqualTo(new EmulatorConfig(
                Optional.of("vmx1"),
                OptionalInt.of(1883),
                Optional.of(List.of(rule("127.0.0.1"), rule("::1"), rule("10.0.0.0/8"))),
                OptionalInt.of(32),
                OptionalInt.of(65536),
                List.of(new Credentials("jetapp", "secret")),
                OptionalInt.of(8080),
                DeliveryConfig.NONE,
                List.of()));
        assertThat(config.allowClients().orElseThrow()).extracting(rule -> rule.prefix().toString())
                .containsExactly("127.0.0.1/32", "::1/128", "10.0.0.0/8");
    }

    @Test
    void anEmptyFileSetsNothingNotEvenAllowClients() {
        assertThat(ConfigLoader.load(write(dir, "empty.yaml", ""))).isEqualTo(EmulatorConfig.none());
        assertThat(ConfigLoader.load(write(dir, "comment.yaml", "# to do\n"))).isEqualTo(EmulatorConfig.none());
    }

    @Test
    void sectionsWithNothingUnderThemAreEmpty() {
        EmulatorConfig config = ConfigLoader.load(write(dir, "c.yaml", "device:\nnotification:\nhttp:\n"));

        assertThat(config).isEqualTo(EmulatorConfig.none());
    }

    @Test
    void anEmptyAllowClientsListRefusesEveryone() {
        EmulatorConfig config = ConfigLoader.load(write(dir, "c.yaml", "notification:\n  allow-clients: []\n"));

        assertThat(config.allowClients()).contains(List.of());
    }

    @Test
    void aSingleAllowClientsEntryNeedsNoList() {
        EmulatorConfig config = ConfigLoader.load(write(dir, "c.yaml",
                "notification:\n  allow-clients: 2001:db8::/32\n"));

        assertThat(config.allowClients()).contains(List.of(
                new AllowRule("2001:db8::/32", AddressPrefix.parse("2001:db8::/32").orElseThrow())));
    }

    @Test
    void aHostNameInAllowClientsIsResolvedAndTheResolutionNoted() throws Exception {
        Path file = write(dir, "c.yaml", "notification:\n  allow-clients:\n    - localhost\n");

        EmulatorConfig config = ConfigLoader.load(file);

        List<AllowRule> rules = config.allowClients().orElseThrow();
        assertThat(rules).contains(new AllowRule("localhost",
                AddressPrefix.host(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))));
        assertThat(rules).allSatisfy(rule -> assertThat(rule.source()).isEqualTo("localhost"));
        assertThat(rules).allSatisfy(rule -> assertThat(rule.prefix().network().isLoopbackAddress()).isTrue());
        assertThat(notes(config)).singleElement().asString().matches(
                "\\Q" + file + ":3:7: note: allow-clients host name 'localhost' resolves to \\E"
                        + "(127\\.0\\.0\\.1|::1)(, (127\\.0\\.0\\.1|::1))?")
                .contains("127.0.0.1");
    }

    @Test
    void aHostNameThatDoesNotResolve() {
        Path file = write(dir, "c.yaml", "notification:\n  allow-clients: [10.0.0.0/8, nosuch.invalid]\n");

        assertThat(errors(file)).containsExactly(
                file + ":2:31: host name 'nosuch.invalid' does not resolve; " + ADDRESS_EXPECTATION);
    }

    @Test
    void aBadPrefixLengthInAllowClients() {
        Path file = write(dir, "c.yaml", "notification:\n  allow-clients: [10.0.0.0/33, \"::1/200\"]\n");

        assertThat(errors(file)).containsExactly(
                file + ":2:19: prefix length 33 is longer than the 32 bits of an IPv4 address; " + ADDRESS_EXPECTATION,
                file + ":2:32: prefix length 200 is longer than the 128 bits of an IPv6 address; " + ADDRESS_EXPECTATION);
    }

    @Test
    void anAllowClientsEntryThatIsNeitherAddressNorHostName() {
        Path file = write(dir, "c.yaml", "notification:\n  allow-clients: [10, 10.1, 300.1.1.1]\n");

        assertThat(errors(file)).containsExactly(
                file + ":2:19: '10' is neither an address nor a host name; " + ADDRESS_EXPECTATION,
                file + ":2:23: '10.1' is neither an address nor a host name; " + ADDRESS_EXPECTATION,
                file + ":2:29: '300.1.1.1' is neither an address nor a host name; " + ADDRESS_EXPECTATION);
    }

    @Test
    void allowClientsOfTheWrongShape() {
        Path file = write(dir, "c.yaml", """
                notification:
                  allow-clients: {address: 10.0.0.0/8}
                """);
        Path nothing = write(dir, "nothing.yaml", "notification:\n  allow-clients:\n");
        Path entry = write(dir, "entry.yaml", "notification:\n  allow-clients: [[10.0.0.0/8], ~]\n");

        assertThat(errors(file)).containsExactly(
                file + ":2:18: allow-clients is a map; expected a list of addresses, prefixes or host names");
        assertThat(errors(nothing)).containsExactly(nothing + ":2:3: allow-clients has no value;"
                + " expected a list of addresses, prefixes or host names, or [] to allow no client");
        assertThat(errors(entry)).containsExactly(
                entry + ":2:19: allow-clients entry is a list; " + ADDRESS_EXPECTATION,
                entry + ":2:33: allow-clients entry is empty; " + ADDRESS_EXPECTATION);
    }

    @Test
    void anUnknownKeySuggestsTheClosestAndListsTheExpected() {
        Path file = write(dir, "jetemu.yaml", """
                notification:
                  port: 1883
                  alow-clients: [127.0.0.1]
                """);

        assertThat(errors(file)).containsExactly(file + ":3:3: unknown key 'alow-clients' in notification"
                + " (did you mean 'allow-clients'?); expected one of " + NOTIFICATION_KEYS);
    }

    @Test
    void anUnknownKeyFarFromAnyIsListedWithoutSuggestion() {
        Path file = write(dir, "c.yaml", "logging: {level: debug}\nnotifcation:\n  port: 1\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:1: unknown key 'logging' at the top level; expected one of device, notification, http, delivery",
                file + ":2:1: unknown key 'notifcation' at the top level (did you mean 'notification'?);"
                        + " expected one of device, notification, http, delivery");
    }

    @Test
    void aQuotedNumberIsAStringNotAPort() {
        Path file = write(dir, "c.yaml", "notification:\n  port: \"1883\"\n");

        assertThat(errors(file)).containsExactly(file + ":2:9: port is a string ('1883');"
                + " expected a whole number from 0 to 65535, written without quotes");
    }

    @Test
    void aNumberOfTheWrongKind() {
        Path file = write(dir, "c.yaml", """
                notification:
                  port: localhost
                  max-connections: 2.5
                  broker-socket-send-buffer-size: [65536]
                http:
                  port: true
                """);

        assertThat(errors(file)).containsExactly(
                file + ":2:9: port is a string ('localhost'); expected a whole number from 0 to 65535",
                file + ":3:20: max-connections '2.5' is not a whole number; expected a whole number from 1 to 65535",
                file + ":4:35: broker-socket-send-buffer-size is a list;"
                        + " expected a whole number from 1024 to 67108864",
                file + ":6:9: port is a boolean ('true'); expected a whole number from 0 to 65535, or off");
    }

    @Test
    void numbersOutOfRange() {
        Path file = write(dir, "c.yaml", """
                notification:
                  port: 70000
                  max-connections: 0
                  broker-socket-send-buffer-size: 512
                http:
                  port: -1
                """);

        assertThat(errors(file)).containsExactly(
                file + ":2:9: port 70000 is out of range; expected a whole number from 0 to 65535",
                file + ":3:20: max-connections 0 is out of range; expected a whole number from 1 to 65535",
                file + ":4:35: broker-socket-send-buffer-size 512 is out of range;"
                        + " expected a whole number from 1024 to 67108864",
                file + ":6:9: port -1 is out of range; expected a whole number from 0 to 65535, or off");
    }

    @Test
    void aKeyWithNoValueIsReportedAtTheKey() {
        Path file = write(dir, "c.yaml", "notification:\n  port:\ndevice:\n  hostname:\n");

        assertThat(errors(file)).containsExactly(
                file + ":2:3: port has no value; expected a whole number from 0 to 65535",
                file + ":4:3: hostname has no value; expected a Junos host name: letters, digits, hyphens and dots,"
                        + " 1 to 255 characters, no spaces");
    }

    @Test
    void portZeroMeansAnyFreePortAndHttpPortZeroMeansOff() {
        EmulatorConfig config = ConfigLoader.load(write(dir, "c.yaml", "notification: {port: 0}\nhttp: {port: 0}\n"));

        assertThat(config.port()).isEqualTo(OptionalInt.of(0));
        assertThat(config.httpPort()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void aSectionThatIsNotAMap() {
        Path file = write(dir, "c.yaml", "notification: [port, 1883]\nhttp: 8080\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:15: notification is a list; expected a map with keys " + NOTIFICATION_KEYS,
                file + ":2:7: http is a whole number ('8080'); expected a map with keys port");
    }

    @Test
    void theTopLevelMustBeAMap() {
        Path file = write(dir, "c.yaml", "- device\n- notification\n");

        assertThat(errors(file)).containsExactly(
                file + ":1:1: the top level is a list; expected a map with keys device, notification, http, delivery");
    }

    @Test
    void aHostNameWithCharactersJunosRefuses() {
        Path space = write(dir, "space.yaml", "device:\n  hostname: lab vmx1\n");
        Path underscore = write(dir, "underscore.yaml", "device:\n  hostname: lab_vmx1\n");
        Path list = write(dir, "list.yaml", "device:\n  hostname: [vmx1]\n");
        String expectation = "expected a Junos host name: letters, digits, hyphens and dots, 1 to 255 characters,"
                + " no spaces";

        assertThat(errors(space)).containsExactly(
                space + ":2:13: host name 'lab vmx1' contains a space; " + expectation);
        assertThat(errors(underscore)).containsExactly(
                underscore + ":2:13: host name 'lab_vmx1' contains '_'; " + expectation);
        assertThat(errors(list)).containsExactly(list + ":2:13: hostname is a list; " + expectation);
    }

    @Test
    void aHostNameOfDigitsIsTakenByItsText() {
        EmulatorConfig config = ConfigLoader.load(write(dir, "c.yaml", "device:\n  hostname: 0100\n"));

        assertThat(config.hostname()).contains("0100");
    }

    @Test
    void usersAreNamesWithPasswords() {
        EmulatorConfig config = ConfigLoader.load(write(dir, "c.yaml", """
                notification:
                  users:
                    - name: jetapp
                      password: secret
                    - {name: monitor, password: 0042}
                """));

        assertThat(config.users()).containsExactly(
                new Credentials("jetapp", "secret"), new Credentials("monitor", "0042"));
    }

    @Test
    void mistakesInUsers() {
        Path file = write(dir, "c.yaml", """
                notification:
                  users:
                    - {name: jetapp, pasword: secret}
                    - {password: secret}
                    - {name: jetapp, password: other}
                    - {name: "", password: x}
                    - jetapp
                """);

        assertThat(errors(file)).containsExactly(
                file + ":3:7: user 'jetapp' has no password; expected keys name and password",
                file + ":3:22: unknown key 'pasword' in a user (did you mean 'password'?); expected one of name, password",
                file + ":4:7: user has no name; expected keys name and password",
                file + ":5:14: duplicate user name 'jetapp'; expected each user name once (first at line 3, column 14)",
                file + ":6:14: user name is empty; expected a non-empty user name",
                file + ":7:7: user is a string ('jetapp'); expected a map with keys name, password");
    }

    @Test
    void usersMustBeAList() {
        Path file = write(dir, "c.yaml", "notification:\n  users: {name: jetapp, password: secret}\n");

        assertThat(errors(file)).containsExactly(file + ":2:10: users is a map;"
                + " expected a list of users such as [{ name: jetapp, password: secret }]");
    }

    @Test
    void everyErrorInTheFileIsReportedAtOnceInFileOrder() {
        Path file = write(dir, "c.yaml", """
                device:
                  hostname: lab_vmx1
                notification:
                  port: 70000
                  allow-clients: [10.0.0.0/33]
                  max-conections: 5
                  port: 1884
                http:
                  port: "8080"
                """);

        assertThat(errors(file)).containsExactly(
                file + ":2:13: host name 'lab_vmx1' contains '_'; expected a Junos host name: letters, digits,"
                        + " hyphens and dots, 1 to 255 characters, no spaces",
                file + ":4:9: port 70000 is out of range; expected a whole number from 0 to 65535",
                file + ":5:19: prefix length 33 is longer than the 32 bits of an IPv4 address; " + ADDRESS_EXPECTATION,
                file + ":6:3: unknown key 'max-conections' in notification (did you mean 'max-connections'?);"
                        + " expected one of " + NOTIFICATION_KEYS,
                file + ":7:3: duplicate key 'port'; expected each key once in 'notification'",
                file + ":9:9: port is a string ('8080'); expected a whole number from 0 to 65535, or off,"
                        + " written without quotes");
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileLineAndColumn() {
        Path file = write(dir, "c.yaml", "notification:\n\tport: 1883\n");

        assertThat(errors(file)).containsExactly(
                file + ":2:1: invalid YAML: a tab character is used for indentation; expected spaces");
    }

    @Test
    void aMissingFileIsOneDiagnostic() {
        Path file = dir.resolve("missing.yaml");

        assertThat(errors(file)).containsExactly(file + ":1:1: cannot read configuration file: no such file;"
                + " expected a readable YAML or Junos set-command file");
    }

    @Test
    void theDeliverySectionChoosesTheSlowSubscriberPolicy() {
        EmulatorConfig config = ConfigLoader.load(write(dir, "delivery.yaml", """
                delivery:
                  slow-subscriber-policy: drop-qos0
                  grace-period: 2500ms
                """));

        assertThat(config.delivery()).isEqualTo(new DeliveryConfig(
                Optional.of(SlowSubscriberPolicy.DROP_QOS0), Optional.of(Duration.ofMillis(2500))));
    }

    @Test
    void aWrongPolicyOrGracePeriodIsReportedWithWhatWasExpected() {
        Path file = write(dir, "delivery.yaml", """
                delivery:
                  slow-subscriber-policy: drop-qos
                  grace-period: 10
                """);

        assertThat(errors(file)).containsExactly(
                file + ":2:27: unknown slow-subscriber-policy 'drop-qos' (did you mean 'drop-qos0'?); "
                        + "expected one of disconnect, drop-qos0",
                file + ":3:17: grace-period '10' is not a duration; expected a number with a unit, "
                        + "ms, s, m or h, such as 10s or 500ms");
    }
}
