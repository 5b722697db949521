package dev.jetemu.sim.scenario;

import dev.jetemu.sim.device.Family;
import dev.jetemu.sim.device.IflName;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.jetemu.sim.scenario.FieldValues.ADDRESS;
import static dev.jetemu.sim.scenario.FieldValues.FAMILY;
import static dev.jetemu.sim.scenario.FieldValues.INTERFACE;
import static dev.jetemu.sim.scenario.FieldValues.SNMP_ID;
import static dev.jetemu.sim.scenario.FieldValues.UNIT;
import static dev.jetemu.sim.scenario.StepType.change;

/**
 * The steps that change interfaces, units, families and addresses (IFD, IFL, IFF, IFA), and the
 * link state: {@code ifd-add}, ..., {@code ifa-delete}, {@code interface-down}, {@code interface-up}.
 */
final class InterfaceSteps {

    static final String IFD_ADD = "ifd-add";
    static final String IFD_CHANGE = "ifd-change";
    static final String IFD_DELETE = "ifd-delete";
    static final String IFL_ADD = "ifl-add";
    static final String IFL_CHANGE = "ifl-change";
    static final String IFL_DELETE = "ifl-delete";
    static final String IFF_ADD = "iff-add";
    static final String IFF_CHANGE = "iff-change";
    static final String IFF_DELETE = "iff-delete";
    static final String IFA_ADD = "ifa-add";
    static final String IFA_CHANGE = "ifa-change";
    static final String IFA_DELETE = "ifa-delete";
    static final String INTERFACE_DOWN = "interface-down";
    static final String INTERFACE_UP = "interface-up";

    private static final String NAME = "name";
    private static final String SNMP = "snmp-id";
    private static final String DISABLED = "disabled";
    private static final String IFL = "ifl";
    private static final String FAMILY_FIELD = "family";
    private static final String ADDRESS_FIELD = "address";

    private InterfaceSteps() {
    }

    static List<StepType> types() {
        return List.of(
                StepType.withShorthand(INTERFACE_DOWN, List.of(NAME), INTERFACE, (f, keyword, at) -> {
                    Optional<String> name = f.requiredParsed(NAME, INTERFACE, FieldValues::interfaceName);
                    return f.ok() ? change(keyword, at, device -> device.interfaceDown(name.get())) : List.of();
                }),
                StepType.withShorthand(INTERFACE_UP, List.of(NAME), INTERFACE, (f, keyword, at) -> {
                    Optional<String> name = f.requiredParsed(NAME, INTERFACE, FieldValues::interfaceName);
                    return f.ok() ? change(keyword, at, device -> device.interfaceUp(name.get())) : List.of();
                }),
                StepType.withShorthand(IFD_ADD, List.of(NAME, SNMP), INTERFACE, (f, keyword, at) -> {
                    Optional<String> name = f.requiredParsed(NAME, INTERFACE, FieldValues::interfaceName);
                    OptionalInt snmpId = snmpId(f);
                    return f.ok() ? change(keyword, at, addInterface(name.get(), snmpId)) : List.of();
                }),
                StepType.of(IFD_CHANGE, List.of(NAME, DISABLED), (f, keyword, at) -> {
                    Optional<String> name = f.requiredParsed(NAME, INTERFACE, FieldValues::interfaceName);
                    Optional<Boolean> disabled = f.required(DISABLED, "true or false") ? f.bool(DISABLED) : Optional.empty();
                    return f.ok() ? change(keyword, at, device -> device.changeInterface(name.get(), disabled.get()))
                            : List.of();
                }),
                StepType.withShorthand(IFD_DELETE, List.of(NAME), INTERFACE, (f, keyword, at) -> {
                    Optional<String> name = f.requiredParsed(NAME, INTERFACE, FieldValues::interfaceName);
                    return f.ok() ? change(keyword, at, device -> device.deleteInterface(name.get())) : List.of();
                }),
                StepType.withShorthand(IFL_ADD, List.of(NAME, SNMP), UNIT, (f, keyword, at) -> {
                    Optional<IflName> name = f.requiredParsed(NAME, UNIT, FieldValues::unitName);
                    OptionalInt snmpId = snmpId(f);
                    return f.ok() ? change(keyword, at, addUnit(name.get(), snmpId)) : List.of();
                }),
                StepType.of(IFL_CHANGE, List.of(NAME, DISABLED), (f, keyword, at) -> {
                    Optional<IflName> name = f.requiredParsed(NAME, UNIT, FieldValues::unitName);
                    Optional<Boolean> disabled = f.required(DISABLED, "true or false") ? f.bool(DISABLED) : Optional.empty();
                    return f.ok() ? change(keyword, at, device -> device.changeUnit(name.get(), disabled.get())) : List.of();
                }),
                StepType.withShorthand(IFL_DELETE, List.of(NAME), UNIT, (f, keyword, at) -> {
                    Optional<IflName> name = f.requiredParsed(NAME, UNIT, FieldValues::unitName);
                    return f.ok() ? change(keyword, at, device -> device.deleteUnit(name.get())) : List.of();
                }),
                familyStep(IFF_ADD),
                familyStep(IFF_CHANGE),
                familyStep(IFF_DELETE),
                addressStep(IFA_ADD),
                addressStep(IFA_CHANGE),
                addressStep(IFA_DELETE));
    }

    static OptionalInt snmpId(FieldReader f) {
        return f.integer(SNMP, 1, Integer.MAX_VALUE, SNMP_ID).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    static DeviceOperation addInterface(String name, OptionalInt snmpId) {
        return snmpId.isPresent() ? device -> device.addInterface(name, snmpId.getAsInt()) : device -> device.addInterface(name);
    }

    static DeviceOperation addUnit(IflName name, OptionalInt snmpId) {
        return snmpId.isPresent() ? device -> device.addUnit(name, snmpId.getAsInt()) : device -> device.addUnit(name);
    }

    private static StepType familyStep(String keyword) {
        return StepType.of(keyword, List.of(IFL, FAMILY_FIELD), (f, kw, at) -> {
            Optional<IflName> unit = f.requiredParsed(IFL, UNIT, FieldValues::unitName);
            Optional<String> family = f.requiredParsed(FAMILY_FIELD, FAMILY, FieldValues::family);
            if (!f.ok()) {
                return List.of();
            }
            IflName ifl = unit.get();
            String word = family.get();
            return change(kw, at, switch (kw) {
                case IFF_ADD -> device -> device.addFamily(ifl, word);
                case IFF_CHANGE -> device -> device.changeFamily(ifl, word);
                default -> device -> device.deleteFamily(ifl, word);
            });
        });
    }

    /** The family may be left out: an IPv4 address is inet's, an IPv6 address inet6's. */
    private static StepType addressStep(String keyword) {
        return StepType.of(keyword, List.of(IFL, FAMILY_FIELD, ADDRESS_FIELD), (f, kw, at) -> {
            Optional<String> unitText = f.requiredText(IFL, UNIT);
            Optional<IflName> unit = unitText.flatMap(text -> f.parse(f.position(IFL), text, FieldValues::unitName));
            Optional<Family> family = f.parsed(FAMILY_FIELD, FAMILY, Family::parse);
            Optional<String> address = f.requiredParsed(ADDRESS_FIELD, ADDRESS,
                    text -> FieldValues.address(unitText.orElse("the unit"), family, text));
            if (!f.ok()) {
                return List.of();
            }
            IflName ifl = unit.get();
            String text = address.get();
            String word = family.map(Family::word).orElseGet(() -> FieldValues.familyOf(text));
            return change(kw, at, switch (kw) {
                case IFA_ADD -> device -> device.addAddress(ifl, word, text);
                case IFA_CHANGE -> device -> device.changeAddress(ifl, word, text);
                default -> device -> device.deleteAddress(ifl, word, text);
            });
        });
    }
}
