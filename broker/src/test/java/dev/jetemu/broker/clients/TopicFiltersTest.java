package dev.jetemu.broker.clients;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TopicFiltersTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "/junos/events/kernel/#, /junos/events/kernel/interfaces/ifd/add/ge-0/0/0, true",
            "/junos/events/kernel/interfaces/ifd/+/#, /junos/events/kernel/interfaces/ifd/add/ge-0/0/0, true",
            "/junos/events/kernel/interfaces/ifl/+/+/+/+, /junos/events/kernel/interfaces/ifl/add/ge-0/0/0.0, true",
            "/junos/events/kernel/interfaces/ifl/+/+/+/+, /junos/events/kernel/interfaces/ifl/add/lo0.0, false",
            "/junos/events/kernel/route/+/+/+/#, /junos/events/kernel/route/add/inet/10.1.0.0/16, true",
            "#, /junos/events/syslog/UI_COMMIT_COMPLETED, true",
            "+/#, /junos/events/syslog/X, true",
            "/+, /junos, true",
            "+, /junos, false",
            "/junos/#, /junos, true",
            "#, $SYS/broker/uptime, false",
            "a/b, a/b/c, false",
            "a/+, a, false",
            "a/+, a/, true",
            "a/+/b, a//b, true",
            "+/+, /, true",
            "/, /, true",
            "a/#, a/, true",
            "+/+, a//, false",
            "+/+/+, a//, true",
            "$SYS/#, $SYS/broker/uptime, true",
            "+/broker/uptime, $SYS/broker/uptime, false",
            "/junos/events/kernel/route, /junos/events/kernel/route/add, false",
            "/junos/events/kernel/route/add, /junos/events/kernel/route, false",
            "/junos/events/kernel/rout/#, /junos/events/kernel/route/add, false",
    })
    void matches(String filter, String topic, boolean expected) {
        assertThat(TopicFilters.matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} overlaps {1}: {2}")
    @CsvSource({
            "/junos/events/kernel/#, /junos/events/kernel/interfaces/ifd/+/#, true",
            "/junos/events/kernel/#, #, true",
            "/junos/events/kernel/#, /junos/events/syslog/#, false",
            "/junos/events/+/route/#, /junos/events/kernel/#, true",
            "myapp/actions/#, myapp/actions, true",
            "myapp/actions/+, myapp/actions, false",
            "a/+/c, a/b/+, true",
            "a/+/c, a/b/d, false",
            "a/b, a/b/c, false",
    })
    void overlap(String first, String second, boolean expected) {
        assertThat(TopicFilters.overlap(first, second)).isEqualTo(expected);
        assertThat(TopicFilters.overlap(second, first)).isEqualTo(expected);
    }
}
