package dev.jetemu.broker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The device publishes a burst of route events as fast as it can; every subscriber that keeps
 * reading receives every one, in order. Moquette alone loses most of such a burst at QoS 0.
 */
class LosslessDeliveryIT {

    /** About the size of a route-add jet-event. */
    private static final String ROUTE_EVENT = "{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\",\"hostname\":"
            + "\"vmx1\",\"time\":\"2026-11-21T08:00:00.000Z\",\"severity\":\"info\",\"facility\":\"KERNEL\","
            + "\"attributes\":{\"table-name\":\"inet.0\",\"logical-router-name\":\"default\",\"address-family\":"
            + "\"inet\",\"route-type\":\"bgp\",\"route-prefix\":\"10.1.0.0/24\",\"next-hop-address\":"
            + "[\"192.0.2.2\"],\"flags\":0}}}";

    private NotificationBroker broker;
    private final List<SequenceCheckingSubscriber> subscribers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
    }

    @AfterEach
    void stop() {
        subscribers.forEach(SequenceCheckingSubscriber::close);
        broker.close();
    }

    @ParameterizedTest(name = "{0} events to {1} subscribers at QoS {2}")
    @CsvSource({"100000, 1, 0", "100000, 10, 0", "100000, 1, 1", "100000, 10, 1"})
    void everySubscriberReceivesEveryEventInOrder(int events, int subscriberCount, int qos) throws Exception {
        for (int i = 0; i < subscriberCount; i++) {
            subscribers.add(SequenceCheckingSubscriber.subscribe(broker, "/junos/events/kernel/route/#", qos, 0));
        }

        for (int sequence = 0; sequence < events; sequence++) {
            broker.publish("/junos/events/kernel/route/add/inet/10.1.0.0/24",
                    SequenceCheckingSubscriber.payload(sequence, ROUTE_EVENT), qos);
        }

        await().atMost(120, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> subscribers.stream().allMatch(s -> s.received() >= events));
        for (SequenceCheckingSubscriber subscriber : subscribers) {
            assertThat(subscriber.firstProblem()).isNull();
            assertThat(subscriber.received()).isEqualTo(events);
        }
    }
}
