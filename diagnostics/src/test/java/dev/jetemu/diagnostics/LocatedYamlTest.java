package dev.jetemu.diagnostics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocatedYamlTest {

    private static final String SAMPLE = """
            device:
              hostname: vmx1
            notification:
              port: 1883
              allow-clients: [127.0.0.1, "::1", 10.0.0.0/8]
              users:
                - name: jetapp
                  password: 'secret'
            """;

    @TempDir
    Path dir;

    @Test
    void keysAndValuesPointAtTheirFirstCharacter() {
        YamlMap root = (YamlMap) LocatedYaml.read("a.yaml", SAMPLE);

        YamlMap.Entry device = root.entry("device").orElseThrow();
        assertThat(device.keyPosition()).isEqualTo(new Position(1, 1));
        YamlMap.Entry hostname = ((YamlMap) device.value()).entry("hostname").orElseThrow();
        assertThat(hostname.keyPosition()).isEqualTo(new Position(2, 3));
        assertThat(hostname.value()).isEqualTo(new YamlScalar("vmx1", YamlScalar.Kind.STRING, new Position(2, 13)));

        YamlMap notification = (YamlMap) root.entry("notification").orElseThrow().value();
        assertThat(notification.position()).isEqualTo(new Position(4, 3));
        assertThat(notification.entry("port").orElseThrow().value())
                .isEqualTo(new YamlScalar("1883", YamlScalar.Kind.INTEGER, new Position(4, 9)));
    }

    @Test
    void aFlowListStartsAtItsBracketAndAQuotedValueAtItsQuote() {
        YamlMap root = (YamlMap) LocatedYaml.read("a.yaml", SAMPLE);
        YamlMap notification = (YamlMap) root.entry("notification").orElseThrow().value();

        YamlList allow = (YamlList) notification.entry("allow-clients").orElseThrow().value();
        assertThat(allow.position()).isEqualTo(new Position(5, 18));
        assertThat(allow.items()).containsExactly(
                new YamlScalar("127.0.0.1", YamlScalar.Kind.STRING, new Position(5, 19)),
                new YamlScalar("::1", YamlScalar.Kind.STRING, new Position(5, 30)),
                new YamlScalar("10.0.0.0/8", YamlScalar.Kind.STRING, new Position(5, 37)));
    }

    @Test
    void aBlockListStartsAtItsFirstDash() {
        YamlMap root = (YamlMap) LocatedYaml.read("a.yaml", SAMPLE);
        YamlMap notification = (YamlMap) root.entry("notification").orElseThrow().value();

        YamlList users = (YamlList) notification.entry("users").orElseThrow().value();
        assertThat(users.position()).isEqualTo(new Position(7, 5));
        YamlMap user = (YamlMap) users.items().get(0);
        assertThat(user.position()).isEqualTo(new Position(7, 7));
        assertThat(user.keys()).containsExactly("name", "password");
        assertThat(user.entry("password").orElseThrow().value())
                .isEqualTo(new YamlScalar("secret", YamlScalar.Kind.STRING, new Position(8, 17)));
    }

    @Test
    void scalarsKeepTheirSpellingAndTheirYamlKind() {
        YamlMap root = (YamlMap) LocatedYaml.read("k.yaml", """
                quoted: "1883"
                hex: 0x10
                decimal: 1.50
                yes-word: yes
                tilde: ~
                nothing:
                """);

        assertThat(root.entries()).extracting(entry -> ((YamlScalar) entry.value()).text())
                .containsExactly("1883", "0x10", "1.50", "yes", "~", "");
        assertThat(root.entries()).extracting(entry -> ((YamlScalar) entry.value()).kind())
                .containsExactly(YamlScalar.Kind.STRING, YamlScalar.Kind.INTEGER, YamlScalar.Kind.FLOAT,
                        YamlScalar.Kind.BOOLEAN, YamlScalar.Kind.NULL, YamlScalar.Kind.NULL);
        assertThat(root.entry("nothing").orElseThrow().value().kindName()).isEqualTo("empty");
    }

    @Test
    void anEmptyDocumentIsAnEmptyMap() {
        YamlMap empty = new YamlMap(List.of(), Position.START);

        assertThat(LocatedYaml.read("e.yaml", "")).isEqualTo(empty);
        assertThat(LocatedYaml.read("e.yaml", "# nothing but a comment\n\n")).isEqualTo(empty);
        assertThat(LocatedYaml.read("e.yaml", "---\n")).isEqualTo(empty);
    }

    @Test
    void aRepeatedKeyIsReportedAtTheRepeatAndTheFirstValueKept() {
        Diagnostics diagnostics = new Diagnostics("d.yaml");

        YamlMap root = (YamlMap) LocatedYaml.parse("""
                notification:
                  port: 1883
                  max-connections: 5
                  port: 1884
                """, diagnostics).orElseThrow();

        assertThat(diagnostics.errors()).extracting(Diagnostic::toString).containsExactly(
                "d.yaml:4:3: duplicate key 'port'; expected each key once in 'notification'");
        YamlMap notification = (YamlMap) root.entry("notification").orElseThrow().value();
        assertThat(notification.keys()).containsExactly("port", "max-connections");
        assertThat(((YamlScalar) notification.entry("port").orElseThrow().value()).text()).isEqualTo("1883");
    }

    @Test
    void repeatedKeysAreReportedAtEveryLevel() {
        assertThatThrownBy(() -> LocatedYaml.read("d.yaml", """
                http: {}
                users:
                  - {name: a, name: b}
                http: {}
                """)).hasMessage("""
                d.yaml:3:15: duplicate key 'name'; expected each key once in 'users'
                d.yaml:4:1: duplicate key 'http'; expected each key once at the top level""");
    }

    @Test
    void aliasesStandForTheirAnchoredValue() {
        YamlMap root = (YamlMap) LocatedYaml.read("a.yaml", """
                lab: &lab [10.0.0.0/8]
                allow: *lab
                """);

        assertThat(root.entry("allow").orElseThrow().value()).isSameAs(root.entry("lab").orElseThrow().value());
    }

    @Test
    void anAliasWithoutAnchorIsReported() {
        assertThatThrownBy(() -> LocatedYaml.read("a.yaml", "allow: *lab\n"))
                .hasMessage("a.yaml:1:8: alias '*lab' refers to no anchor; expected an anchor '&lab' earlier in the file");
    }

    @Test
    void aSecondDocumentIsReported() {
        assertThatThrownBy(() -> LocatedYaml.read("two.yaml", "a: 1\n---\nb: 2\n"))
                .hasMessage("two.yaml:3:1: a second YAML document; expected one document per file");
    }

    @Test
    void aTabUsedForIndentation() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "device:\n\thostname: vmx1\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("t.yaml:2:1: invalid YAML: a tab character is used for indentation; expected spaces");
    }

    @Test
    void aCharacterThatCannotStartAValue() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "password: @secret\n"))
                .hasMessage("t.yaml:1:11: invalid YAML: a value cannot start with '@'; expected the value in quotes");
    }

    @Test
    void aColonWhereNoKeyCanBe() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "hostname: a: b\n"))
                .hasMessage("t.yaml:1:12: invalid YAML: ':' is not allowed here; expected one 'key: value' per line"
                        + " at the indentation of its map, and quotes around a value that contains ': '");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "device:\n  hostname: \"vmx1\n"))
                .hasMessage("t.yaml:2:13: invalid YAML: the quoted string is not closed before the end of the file;"
                        + " expected a closing quote");
    }

    @Test
    void anUnclosedFlowListIsReportedWhereItOpens() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "allow-clients: [127.0.0.1, 10.0.0.0/8\n"))
                .hasMessage("t.yaml:1:16: invalid YAML: the [...] list is not closed before the end of the file;"
                        + " expected ',' or ']'");
    }

    @Test
    void aFlowCollectionLeftOpenAfterAKeyIsReportedWhereItOpens() {
        assertThatThrownBy(() -> LocatedYaml.read("request", "{\"name\": \"x\", \"steps\": ["))
                .hasMessage("request:1:25: invalid YAML: the file ends where a value was expected, with a [ or { left"
                        + " open; expected a value, then the closing ']' or '}'");
    }

    @Test
    void aLineWithoutItsColonIsReportedAtItsKey() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "steps:\n- sleep: 1s\n  interface-down\n"))
                .hasMessage("t.yaml:3:3: invalid YAML: this line has no ':' after its key; expected 'key: value',"
                        + " or '- ' before a list item");
    }

    @Test
    void aCharacterTheParserFoundIsQuoted() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "allow-clients: [127.0.0.1\nport: 1883\n"))
                .hasMessage("t.yaml:2:5: invalid YAML: found ':' in the [...] list that starts at line 1, column 16;"
                        + " expected ',' or ']'");
    }

    @Test
    void anUnresolvedAliasLeavesNoTreeToCheck() {
        Diagnostics diagnostics = new Diagnostics("a.yaml");

        // Checked further, the entry without its value would be reported a second time, as missing.
        assertThat(LocatedYaml.parse("steps:\n  - sleep: *pause\n", diagnostics)).isEmpty();
        assertThat(diagnostics.errors()).extracting(Diagnostic::toString).containsExactly(
                "a.yaml:2:12: alias '*pause' refers to no anchor; expected an anchor '&pause' earlier in the file");
    }

    @Test
    void anEntryOutOfLineWithItsMap() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "notification:\n    port: 1\n  users: []\n"))
                .hasMessage("t.yaml:3:3: invalid YAML: found a map entry out of line with the map that starts at"
                        + " line 1, column 1; expected the entries of one map or list to start in the same column");
    }

    @Test
    void anUnquotedValueStartingWithAColon() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "allow-clients: [::1]\n"))
                .hasMessage("t.yaml:1:17: invalid YAML: a value starts with ':'; expected such a value in quotes,"
                        + " as in \"::1\"");
    }

    @Test
    void aListUsedAsAKey() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "[a, b]: 1\n"))
                .hasMessageStartingWith("t.yaml:1:")
                .hasMessageEndingWith(": invalid YAML: a key is a list or a map; expected a plain text key");
    }

    @Test
    void theParserTailIsNotShown() {
        assertThatThrownBy(() -> LocatedYaml.read("t.yaml", "a: [1,\n"))
                .message().doesNotContain("Source:").doesNotContain("reader").doesNotContain("\n");
    }

    @Test
    void readsAFileUnderTheNameItWasGiven() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: flap\n");

        YamlMap root = (YamlMap) LocatedYaml.read(file);

        assertThat(root.entry("name").orElseThrow().value())
                .isEqualTo(new YamlScalar("flap", YamlScalar.Kind.STRING, new Position(1, 7)));
        assertThatThrownBy(() -> LocatedYaml.read(dir.resolve("missing.yaml")))
                .hasMessage(dir.resolve("missing.yaml") + ":1:1: cannot read YAML file: no such file;"
                        + " expected a readable YAML file");
    }

    @Test
    void unknownKeysAreReportedWithTheClosestExpectedKey() {
        YamlMap notification = (YamlMap) LocatedYaml.read("k.yaml", "port: 1\nalow-clients: []\nzzz: 1\n");
        Diagnostics diagnostics = new Diagnostics("k.yaml");

        notification.reportUnknownKeys(List.of("port", "allow-clients"), "in notification", diagnostics);

        assertThat(diagnostics.errors()).extracting(Diagnostic::toString).containsExactly(
                "k.yaml:2:1: unknown key 'alow-clients' in notification (did you mean 'allow-clients'?);"
                        + " expected one of port, allow-clients",
                "k.yaml:3:1: unknown key 'zzz' in notification; expected one of port, allow-clients");
    }

    @Test
    void aDocumentLargerThanSnakeYamlsDefaultLimitIsRead() {
        String item = "  - \"" + "x".repeat(1000) + "\"\n";
        String document = "steps:\n" + item.repeat(4000);

        YamlMap root = (YamlMap) LocatedYaml.read("recorded.yaml", document);

        assertThat(((YamlList) root.entry("steps").orElseThrow().value()).items()).hasSize(4000);
    }
}
