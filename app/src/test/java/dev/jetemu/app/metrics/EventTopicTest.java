package dev.jetemu.app.metrics;

import dev.jetemu.sim.event.EventCatalog;
import dev.jetemu.sim.event.EventSpec;
import dev.jetemu.sim.event.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class EventTopicTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/junos/events/kernel/interfaces/ifd/add/ge-0/0/1, ifd, add",
            "/junos/events/kernel/interfaces/ifl/change/ge-0/0/1.0, ifl, change",
            "/junos/events/kernel/interfaces/iff/delete/ge-0/0/1.0/inet, iff, delete",
            "/junos/events/kernel/interfaces/ifa/add/ge-0/0/1.0/inet6/2001:db8::1, ifa, add",
            "/junos/events/kernel/route/add/inet/10.1.0.0/16, route, add",
            "/junos/events/kernel/route/delete/inet6/2001:db8::/32, route, delete",
            "/junos/events/kernel/route-table/add/red.inet.0/default, route-table, add",
            "/junos/events/kernel/firewall/filter/change/protect-re, firewall-filter, change",
            "/junos/events/syslog/UI_COMMIT_COMPLETED, syslog, none",
            "/junos/events/genpub/config-update, config-update, none",
    })
    void aTopicTheDeviceUsesGivesItsTypeAndOperation(String topic, String type, String operation) {
        assertThat(EventTopic.of(topic)).isEqualTo(new EventTopic(type, operation));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "myapp/actions/restart",
            "/junos/events/kernel/route/bogus/inet/10.1.0.0/16",
            "/junos/events/kernel/interfaces/ifd/add",
            "/junos/events/kernel/interfaces/ifd/add/",
            "/junos/events/kernel/interfaces/ifd",
            "/junos/events/kernel/routes/add/inet/10.1.0.0/16",
            "/junos/events/genpub/config-update/extra",
            "/junos/events/syslog/",
    })
    void aTopicNoTemplateMakesIsOther(String topic) {
        assertThat(EventTopic.of(topic)).isEqualTo(new EventTopic("other", "none"));
    }

    @Test
    void everyTopicTheCatalogCanMakeIsClassifiedAsItsKindAndOperation() {
        for (EventSpec spec : EventCatalog.specs()) {
            String[] values = Collections.nCopies(spec.topic().placeholders().size(), "ge-0/0/1").toArray(String[]::new);
            if (spec.topic().hasOperation()) {
                for (Operation operation : Operation.values()) {
                    assertThat(EventTopic.of(spec.topic().expand(operation, values)))
                            .isEqualTo(new EventTopic(EventTopic.type(spec.kind()), operation.word()));
                }
            } else {
                assertThat(EventTopic.of(spec.topic().expand(null, values)))
                        .isEqualTo(new EventTopic(EventTopic.type(spec.kind()), "none"));
            }
        }
    }

    @Test
    void allListsEveryTypeWithItsOperations() {
        assertThat(EventTopic.all()).hasSize(7 * 3 + 3)
                .contains(new EventTopic("route-table", "delete"), new EventTopic("firewall-filter", "add"),
                        new EventTopic("syslog", "none"), new EventTopic("config-update", "none"),
                        new EventTopic("other", "none"))
                .doesNotHaveDuplicates();
    }
}
