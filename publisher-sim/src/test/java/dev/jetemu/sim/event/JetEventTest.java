package dev.jetemu.sim.event;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** A jet-event's attributes: a checked, immutable copy in payload order, equal to any map with the same pairs. */
class JetEventTest {

    private static JetEvent event(Map<String, Object> attributes) {
        return new JetEvent(EventKind.ROUTE, Optional.of(Operation.ADD), "/junos/events/kernel/route/add/inet/10.0.0.0/8",
                "KERNEL_EVENT_ROUTE_ADD", Severity.INFO, Facility.KERNEL, attributes);
    }

    @Test
    void keepsTheAttributesInTheOrderGivenAndCopiesThem() {
        List<String> hops = new ArrayList<>(List.of("192.0.2.1"));
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("table-name", "inet.0");
        given.put("prefix-length", 8);
        given.put("next-hops", hops);
        given.put("active", true);
        given.put("bytes", 5_000_000_000L);

        JetEvent event = event(given);
        given.put("late", "x");
        hops.add("192.0.2.2");

        assertThat(event.attributes()).containsExactly(entry("table-name", "inet.0"), entry("prefix-length", 8),
                entry("next-hops", List.of("192.0.2.1")), entry("active", true), entry("bytes", 5_000_000_000L));
        assertThat(event.attribute("prefix-length")).isEqualTo(8);
        assertThat(event.attribute("late")).isNull();
        assertThat(event.attributes().containsKey("active")).isTrue();
        assertThat(event.attributes().containsKey("late")).isFalse();
        assertThat(event.attributes()).isEqualTo(Map.of("table-name", "inet.0", "prefix-length", 8,
                "next-hops", List.of("192.0.2.1"), "active", true, "bytes", 5_000_000_000L));
        assertThat(event.attributes().hashCode()).isEqualTo(new LinkedHashMap<>(event.attributes()).hashCode());
        assertThat(event.attributes().toString())
                .isEqualTo("{table-name=inet.0, prefix-length=8, next-hops=[192.0.2.1], active=true, bytes=5000000000}");
    }

    @Test
    void itsAttributesCannotBeChanged() {
        JetEvent event = event(Map.of("table-name", "inet.0"));

        assertThatThrownBy(() -> event.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.attributes().remove("table-name"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.attributes().entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(event.attributes()).containsExactly(entry("table-name", "inet.0"));
    }

    @Test
    void refusesAValueNoJetEventCarries() {
        assertThatThrownBy(() -> event(Map.of("ratio", 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute ratio has a value a jet-event cannot carry: 0.5");
        assertThatThrownBy(() -> event(Map.of("next-hops", List.of(1, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute next-hops has a value a jet-event cannot carry: [1, 2]");
    }

    @Test
    void theCatalogsEventsCarryTheirAttributesInCatalogOrder() {
        JetEvent event = JetEvents.route(Operation.ADD, "inet.0", "default", "inet", "static", "10.0.0.0", 8,
                List.of("192.0.2.1"));

        assertThat(List.copyOf(event.attributes().keySet())).isEqualTo(EventCatalog.ROUTE.attributeNames());
        assertThat(event.attribute("table-name")).isEqualTo("inet.0");
        assertThat(event.attribute("next-hop-address")).isEqualTo(List.of("192.0.2.1"));
        assertThat(event.attribute("route-prefix")).isEqualTo("10.0.0.0/8");
    }
}
