package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dry run: what the device refuses, found without a broker, all of it in one pass. */
class ScenarioValidatorTest {

    private static List<String> dryRun(String content) {
        return ScenarioValidator.dryRun(ScenarioLoader.parse("s.yaml", content)).stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aScenarioTheDeviceTakesWholeHasNothingToReport() {
        assertThat(dryRun("""
                device:
                  interfaces: [{ name: ge-0/0/1, units: [{ unit: 0, families: { inet: [192.0.2.1/30] } }] }]
                steps:
                  - repeat: 3
                    steps: [{ interface-down: ge-0/0/1 }, { interface-up: ge-0/0/1 }]
                  - ifl-delete: ge-0/0/1.0
                """)).isEmpty();
    }

    @Test
    void goesOnAfterARefusalWithTheStateAsItWas() {
        assertThat(dryRun("""
                device:
                  interfaces: [ge-0/0/1]
                steps:
                  - ifl-add: ge-0/0/9.0
                  - iff-add: { ifl: ge-0/0/9.0, family: inet }
                  - ifd-delete: ge-0/0/1
                  - ifd-delete: ge-0/0/1
                  - firewall-filter-add: { name: f1, filter-type: clasic }
                  - route-table-delete: inet.0
                """)).containsExactly(
                "s.yaml:4:5: ifl-add: cannot add unit ge-0/0/9.0: interface ge-0/0/9 does not exist; expected an "
                        + "interface added in the device section or by an ifd-add step",
                "s.yaml:5:5: iff-add: cannot add family inet to ge-0/0/9.0: interface ge-0/0/9 does not exist; expected "
                        + "an interface added in the device section or by an ifd-add step",
                "s.yaml:7:5: ifd-delete: interface ge-0/0/1 does not exist; expected an interface added in the device "
                        + "section or by an ifd-add step",
                "s.yaml:8:5: firewall-filter-add: filter-type 'clasic' of firewall filter f1 is not known; expected one "
                        + "of classic, simple-filter, service-filter (did you mean classic?)",
                "s.yaml:9:5: route-table-delete: route table inet.0 is the main router's inet table and cannot be "
                        + "deleted; expected a table added by a route-table-add step");
    }

    @Test
    void refusalsOfTheDeviceSectionSaySo() {
        assertThat(dryRun("""
                device:
                  interfaces:
                    - { name: ge-0/0/1, snmp-id: 520 }
                    - { name: ge-0/0/2, snmp-id: 520 }
                  routes:
                    - { table: blue.inet.0, prefix: 10.0.0.0/8 }
                  firewall-filters:
                    - { name: f1, interface: ge-0/0/1.0 }
                steps: []
                """)).containsExactly(
                "s.yaml:4:7: in the device section, ifd-add: snmp-id 520 of ge-0/0/2 is already used by ge-0/0/1; "
                        + "expected an snmp-id no other interface or unit has, or none to have one assigned",
                "s.yaml:6:7: in the device section, route-add: route table blue.inet.0 does not exist; expected inet.0, "
                        + "inet6.0 or a table added in the device section or by a route-table-add step",
                "s.yaml:8:7: in the device section, firewall-filter-add: firewall filter f1 is applied to unit "
                        + "ge-0/0/1.0, which does not exist; expected a unit added in the device section or by an "
                        + "ifl-add step");
    }

    @Test
    void aStepRefusedEveryTimeInARepeatIsReportedOnce() {
        assertThat(dryRun("""
                steps:
                  - repeat: 5
                    steps:
                      - repeat: 2
                        steps:
                          - route-delete: 10.9.0.0/16
                          - route-add: { prefix: 10.1.0.0/16 }
                """)).containsExactly(
                "s.yaml:6:13: route-delete: route 10.9.0.0/16 does not exist in inet.0; expected a route added in "
                        + "the device section or by a route-add step",
                "s.yaml:7:13: route-add (in repetition 1 of 5 of the repeat at line 2, repetition 2 of 2 of the repeat "
                        + "at line 4): route 10.1.0.0/16 already exists in inet.0 (static); expected a new prefix, or a "
                        + "route-change step to change it");
    }

    @Test
    void generatedRoutesThatExistAlreadyAreRefusedAsABatch() {
        String generate = "  - routes-generate: { count: 3, prefix-length: 8, seed: 3 }\n";
        assertThat(dryRun("steps:\n" + generate + generate)).containsExactly(
                "s.yaml:3:5: routes-generate: route 115.0.0.0/8 already exists in inet.0; expected routes-generate to "
                        + "make routes the table does not have: another seed, or a route-delete step before it");
    }

    @Test
    void checkThrowsWithEveryRefusal() {
        Scenario scenario = ScenarioLoader.parse("s.yaml", "steps: [{ ifd-delete: ge-0/0/1 }, { ifl-delete: ge-0/0/1.0 }]");
        assertThatThrownBy(() -> ScenarioValidator.check(scenario))
                .isInstanceOfSatisfying(UserInputException.class, e -> assertThat(e.diagnostics()).hasSize(2));
    }
}
