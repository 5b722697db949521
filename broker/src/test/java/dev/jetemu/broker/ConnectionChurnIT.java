package dev.jetemu.broker;

import dev.jetemu.broker.MqttAttempt.Leave;
import dev.jetemu.broker.MqttAttempt.Plan;
import dev.jetemu.broker.MqttAttempt.Result;
import dev.jetemu.broker.clients.ClientSubscriptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * max-connections under churn. A thousand clients connect, subscribe, read a few route events and
 * leave (DISCONNECT, a plain close or a reset), round after round, more of them at once than the
 * limit admits, while the device publishes at QoS 0 and 1 and a well-behaved subscriber stays
 * connected throughout. The limit holds exactly, the subscriber misses nothing, and the churned
 * clients leave nothing behind.
 *
 * <p>Every client is a Netty connection on two client threads ({@link MqttAttempts}), so the test
 * needs a few threads and a few megabytes however many clients it runs.
 */
class ConnectionChurnIT {

    private static final int MAX_CONNECTIONS = 200;
    private static final int CLIENTS = 1_000;
    private static final int ROUNDS = 3;
    /** A client refused this often in one round gives up; it never should. */
    private static final int ATTEMPTS_PER_ROUND = 500;
    private static final int MOST_MESSAGES_PER_ROUND = 5;
    private static final int EVENTS_PER_SECOND = 500;
    private static final String FILTER = "/junos/events/kernel/route/#";
    private static final int ACCEPTED = 0;
    private static final int SERVER_UNAVAILABLE = 3;
    private static final long SEED = Long.getLong("jetemu.test.seed", 20261121L);
    private static final long MIB = 1024 * 1024;

    private NotificationBroker broker;
    private OrderedEventsSubscriber subscriber;
    private MqttAttempts attempts;
    private OpenConnectionsSampler sampler;
    private RouteEventPublisher publisher;

    @BeforeEach
    void start() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0).withMaxConnections(MAX_CONNECTIONS));
        subscriber = OrderedEventsSubscriber.subscribe(broker, FILTER);
        // The subscriber holds one of the places; the counter starts with it.
        attempts = new MqttAttempts(broker.port(), new MqttAttempt.Places(1));
        sampler = OpenConnectionsSampler.start(broker);
        publisher = RouteEventPublisher.start(broker, EVENTS_PER_SECOND);
    }

    @AfterEach
    void stop() throws Exception {
        publisher.close();
        sampler.close();
        attempts.close();
        subscriber.close();
        broker.close();
    }

    /**
     * With the subscriber and 199 clients holding all 200 places, every further client is told
     * CONNACK 3; once one leaves and the broker has seen it go, exactly one of twenty clients
     * trying at once gets in.
     */
    @Test
    void theLimitIsExactWhileTheDevicePublishes() throws Exception {
        List<MqttAttempt> holders = new ArrayList<>();
        for (int i = 0; i < MAX_CONNECTIONS - 1; i++) {
            holders.add(attempts.start(new Plan("holder-" + i, null, 0, -1, Leave.values()[i % 3])));
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> attempts.places().held() == MAX_CONNECTIONS
                || holders.stream().anyMatch(holder -> holder.done().isDone()));
        assertThat(holders).noneMatch(holder -> holder.done().isDone());
        assertThat(broker.openConnections()).isEqualTo(MAX_CONNECTIONS);

        List<Result> beyond = resultsOf(IntStream.range(0, 50)
                .mapToObj(i -> attempts.start(new Plan("beyond-" + i, null, 0, -1, Leave.DISCONNECT)))
                .toList());
        assertThat(beyond).allSatisfy(result -> {
            assertThat(result.returnCode()).as(result.clientId()).isEqualTo(SERVER_UNAVAILABLE);
            assertThat(result.problem()).as(result.clientId()).isNull();
        });
        assertThat(broker.openConnections()).isEqualTo(MAX_CONNECTIONS);

        MqttAttempt leaving = holders.remove(0);
        leaving.leave(Leave.DISCONNECT);
        assertThat(leaving.done().get(30, TimeUnit.SECONDS).problem()).isNull();
        await().atMost(30, TimeUnit.SECONDS).until(() -> broker.openConnections() == MAX_CONNECTIONS - 1);

        List<MqttAttempt> contenders = IntStream.range(0, 20)
                .mapToObj(i -> attempts.start(new Plan("contender-" + i, null, 0, -1, Leave.CLOSE)))
                .toList();
        await().atMost(60, TimeUnit.SECONDS).until(() -> contenders.stream()
                .allMatch(contender -> contender.accepted().isDone() || contender.done().isDone()));
        List<MqttAttempt> admitted = contenders.stream().filter(c -> c.accepted().isDone()).toList();
        assertThat(admitted).hasSize(1);
        List<Result> turnedAway = resultsOf(contenders.stream().filter(c -> !c.accepted().isDone()).toList());
        assertThat(turnedAway).hasSize(19).allSatisfy(result -> {
            assertThat(result.returnCode()).isEqualTo(SERVER_UNAVAILABLE);
            assertThat(result.problem()).isNull();
        });
        assertThat(broker.openConnections()).isEqualTo(MAX_CONNECTIONS);
        assertThat(attempts.places().held()).isEqualTo(MAX_CONNECTIONS);

        holders.addAll(admitted);
        for (int i = 0; i < holders.size(); i++) {
            holders.get(i).leave(Leave.values()[i % 3]);
        }
        assertThat(resultsOf(holders)).allSatisfy(result -> {
            assertThat(result.returnCode()).isEqualTo(ACCEPTED);
            assertThat(result.problem()).as(result.clientId()).isNull();
        });
        await().atMost(30, TimeUnit.SECONDS).until(() -> broker.openConnections() == 1);

        assertThat(attempts.places().most()).isEqualTo(MAX_CONNECTIONS);
        assertThat(sampler.most()).isLessThanOrEqualTo(MAX_CONNECTIONS);
        subscriberReceivedEverything();
    }

    /**
     * A thousand clients, three rounds each: connect (again after each CONNACK 3, backing off),
     * subscribe at QoS 0 or 1, read one to five events, leave by DISCONNECT, close or reset, all
     * under their own client id. No more than 200 ever hold an accepted CONNACK at once, as
     * counted by the clients (a client stops counting before it starts to leave) and by the
     * broker; afterwards only the subscriber is left, and heap, threads and descriptors are back.
     */
    @Test
    void aThousandClientsChurnAndLeaveNothingBehind() throws Exception {
        warmUp();
        ProcessResources before = ProcessResources.measure();
        System.out.printf("churn: seed %d, %d clients x %d rounds, max-connections %d; before: %s%n",
                SEED, CLIENTS, ROUNDS, MAX_CONNECTIONS, before);
        long started = System.nanoTime();

        List<Tally> tallies;
        int refusalLines;
        String sampleLine;
        try (CountedLog accessLog = new CountedLog("dev.jetemu.broker.access")) {
            List<CompletableFuture<Tally>> clients = IntStream.range(0, CLIENTS)
                    .mapToObj(i -> runClient("churn-" + i, new Random(SEED + i)))
                    .toList();
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
            tallies = clients.stream().map(CompletableFuture::join).toList();
            refusalLines = accessLog.lines();
            sampleLine = accessLog.first();
        }
        long churnMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int published = publisher.stop();

        Tally total = tallies.stream().reduce(new Tally(), Tally::plus);
        System.out.printf("churn: %d ms, %d connections accepted, %d refused (CONNACK 3), %d route events read"
                        + " by churned clients; at most %d held at once (client side), %d open (broker side);"
                        + " %d log lines from the access edge, the first: %s%n",
                churnMillis, total.accepted, total.refused, total.messages, attempts.places().most(),
                sampler.most(), refusalLines, sampleLine);

        assertThat(total.problems).isEmpty();
        assertThat(total.gaveUp).isZero();
        assertThat(total.accepted).isEqualTo(CLIENTS * ROUNDS);
        assertThat(total.refused).as("more clients than places tried at once").isPositive();
        assertThat(attempts.places().most()).isLessThanOrEqualTo(MAX_CONNECTIONS);
        assertThat(sampler.most()).isLessThanOrEqualTo(MAX_CONNECTIONS);

        await().atMost(60, TimeUnit.SECONDS).until(() -> subscriber.receivedAll(published));
        System.out.printf("churn: the subscriber received %d of %d events (%d QoS 1 resends, %d arrived after a"
                        + " later event of the other QoS)%n",
                subscriber.received(), published, subscriber.redeliveries(), subscriber.crossQosInversions());
        assertThat(subscriber.firstProblem()).isNull();
        assertThat(subscriber.isConnected()).isTrue();

        await().atMost(30, TimeUnit.SECONDS).until(() -> broker.openConnections() == 1);
        assertThat(broker.connectedClientIds()).containsExactly(subscriber.clientId());
        assertThat(broker.subscriptions().snapshot()).extracting(ClientSubscriptions::clientId)
                .containsExactly(subscriber.clientId());
        assertThat(broker.backlogs().behindNow()).isZero();
        assertThat(broker.backlogs().allDrained()).isTrue();
        assertThat(IntStream.range(0, CLIENTS).mapToObj(i -> "churn-" + i))
                .allSatisfy(id -> assertThat(broker.backlogs().waiting(id)).as(id).isEmpty());

        ProcessResources after = ProcessResources.measure();
        System.out.printf("churn: after: %s (heap %+d MiB, threads %+d, open files %+d)%n", after,
                after.heapUsedMiB() - before.heapUsedMiB(), after.threads() - before.threads(),
                after.openFiles() - before.openFiles());
        assertThat(after.heapUsedBytes() - before.heapUsedBytes()).isLessThan(32 * MIB);
        assertThat(after.threads()).isLessThanOrEqualTo(before.threads() + 4);
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(ProcessResources.countOpenFiles()).isLessThanOrEqualTo(before.openFiles() + 8));
    }

    /** Makes the broker start all its I/O threads and compile its paths before anything is measured. */
    private void warmUp() throws Exception {
        for (int i = 0; i < 40; i++) {
            Result result = attempts.start(new Plan("warm-up-" + i, FILTER, i % 2, 2, Leave.values()[i % 3]))
                    .done().get(30, TimeUnit.SECONDS);
            assertThat(result.returnCode()).isEqualTo(ACCEPTED);
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> broker.openConnections() == 1);
    }

    /** One client's rounds: in each, it tries until admitted, backing off after each refusal. */
    private CompletableFuture<Tally> runClient(String clientId, Random random) {
        CompletableFuture<Tally> rounds = CompletableFuture.completedFuture(new Tally());
        for (int round = 0; round < ROUNDS; round++) {
            rounds = rounds.thenCompose(tally -> {
                CompletableFuture<Tally> roundDone = new CompletableFuture<>();
                attempt(clientId, random, tally, 0, roundDone);
                return roundDone;
            });
        }
        return rounds;
    }

    private void attempt(String clientId, Random random, Tally tally, int refusals, CompletableFuture<Tally> roundDone) {
        Plan plan = new Plan(clientId, FILTER, random.nextInt(2), 1 + random.nextInt(MOST_MESSAGES_PER_ROUND),
                Leave.values()[random.nextInt(Leave.values().length)]);
        attempts.start(plan).done().whenComplete((result, failure) -> {
            if (failure != null) {
                tally.problem(clientId + ": " + failure);
                roundDone.complete(tally);
                return;
            }
            tally.add(result);
            if (result.returnCode() != SERVER_UNAVAILABLE) {
                roundDone.complete(tally);
            } else if (refusals + 1 >= ATTEMPTS_PER_ROUND) {
                tally.gaveUp++;
                roundDone.complete(tally);
            } else {
                long backOff = 5 + random.nextInt(5 + Math.min(200, 10 << Math.min(refusals, 5)));
                attempts.later(backOff, () -> attempt(clientId, random, tally, refusals + 1, roundDone));
            }
        });
    }

    private void subscriberReceivedEverything() throws Exception {
        int published = publisher.stop();
        await().atMost(60, TimeUnit.SECONDS).until(() -> subscriber.receivedAll(published));
        assertThat(subscriber.firstProblem()).isNull();
        assertThat(subscriber.isConnected()).isTrue();
    }

    private static List<Result> resultsOf(List<MqttAttempt> started) throws Exception {
        List<Result> results = new ArrayList<>();
        for (MqttAttempt attempt : started) {
            results.add(attempt.done().get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    /** What one client's rounds came to; touched by one thread at a time, each step after the last. */
    private static final class Tally {
        int accepted;
        int refused;
        int messages;
        int gaveUp;
        final List<String> problems = new ArrayList<>();

        void add(Result result) {
            if (result.returnCode() == ACCEPTED) {
                accepted++;
            } else if (result.returnCode() == SERVER_UNAVAILABLE) {
                refused++;
            }
            messages += result.messagesRead();
            if (result.problem() != null) {
                problem(result.clientId() + ": " + result.problem());
            } else if (result.returnCode() != ACCEPTED && result.returnCode() != SERVER_UNAVAILABLE) {
                problem(result.clientId() + ": CONNACK " + result.returnCode());
            }
        }

        void problem(String what) {
            problems.add(what);
        }

        Tally plus(Tally other) {
            Tally sum = new Tally();
            sum.accepted = accepted + other.accepted;
            sum.refused = refused + other.refused;
            sum.messages = messages + other.messages;
            sum.gaveUp = gaveUp + other.gaveUp;
            sum.problems.addAll(problems);
            sum.problems.addAll(other.problems);
            return sum;
        }
    }

    /** Reads the broker's count of open connections every millisecond and keeps the highest. */
    private static final class OpenConnectionsSampler implements AutoCloseable {
        private final AtomicInteger most = new AtomicInteger();
        private final Thread thread;
        private volatile boolean stopping;

        private OpenConnectionsSampler(NotificationBroker broker) {
            thread = new Thread(() -> {
                while (!stopping) {
                    most.accumulateAndGet(broker.openConnections(), Math::max);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }, "open-connections-sampler");
            thread.setDaemon(true);
        }

        static OpenConnectionsSampler start(NotificationBroker broker) {
            OpenConnectionsSampler sampler = new OpenConnectionsSampler(broker);
            sampler.thread.start();
            return sampler;
        }

        int most() {
            return most.get();
        }

        @Override
        public void close() throws InterruptedException {
            stopping = true;
            thread.join();
        }
    }
}
