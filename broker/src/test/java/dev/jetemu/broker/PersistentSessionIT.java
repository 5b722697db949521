package dev.jetemu.broker;

import dev.jetemu.broker.clients.ClientSubscriptions;
import dev.jetemu.broker.flow.FlowSettings;
import dev.jetemu.broker.flow.SlowSubscriberPolicy;
import dev.jetemu.broker.moquette.MoquetteEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with a persistent session (clean session off, one client id) subscribed at QoS 1
 * goes away, cleanly or by losing its connection, while the device publishes at QoS 1; when it
 * comes back it is sent everything it missed, each message once (a message whose acknowledgement
 * was lost with the connection may come again), in the order published. What waits for it in the
 * meantime is accounted, and its subscription is known again without a new SUBSCRIBE.
 */
class PersistentSessionIT {

    private static final String TOPIC = "/junos/events/kernel/route/add/inet/10.1.0.0/24";
    private static final String FILTER = "/junos/events/#";
    private static final String BODY = "{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\",\"hostname\":\"vmx1\","
            + "\"attributes\":{\"table-name\":\"inet.0\",\"route-prefix\":\"10.1.0.0/24\"}}}";
    /** The broker sends a subscriber at most this many QoS 1 messages before it acknowledges one. */
    private static final int IN_FLIGHT_WINDOW = MoquetteEngine.INFLIGHT_WINDOW;

    private NotificationBroker broker;
    private PersistentSubscriber app;

    private void start(BrokerSettings settings) throws Exception {
        broker = NotificationBroker.start(settings);
        app = new PersistentSubscriber("persistent-app", broker.port());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private void publish(int from, int to, int qos) throws InterruptedException {
        for (int sequence = from; sequence < to; sequence++) {
            broker.publish(TOPIC, SequenceCheckingSubscriber.payload(sequence, BODY), qos);
        }
    }

    /** Connects for the first time, subscribes at QoS 1 and receives a few live events. */
    private void subscribeAndReceive(int live) throws Exception {
        assertThat(app.connect()).as("session present on the first connection").isFalse();
        app.subscribe(FILTER, 1);
        publish(0, live, 1);
        await().atMost(10, TimeUnit.SECONDS).until(() -> app.distinct() == live);
    }

    private void leave(String how) throws Exception {
        if (how.equals("disconnect")) {
            app.disconnect();
        } else {
            app.dropConnection();
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> !broker.connectedClientIds().contains(app.clientId()));
    }

    private List<ClientSubscriptions.Subscription> subscriptionsOfApp() {
        return broker.subscriptions().snapshot().stream()
                .filter(client -> client.clientId().equals(app.clientId()))
                .flatMap(client -> client.subscriptions().stream())
                .toList();
    }

    @ParameterizedTest(name = "the application leaves by {0}")
    @ValueSource(strings = {"disconnect", "dropping its connection"})
    void whatIsPublishedWhileAnApplicationIsAwayArrivesWhenItComesBack(String how) throws Exception {
        start(BrokerSettings.loopbackOnly(0));
        int live = 10;
        int whileAway = 1_000;
        subscribeAndReceive(live);

        leave(how);
        publish(live, live + whileAway, 1);

        await("the session's queue").atMost(10, TimeUnit.SECONDS)
                .until(() -> broker.backlogs().queuedForDisconnected().equals(Map.of(app.clientId(), whileAway)));
        assertThat(broker.backlogs().waiting(app.clientId())).as("not connected").isEmpty();
        assertThat(broker.subscriptions().countOverlapping(FILTER)).as("nobody connected holds the filter").isZero();

        assertThat(app.connect()).as("session present when it comes back").isTrue();
        await().atMost(30, TimeUnit.SECONDS).until(() -> app.distinct() == live + whileAway);
        assertThat(app.firstProblem(live + whileAway)).isNull();
        assertThat(app.repeats()).as("sent again: at most what was in flight when it left")
                .isLessThanOrEqualTo(IN_FLIGHT_WINDOW);
        // Paho does not subscribe again on a kept session: the broker knows the subscription all the same.
        assertThat(subscriptionsOfApp()).containsExactly(new ClientSubscriptions.Subscription(FILTER, 1));
        assertThat(broker.subscriptions().countOverlapping("/junos/events/kernel/#")).isEqualTo(1);
        await("nothing left waiting").atMost(10, TimeUnit.SECONDS).until(() ->
                broker.backlogs().waiting(app.clientId()).orElseThrow().messages() == 0);
        assertThat(broker.backlogs().queuedForDisconnected()).isEmpty();

        publish(live + whileAway, live + whileAway + live, 1);
        await("live again").atMost(10, TimeUnit.SECONDS).until(() -> app.distinct() == live + whileAway + live);
        assertThat(app.firstProblem(live + whileAway + live)).isNull();
    }

    /**
     * The connection drops while the device publishes fast: up to a window of messages were sent on it and
     * not acknowledged. They are sent first when the application comes back, then the rest, in order.
     */
    @Test
    void anApplicationWhoseConnectionDropsWhileTheDeviceIsPublishingMissesNothing() throws Exception {
        start(BrokerSettings.loopbackOnly(0));
        assertThat(app.connect()).isFalse();
        app.subscribe(FILTER, 1);
        int events = 20_000;
        Thread device = new Thread(() -> {
            try {
                publish(0, events, 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        device.start();
        await().atMost(30, TimeUnit.SECONDS).until(() -> app.distinct() >= 2_000);

        leave("dropping its connection");
        assertThat(app.connect()).isTrue();
        device.join();

        await().atMost(60, TimeUnit.SECONDS).until(() -> app.distinct() == events);
        assertThat(app.firstProblem(events)).isNull();
        assertThat(app.repeats()).isLessThanOrEqualTo(IN_FLIGHT_WINDOW);
    }

    /**
     * A long absence: everything is kept (in memory, nothing bounds it), and the application that
     * comes back to a queue far above the high-water mark takes longer than the grace period to work
     * through it. It keeps acknowledging, so it is slow, not stopped: the slow-subscriber policy
     * leaves it alone and it receives everything.
     */
    @Test
    void anApplicationBackFromALongAbsenceReceivesEverythingAndIsNotTakenForAStalledOne() throws Exception {
        Duration grace = Duration.ofSeconds(1);
        start(BrokerSettings.loopbackOnly(0).withFlow(FlowSettings.DEFAULTS.withPolicy(SlowSubscriberPolicy.DISCONNECT,
                grace)));
        subscribeAndReceive(1);
        leave("disconnect");
        int whileAway = 50_000;
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();

        publish(1, 1 + whileAway, 1);

        await("the session's queue").atMost(10, TimeUnit.SECONDS)
                .until(() -> broker.backlogs().queuedForDisconnected().equals(Map.of(app.clientId(), whileAway)));
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("persistent session: %,d messages queued while away, heap grew by about %,d bytes "
                + "(%,d per message)%n", whileAway, heapAfter - heapBefore, (heapAfter - heapBefore) / whileAway);
        long started = System.nanoTime();

        assertThat(app.connect()).isTrue();

        await().atMost(120, TimeUnit.SECONDS).until(() -> app.distinct() == 1 + whileAway || !app.isConnected());
        System.out.printf("persistent session: %,d messages sent on its return in %,d ms%n", whileAway,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(app.isConnected()).as("still connected after working through the queue").isTrue();
        assertThat(app.firstProblem(1 + whileAway)).isNull();
        assertThat(broker.backlogs().disconnectedSlowSubscribers()).isZero();
    }

    /** QoS 0 promises nothing to an absent client, and the broker keeps none of it (as Mosquitto by default). */
    @Test
    void qos0EventsPublishedWhileAwayAreNotKept() throws Exception {
        start(BrokerSettings.loopbackOnly(0));
        subscribeAndReceive(1);
        leave("disconnect");

        publish(1, 101, 0);
        assertThat(broker.drain(Duration.ofSeconds(10))).as("handed to the sessions").isTrue();
        assertThat(broker.backlogs().queuedForDisconnected()).isEmpty();
        assertThat(app.connect()).isTrue();
        publish(101, 111, 1);

        await().atMost(10, TimeUnit.SECONDS).until(() -> app.distinct() == 11);
        assertThat(app.arrivals()).extracting(PersistentSubscriber.Arrival::sequence)
                .containsExactly(0, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110);
    }
}
