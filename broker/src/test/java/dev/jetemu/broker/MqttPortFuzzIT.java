package dev.jetemu.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.jetemu.broker.MqttFuzzCases.Kind;
import dev.jetemu.broker.SlowClients.Slow;
import dev.jetemu.broker.SlowClients.Style;
import dev.jetemu.broker.clients.ClientSubscriptions;
import dev.jetemu.broker.edge.ProtocolViolation;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input on the broker's MQTT port, from a seeded generator ({@link MqttFuzzCases}): random
 * bytes, packets cut short, malformed packets, packets before the CONNECT, a second CONNECT,
 * strings that are not UTF-8, bit flips of valid conversations; each case on a connection of its
 * own, many connections at a time. Meanwhile slow clients trickle or stall their CONNECT, and a
 * well-behaved subscriber receives what the device publishes. It proves that
 * <ul>
 *   <li>every case the broker must close is closed by the broker and reported as the violation it
 *       is, every case that ends inside a packet is left open, and every connection is reported
 *       closed in the end; the reported violations add up to the cases';</li>
 *   <li>a CONNECT that trickles in or stops half-way is closed at the connect timeout, not before,
 *       and while such clients hold their connections a good client still connects and receives;</li>
 *   <li>the subscriber receives every event in order and stays connected;</li>
 *   <li>the broker ends with the subscriber's connection and subscription only, its heap no larger
 *       than it started by more than a bound, and its log short and without a stack trace.</li>
 * </ul>
 * {@code -Djetemu.fuzz.seed=N} and {@code -Djetemu.fuzz.cases=N} repeat or widen a run; the seed
 * and counts are printed, and a failing case is named by its index, kind and bytes.
 */
class MqttPortFuzzIT {

    private static final String EVENTS = "/junos/events/kernel/interfaces/ifd/change/ge-0/0/1";
    private static final String FILTER = "/junos/events/kernel/#";
    private static final int DEVICE_EVENTS_PER_SECOND = 100;
    private static final int IN_FLIGHT = 128;
    private static final int TRICKLING = 200;
    private static final int STALLED = 50;
    private static final int KEEP_ALIVE_EXPIRED = 10;
    /** How long a case the broker may keep open is watched before its client closes it. */
    private static final Duration WATCH = Duration.ofMillis(150);
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    /** The broker's connect timeout (EdgeChannelInitializer), which nothing may reach before it has passed. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;
    /** What the broker's log budget for protocol violations allows: 10 lines per 10 s. */
    private static final int VIOLATION_LINES_PER_10_S = 10;

    @Test
    void badClientsAreClosedAndCountedWhileAGoodClientMissesNothing() throws Exception {
        long seed = Long.getLong("jetemu.fuzz.seed", MqttFuzzCases.DEFAULT_SEED);
        int count = Integer.getInteger("jetemu.fuzz.cases", 100_000);
        System.out.printf("MqttPortFuzzIT: seed %d, %d cases, %d at a time (-Djetemu.fuzz.seed=%d"
                + " -Djetemu.fuzz.cases=%d repeats this run)%n", seed, count, IN_FLIGHT, seed, count);
        ConnectionLedger ledger = new ConnectionLedger();
        try (LogCapture log = new LogCapture(Logger.ROOT_LOGGER_NAME);
             NotificationBroker broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0), ledger);
             SequenceCheckingSubscriber subscriber = SequenceCheckingSubscriber.subscribe(broker, FILTER, 0, 0)) {
            InetSocketAddress port = new InetSocketAddress("127.0.0.1", broker.port());
            await().atMost(GENEROUS).until(() -> ledger.untaken().size() == 1);
            InetSocketAddress subscriberPeer = ledger.untaken().iterator().next();
            long heapBefore = heapAfterGc();
            long started = System.nanoTime();
            DevicePublisher device = DevicePublisher.start(broker, EVENTS, DEVICE_EVENTS_PER_SECOND);
            FuzzTally tally;
            try (SlowClients slow = SlowClients.open(port, TRICKLING, STALLED, KEEP_ALIVE_EXPIRED, seed)) {
                aGoodClientGetsInWhileSlowClientsHoldTheirConnections(broker, ledger, slow, subscriberPeer);

                tally = play(new MqttFuzzCases(seed), count, new FuzzConnection(port, ledger, WATCH, GENEROUS));
                long elapsed = System.nanoTime() - started;
                System.out.printf("MqttPortFuzzIT: %d cases in %.1f s (%.0f a second)%n%s%n", count, elapsed / 1e9,
                        count / (elapsed / 1e9), tally.summary());
                assertThat(tally.failures()).as("cases where the broker did not do what it must, first %d:%n%s",
                        tally.firstFailures().size(), String.join("\n", tally.firstFailures())).isZero();

                slowClientsAreClosedAtTheConnectTimeoutOrTheirKeepAlive(slow, ledger);
            }

            theViolationsReportedAddUpToTheCases(ledger, tally);

            int published = device.stop();
            await("every event at the subscriber").atMost(GENEROUS).until(() -> subscriber.received() == published);
            assertThat(subscriber.firstProblem()).isNull();
            assertThat(subscriber.isConnected()).isTrue();
            broker.publish(EVENTS, SequenceCheckingSubscriber.payload(published, "{\"fresh\":true}"), 0);
            await("a fresh event at the subscriber").atMost(GENEROUS)
                    .until(() -> subscriber.received() == published + 1);
            System.out.printf("MqttPortFuzzIT: the subscriber received all %d events in order%n", published + 1);

            theBrokerIsLeftWithTheSubscriberOnly(broker, ledger, subscriberPeer);
            long heapAfter = heapAfterGc();
            System.out.printf("MqttPortFuzzIT: heap used after GC %d MB at the start, %d MB at the end%n",
                    heapBefore >> 20, heapAfter >> 20);
            assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(HEAP_GROWTH_BOUND);
            theLogIsShortAndHasNoStackTrace(log.events(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static void aGoodClientGetsInWhileSlowClientsHoldTheirConnections(
            NotificationBroker broker, ConnectionLedger ledger, SlowClients slow, InetSocketAddress subscriberPeer)
            throws Exception {
        Set<InetSocketAddress> known = new HashSet<>();
        known.add(subscriberPeer);
        slow.clients().forEach(client -> known.add(client.peer()));

        MqttClient late = TestClients.connectAs(broker, "late-good-client");
        List<String> received = TestClients.collect(late, FILTER, 0);
        await("an event at the late client").atMost(GENEROUS).until(() -> !received.isEmpty());
        assertThat(slow.clients().stream().filter(client -> client.style() != Style.KEEP_ALIVE_EXPIRED))
                .as("slow clients still connected when the late client received an event")
                .noneMatch(Slow::closed);
        TestClients.closeQuietly(late);

        await().atMost(GENEROUS).until(() -> ledger.untaken().stream().anyMatch(peer -> !known.contains(peer)));
        InetSocketAddress latePeer = ledger.untaken().stream().filter(peer -> !known.contains(peer)).findFirst()
                .orElseThrow();
        ConnectionLedger.Entry entry = ledger.take(latePeer, GENEROUS);
        assertThat(entry.closed()).isTrue();
        assertThat(entry.violations()).isEmpty();
    }

    /** Plays every case, {@link #IN_FLIGHT} connections at a time. */
    private static FuzzTally play(MqttFuzzCases cases, int count, FuzzConnection connection) throws Exception {
        FuzzTally tally = new FuzzTally();
        AtomicLong next = new AtomicLong();
        List<Callable<Void>> playing = new ArrayList<>();
        for (int player = 0; player < IN_FLIGHT; player++) {
            // 127.0.0.2, 127.0.0.3, ...: loopback addresses, admitted as 127.0.0.1 is.
            InetAddress source = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + player)});
            playing.add(() -> {
                for (long index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                    tally.add(connection.play(cases.caseAt(index), source));
                }
                return null;
            });
        }
        ExecutorService players = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<Future<Void>> done = players.invokeAll(playing);
            for (Future<Void> player : done) {
                player.get();
            }
        } finally {
            players.shutdownNow();
            players.awaitTermination(10, TimeUnit.SECONDS);
        }
        return tally;
    }

    private static void slowClientsAreClosedAtTheConnectTimeoutOrTheirKeepAlive(SlowClients slow,
                                                                                ConnectionLedger ledger)
            throws InterruptedException {
        await("the broker closing every slow client").atMost(GENEROUS)
                .until(() -> slow.clients().stream().allMatch(Slow::closed));
        for (Slow client : slow.clients()) {
            ConnectionLedger.Entry entry = ledger.take(client.peer(), GENEROUS);
            assertThat(entry.closed()).as("%s %s reported closed", client.style(), client.peer()).isTrue();
            if (client.style() == Style.KEEP_ALIVE_EXPIRED) {
                assertThat(entry.violations()).as("a keep-alive that expired is no violation").isEmpty();
                assertThat(client.lifetime()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            } else {
                assertThat(entry.violations()).as("%s %s", client.style(), client.peer())
                        .containsExactly(ProtocolViolation.CONNECT_TIMEOUT);
                assertThat(client.lifetime()).as("%s %s closed no sooner than the connect timeout", client.style(),
                        client.peer()).isGreaterThanOrEqualTo(CONNECT_TIMEOUT.minusMillis(100));
            }
        }
        Map<Style, Long> bytesSent = slow.clients().stream()
                .collect(Collectors.groupingBy(Slow::style, Collectors.summingLong(Slow::sent)));
        System.out.printf("MqttPortFuzzIT: slow clients closed by the broker: %d trickling a CONNECT (%d bytes"
                + " sent in all), %d stalled, %d whose keep-alive expired%n", TRICKLING,
                bytesSent.get(Style.TRICKLING), STALLED, KEEP_ALIVE_EXPIRED);
    }

    private static void theViolationsReportedAddUpToTheCases(ConnectionLedger ledger, FuzzTally tally) {
        for (ProtocolViolation violation : ProtocolViolation.values()) {
            long slow = violation == ProtocolViolation.CONNECT_TIMEOUT ? TRICKLING + STALLED : 0;
            assertThat(ledger.violations(violation)).as("%s reported to the listener", violation.label())
                    .isEqualTo(tally.violations(violation) + slow);
        }
        for (Kind kind : Kind.values()) {
            if (kind.outcome() == MqttFuzzCases.Outcome.CLOSES) {
                assertThat(tally.cases(kind)).as("cases of %s", kind).isPositive();
            }
        }
    }

    private static void theBrokerIsLeftWithTheSubscriberOnly(NotificationBroker broker, ConnectionLedger ledger,
                                                             InetSocketAddress subscriberPeer) {
        await("only the subscriber's connection open").atMost(GENEROUS).until(() -> broker.openConnections() == 1);
        assertThat(ledger.opened() - ledger.closed()).as("connections reported opened and not closed").isEqualTo(1);
        assertThat(ledger.untaken()).containsExactly(subscriberPeer);
        assertThat(ledger.peek(subscriberPeer).violations()).isEmpty();
        assertThat(broker.connectedClientIds()).hasSize(1);
        List<ClientSubscriptions> subscriptions = broker.subscriptions().snapshot();
        assertThat(subscriptions).hasSize(1);
        assertThat(ConnectionLedger.key(subscriptions.get(0).address())).isEqualTo(subscriberPeer);
        assertThat(subscriptions.get(0).subscriptions())
                .containsExactly(new ClientSubscriptions.Subscription(FILTER, 0));
    }

    private static void theLogIsShortAndHasNoStackTrace(List<ILoggingEvent> events, Duration elapsed) {
        Map<String, Long> linesByLogger = events.stream()
                .collect(Collectors.groupingBy(ILoggingEvent::getLoggerName, Collectors.counting()));
        System.out.printf("MqttPortFuzzIT: %d log lines: %s%n", events.size(), linesByLogger);
        assertThat(events).as("log lines with a stack trace")
                .noneMatch(event -> event.getThrowableProxy() != null);
        assertThat(events).as("errors in the log").noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
        long windows = elapsed.toSeconds() / 10 + 1;
        assertThat(linesByLogger.getOrDefault("dev.jetemu.broker.protocol", 0L))
                .as("protocol violation lines in %s", elapsed)
                .isLessThanOrEqualTo(windows * VIOLATION_LINES_PER_10_S);
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
