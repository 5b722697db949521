package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.jetemu.sim.scenario.ScenarioSamples.problems;
import static dev.jetemu.sim.scenario.ScenarioSamples.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per kind of mistake in a scenario file, each with the exact message a user reads. The
 * samples are under src/test/resources/scenario-errors, one known mistake per file.
 */
class ScenarioErrorsTest {

    @Test
    void yamlSyntax() {
        assertThat(problems("yaml-syntax.yaml")).containsExactly(
                "scenario-errors/yaml-syntax.yaml:5:3: invalid YAML: found a list item '-' in the {...} map that starts "
                        + "at line 4, column 16; expected ',' or '}'");
    }

    @Test
    void unknownStepWithDidYouMean() {
        assertThat(problems("unknown-step.yaml")).containsExactly(
                "scenario-errors/unknown-step.yaml:6:5: unknown step 'interface-dwon' (did you mean 'interface-down'?); "
                        + "expected one of " + String.join(", ", ScenarioLoader.stepKeywords()));
        assertThat(ScenarioLoader.stepKeywords().subList(0, 5))
                .containsExactly("await-subscribers", "sleep", "repeat", "expect-message", "expect-no-message");
    }

    @Test
    void unknownFieldWithDidYouMean() {
        assertThat(problems("unknown-field.yaml")).containsExactly(
                "scenario-errors/unknown-field.yaml:3:54: unknown key 'nexthops' in route-add (did you mean 'next-hops'?); "
                        + "expected one of table, prefix, next-hops, type, logical-router");
    }

    @Test
    void wrongType() {
        assertThat(problems("wrong-type.yaml")).containsExactly(
                "scenario-errors/wrong-type.yaml:3:67: count is a string ('1'); expected a whole number of subscribers, "
                        + "at least 1, written without quotes",
                "scenario-errors/wrong-type.yaml:4:17: ifd-change is a list; expected a map with keys name, disabled");
    }

    @Test
    void aMisspeltRequiredFieldIsReportedOnceAsUnknownNotAgainAsMissing() {
        assertThatThrownBy(() -> ScenarioLoader.parse("s.yaml",
                "steps:\n  - route-add: { table: inet.0, prefx: 10.1.0.0/16 }\n"))
                .hasMessage("s.yaml:2:33: unknown key 'prefx' in route-add (did you mean 'prefix'?); expected one of "
                        + "table, prefix, next-hops, type, logical-router");
    }

    @Test
    void aRequestForStepsThatIsOneStepOutsideAListIsToldSo() {
        String expectation = "expected a list of steps, such as [{interface-down: ge-0/0/1}], or a map with steps:";
        assertThatThrownBy(() -> ScenarioLoader.parseSteps("request", "{\"interface-down\": \"ge-0/0/1\"}"))
                .hasMessage("request:1:2: the request is a single step ('interface-down') outside a list; " + expectation);
        assertThatThrownBy(() -> ScenarioLoader.parseSteps("request", "stepz: []"))
                .hasMessage("request:1:1: unknown key 'stepz' in a request for steps (did you mean 'steps'?); "
                        + "expected steps");
        assertThatThrownBy(() -> ScenarioLoader.parseSteps("request", ""))
                .hasMessage("request:1:1: the request has no steps; " + expectation);
    }

    @Test
    void missingField() {
        assertThat(problems("missing-field.yaml")).containsExactly(
                "scenario-errors/missing-field.yaml:7:5: ifa-add has no address; expected an address with its length, "
                        + "such as 192.0.2.1/30 or 2001:db8::1/64");
    }

    @Test
    void badAddress() {
        assertThat(problems("bad-address.yaml")).containsExactly(
                "scenario-errors/bad-address.yaml:5:45: address of family inet of ge-0/0/1.0: '192.0.2.300' is not an "
                        + "IPv4 address: 300 is greater than 255; expected four numbers from 0 to 255 separated by dots, "
                        + "such as 192.0.2.1",
                "scenario-errors/bad-address.yaml:7:56: address 2001:db8::1/64 is IPv6 but family inet of ge-0/0/1.0 "
                        + "takes IPv4 addresses; expected family inet6");
    }

    @Test
    void badPrefix() {
        assertThat(problems("bad-prefix.yaml")).containsExactly(
                "scenario-errors/bad-prefix.yaml:3:41: route prefix: prefix '10.1.2.0/16' has bits set after its length "
                        + "/16; expected the network address, 10.1.0.0/16");
    }

    @Test
    void badDuration() {
        assertThat(problems("bad-duration.yaml")).containsExactly(
                "scenario-errors/bad-duration.yaml:3:69: timeout '30' is not a duration; expected a number with a unit, "
                        + "ms, s, m or h, such as 10s or 500ms",
                "scenario-errors/bad-duration.yaml:4:12: sleep '2 seconds' is not a duration; expected a number with a "
                        + "unit, ms, s, m or h, such as 10s or 500ms");
    }

    @Test
    void badTopicFilter() {
        assertThat(problems("bad-topic-filter.yaml")).containsExactly(
                "scenario-errors/bad-topic-filter.yaml:3:34: filter '/junos/events/#/interfaces' has '#' before its last "
                        + "level; expected '#' only as the last level, matching everything below, such as "
                        + "/junos/events/kernel/#",
                "scenario-errors/bad-topic-filter.yaml:4:19: topic '/junos/events/+/custom' has the wildcard '+'; "
                        + "expected a topic without wildcards, such as /junos/events/custom (wildcards are for subscriptions)");
        assertThat(problems("topic-without-slash.yaml")).containsExactly(
                "scenario-errors/topic-without-slash.yaml:3:34: filter 'junos/events/kernel/#' starts with 'junos/'; "
                        + "expected '/junos/events/kernel/#': every Junos topic starts with a slash");
    }

    @Test
    void aStepTheDeviceRefusesIsFoundByTheDryRun() {
        assertThat(problems("refused-by-device.yaml")).containsExactly(
                "scenario-errors/refused-by-device.yaml:9:5: route-delete: route 10.9.0.0/16 does not exist in inet.0; "
                        + "expected a route added in the device section or by a route-add step");
    }

    @Test
    void aStepRefusedOnlyInALaterRepetitionSaysWhich() {
        assertThat(problems("flap-without-up.yaml")).containsExactly(
                "scenario-errors/flap-without-up.yaml:7:9: interface-down (in repetition 2 of 3 of the repeat at line 5): "
                        + "ge-0/0/1 is already down; expected interface-down only on an interface whose link is up");
    }

    @Test
    void severalErrorsAreReportedAtOnceInFileOrder() {
        assertThat(problems("several-errors.yaml")).containsExactly(
                "scenario-errors/several-errors.yaml:3:1: unknown key 'devise' at the top level (did you mean 'device'?); "
                        + "expected one of name, description, device, steps",
                "scenario-errors/several-errors.yaml:6:12: sleep '2secs' is not a duration; expected a number with a "
                        + "unit, ms, s, m or h, such as 10s or 500ms",
                "scenario-errors/several-errors.yaml:7:41: snmp-id is -5; expected a whole number from 1 to 2147483647",
                "scenario-errors/several-errors.yaml:8:26: route prefix: prefix length /33 in '10.1.0.0/33' is longer "
                        + "than the 32 bits of an IPv4 address; expected 0 to 32",
                "scenario-errors/several-errors.yaml:9:13: repeat is 0; expected a whole number of times, at least 1",
                "scenario-errors/several-errors.yaml:11:23: interface name 'GE-0/0/1' has upper-case letters; "
                        + "expected ge-0/0/1");
    }

    @Test
    void fieldsWrittenBesideTheStepInsteadOfUnderIt() {
        assertThat(problems("fields-beside-step.yaml")).containsExactly(
                "scenario-errors/fields-beside-step.yaml:4:5: 'table' is beside route-add instead of under it; expected "
                        + "the fields of route-add indented below it, or in { } after it",
                "scenario-errors/fields-beside-step.yaml:5:5: 'prefix' is beside route-add instead of under it; expected "
                        + "the fields of route-add indented below it, or in { } after it");
    }

    @Test
    void aKeywordWithoutItsColon() {
        assertThat(problems("missing-colon.yaml")).containsExactly(
                "scenario-errors/missing-colon.yaml:5:5: step is a string ('interface-down ge-0/0/1'); expected a ':' "
                        + "after the keyword, as in interface-down: ge-0/0/1");
    }

    @Test
    void aUnitWhereAnInterfaceIsExpected() {
        assertThat(problems("unit-as-interface.yaml")).containsExactly(
                "scenario-errors/unit-as-interface.yaml:5:21: 'ge-0/0/1.0' is a unit (logical interface), not an "
                        + "interface; expected the interface name ge-0/0/1");
    }

    @Test
    void theStepsOfARepeatInAListItemOfTheirOwn() {
        assertThat(problems("steps-without-repeat.yaml")).containsExactly(
                "scenario-errors/steps-without-repeat.yaml:5:5: repeat has no steps; expected a list of steps under "
                        + "steps:, at the same indentation as repeat:",
                "scenario-errors/steps-without-repeat.yaml:6:5: steps without repeat; expected steps: in the same list "
                        + "item as repeat: N, at the same indentation");
    }

    @Test
    void loadAndCheckReportsTheDryRunOfAFileByItsPath(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("refused.yaml"), resource("scenario-errors/refused-by-device.yaml"));
        assertThatThrownBy(() -> ScenarioLoader.loadAndCheck(file))
                .isInstanceOfSatisfying(UserInputException.class, e -> assertThat(e.diagnostics())
                        .extracting(Diagnostic::toString)
                        .containsExactly(file + ":9:5: route-delete: route 10.9.0.0/16 does not exist in inet.0; "
                                + "expected a route added in the device section or by a route-add step"));
    }

    @Test
    void aFileThatCannotBeRead(@TempDir Path folder) {
        Path missing = folder.resolve("missing.yaml");
        assertThatThrownBy(() -> ScenarioLoader.load(missing))
                .isInstanceOf(UserInputException.class)
                .hasMessage(missing + ":1:1: cannot read scenario file: no such file; expected a readable YAML scenario file");
    }
}
