package dev.jetemu.sim.scenario;

import dev.jetemu.sim.device.FirewallFilterSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.jetemu.sim.scenario.FieldValues.CLIENT_ID;
import static dev.jetemu.sim.scenario.FieldValues.FILTER;
import static dev.jetemu.sim.scenario.FieldValues.FILTER_INTERFACE;
import static dev.jetemu.sim.scenario.FieldValues.FILTER_TYPE;
import static dev.jetemu.sim.scenario.FieldValues.PROTOCOL;
import static dev.jetemu.sim.scenario.StepType.change;

/**
 * The firewall filter steps. A filter added without its settings is a classic inet filter applied
 * nowhere and configured rather than installed by a client; a change sets only the fields it gives.
 * The filter type and protocol are the device's to check, when the step is run or dry-run.
 */
final class FirewallFilterSteps {

    static final String ADD = "firewall-filter-add";
    static final String CHANGE = "firewall-filter-change";
    static final String DELETE = "firewall-filter-delete";

    static final String NAME = "name";
    static final String FILTER_TYPE_FIELD = "filter-type";
    static final String PROTOCOL_FIELD = "protocol";
    static final String INTERFACE_FIELD = "interface";
    static final String CLIENT_ID_FIELD = "client-id";

    static final List<String> FIELDS = List.of(NAME, FILTER_TYPE_FIELD, PROTOCOL_FIELD, INTERFACE_FIELD, CLIENT_ID_FIELD);

    private FirewallFilterSteps() {
    }

    static List<StepType> types() {
        return List.of(
                StepType.withShorthand(ADD, FIELDS, FILTER, (f, keyword, at) -> {
                    Optional<FirewallFilterSpec> spec = readSpec(f);
                    return spec.isPresent() ? change(keyword, at, addFilter(spec.get())) : List.of();
                }),
                StepType.withShorthand(CHANGE, FIELDS, FILTER, (f, keyword, at) -> {
                    Optional<String> name = f.requiredText(NAME, FILTER);
                    UnaryOperator<FirewallFilterSpec> edit = edits(f);
                    return f.ok() ? change(keyword, at, device -> device.changeFirewallFilter(name.get(), edit)) : List.of();
                }),
                StepType.withShorthand(DELETE, List.of(NAME), FILTER, (f, keyword, at) -> {
                    Optional<String> name = f.requiredText(NAME, FILTER);
                    return f.ok() ? change(keyword, at, device -> device.deleteFirewallFilter(name.get())) : List.of();
                }));
    }

    static DeviceOperation addFilter(FirewallFilterSpec spec) {
        return device -> device.addFirewallFilter(spec);
    }

    /** A filter to add: its name and the settings given, the defaults for the others. */
    static Optional<FirewallFilterSpec> readSpec(FieldReader f) {
        Optional<String> name = f.requiredText(NAME, FILTER);
        UnaryOperator<FirewallFilterSpec> edit = edits(f);
        return f.ok() ? Optional.of(edit.apply(FirewallFilterSpec.named(name.get()))) : Optional.empty();
    }

    /** The settings the fields give, as one edit of a filter's settings. */
    private static UnaryOperator<FirewallFilterSpec> edits(FieldReader f) {
        List<UnaryOperator<FirewallFilterSpec>> edits = new ArrayList<>(4);
        f.text(FILTER_TYPE_FIELD, FILTER_TYPE).ifPresent(type -> edits.add(spec -> spec.withFilterType(type)));
        f.text(PROTOCOL_FIELD, PROTOCOL).ifPresent(protocol -> edits.add(spec -> spec.withProtocol(protocol)));
        f.text(INTERFACE_FIELD, FILTER_INTERFACE)
                .flatMap(unit -> unit.isEmpty() ? Optional.of(unit)
                        : f.parse(f.position(INTERFACE_FIELD), unit, text -> FieldValues.unitName(text).toString()))
                .ifPresent(unit -> edits.add(spec -> spec.withInterfaceName(unit)));
        f.text(CLIENT_ID_FIELD, CLIENT_ID).ifPresent(client -> edits.add(spec -> spec.withClientId(client)));
        return spec -> {
            FirewallFilterSpec edited = spec;
            for (UnaryOperator<FirewallFilterSpec> edit : edits) {
                edited = edit.apply(edited);
            }
            return edited;
        };
    }
}
