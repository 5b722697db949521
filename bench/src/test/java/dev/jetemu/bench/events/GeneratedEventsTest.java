package dev.jetemu.bench.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedEventsTest {

    private final GeneratedEvents events = GeneratedEvents.routes(3_000, false, true);

    @Test
    void theRoutesScenarioMakesOneRouteAddEventPerRouteEachOnATopicOfItsOwn() {
        Set<String> topics = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            topics.add(events.topic(i));
        }

        assertThat(events.size()).isEqualTo(3_000);
        assertThat(topics).hasSize(3_000).allMatch(topic -> topic.startsWith("/junos/events/kernel/route/add/inet/"));
        assertThat(new String(events.payload(7), StandardCharsets.UTF_8))
                .startsWith("{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\",\"hostname\":\"vmx1-bench\","
                        + "\"time\":\"2026-11-21T08:00:00.000Z\"")
                .contains("\"route-type\":\"bgp\"", "\"next-hop-address\":[\"192.0.2.2\"]");
    }

    @Test
    void theSameScenarioMakesTheSameBytesEveryTimeAndASmallerOneItsFirstEvents() {
        GeneratedEvents again = GeneratedEvents.routes(1_500, false, true);

        for (int i = 0; i < again.size(); i++) {
            assertThat(again.topic(i)).isEqualTo(events.topic(i));
            assertThat(again.payload(i)).isEqualTo(events.payload(i));
        }
    }

    @Test
    void withdrawalsFollowTheAddsOnTheirOwnTopics() {
        GeneratedEvents both = GeneratedEvents.routes(100, true, false);

        assertThat(both.size()).isEqualTo(RouteScenario.events(100, true)).isEqualTo(200);
        assertThat(both.hasPayloads()).isFalse();
        assertThat(both.topic(99)).startsWith("/junos/events/kernel/route/add/");
        assertThat(both.topic(100)).startsWith("/junos/events/kernel/route/delete/")
                .endsWith(both.topic(0).substring(both.topic(0).lastIndexOf("/inet/")));
    }

    @Test
    void anEventIsFoundByItsTopicInOrderOrNot() {
        GeneratedEvents first = events.first(10);

        assertThat(first.indexOf(events.topic(4), 4)).isEqualTo(4);
        assertThat(first.indexOf(events.topic(6), 2)).isEqualTo(6);
        assertThat(first.indexOf(events.topic(20), 10)).as("published, but not among the first 10").isEqualTo(-1);
        assertThat(first.indexOf("/junos/events/kernel/route/add/inet/192.0.2.0/24", 0)).isEqualTo(-1);
    }
}
