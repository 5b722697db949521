package dev.jetemu.sim.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTemplateTest {

    private final TopicTemplate route = TopicTemplate.of("/junos/events/kernel/route/{op}/{family}/{prefix-address}/{length}");

    @Test
    void fillsTheOperationAndTheValuesInOrder() {
        assertThat(route.expand(Operation.DELETE, "inet", "0.0.0.0", "0")).isEqualTo("/junos/events/kernel/route/delete/inet/0.0.0.0/0");
        assertThat(route.placeholders()).containsExactly("family", "prefix-address", "length");
        assertThat(route.hasOperation()).isTrue();
    }

    @Test
    void aTemplateWithoutSlots() {
        TopicTemplate fixed = TopicTemplate.of("/junos/events/genpub/config-update");
        assertThat(fixed.expand(null)).isEqualTo("/junos/events/genpub/config-update");
        assertThat(fixed.hasOperation()).isFalse();
    }

    @Test
    void refusesTheWrongNumberOfValuesOrAMissingOperation() {
        assertThatThrownBy(() -> route.expand(Operation.ADD, "inet")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> route.expand(null, "inet", "10.0.0.0", "8")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesValuesThatAreNotPlainTopicParts() {
        assertThatThrownBy(() -> route.expand(Operation.ADD, "inet", "10.0.0.0/", "8")).hasMessageContaining("empty topic level");
        assertThatThrownBy(() -> route.expand(Operation.ADD, "in#et", "10.0.0.0", "8")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> route.expand(Operation.ADD, "inet", "10.0.0.0", "8\0")).hasMessageContaining("NUL");
    }
}
