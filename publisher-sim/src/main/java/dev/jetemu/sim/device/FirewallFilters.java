package dev.jetemu.sim.device;

import dev.jetemu.diagnostics.Suggestions;
import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.event.JetEvents;
import dev.jetemu.sim.event.Operation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Firewall filters and the events their changes make. */
final class FirewallFilters {

    static final List<String> FILTER_TYPES = List.of("classic", "simple-filter", "service-filter");
    /** The families of {@code [edit firewall family ...]}. */
    static final List<String> PROTOCOLS = List.of("inet", "inet6", "any", "mpls", "ethernet-switching", "bridge", "vpls", "ccc");

    /** A filter and its version: 1 when added, one more at each change. */
    record Filter(FirewallFilterSpec spec, int version) {

        JetEvent event(Operation operation) {
            return JetEvents.firewallFilter(operation, spec.name(), version, spec.clientId(), spec.filterType(),
                    spec.protocol(), spec.interfaceName());
        }
    }

    private final Map<String, Filter> filters = new LinkedHashMap<>();
    private final Interfaces interfaces;

    FirewallFilters(Interfaces interfaces) {
        this.interfaces = interfaces;
    }

    Collection<Filter> all() {
        return filters.values();
    }

    List<JetEvent> add(FirewallFilterSpec spec) {
        check(spec);
        if (filters.containsKey(spec.name())) {
            throw new DeviceModelException("firewall filter " + spec.name() + " already exists; expected a new filter "
                    + "name, or a firewall-filter-delete step before adding it again");
        }
        Filter filter = new Filter(spec, 1);
        filters.put(spec.name(), filter);
        return List.of(filter.event(Operation.ADD));
    }

    /** Applies {@code edit} to the filter's settings; the version goes up by one. */
    List<JetEvent> change(String name, UnaryOperator<FirewallFilterSpec> edit) {
        Filter current = require(name);
        FirewallFilterSpec changed = edit.apply(current.spec());
        if (!changed.name().equals(name)) {
            throw new DeviceModelException("firewall filter " + name + " cannot be renamed to " + changed.name()
                    + "; expected a delete of the old filter and an add of the new one");
        }
        check(changed);
        Filter filter = new Filter(changed, current.version() + 1);
        filters.put(name, filter);
        return List.of(filter.event(Operation.CHANGE));
    }

    List<JetEvent> delete(String name) {
        Filter filter = require(name);
        filters.remove(name);
        return List.of(filter.event(Operation.DELETE));
    }

    private Filter require(String name) {
        Names.checkObjectName("firewall filter", name);
        Filter filter = filters.get(name);
        if (filter == null) {
            throw new DeviceModelException("firewall filter " + name + " does not exist; " + Hints.FILTER);
        }
        return filter;
    }

    private void check(FirewallFilterSpec spec) {
        Names.checkObjectName("firewall filter", spec.name());
        checkKnown("filter-type", spec.filterType(), FILTER_TYPES, spec.name());
        checkKnown("protocol", spec.protocol(), PROTOCOLS, spec.name());
        if (!spec.interfaceName().isEmpty()) {
            IflName unit = IflName.parse(spec.interfaceName());
            if (!interfaces.hasUnit(unit)) {
                throw new DeviceModelException("firewall filter " + spec.name() + " is applied to unit " + unit
                        + ", which does not exist; " + Hints.IFL);
            }
        }
    }

    private static void checkKnown(String what, String value, List<String> known, String filter) {
        if (!known.contains(value)) {
            String suggestion = Suggestions.didYouMean(value, known).map(s -> " (did you mean " + s + "?)").orElse("");
            throw new DeviceModelException(what + " '" + value + "' of firewall filter " + filter + " is not known; "
                    + "expected one of " + String.join(", ", known) + suggestion);
        }
    }
}
