package dev.jetemu.bench;

import dev.jetemu.bench.events.GeneratedEvents;
import dev.jetemu.bench.events.RouteScenario;
import dev.jetemu.bench.mqtt.CheckingSubscriber;
import dev.jetemu.bench.mqtt.ClientLoop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The subscribers of one run, all connected and subscribed before the first event is published.
 * The run is over when every one has received every event; or, once the publisher has finished,
 * when nothing more has arrived for {@link #QUIET}; or when nothing has arrived at all for
 * {@link #STALL}. What is missing then is reported as lost.
 */
final class SubscriberSet implements AutoCloseable {

    static final Duration QUIET = Duration.ofSeconds(2);
    static final Duration STALL = Duration.ofSeconds(30);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);
    private static final int SUBSCRIBE_ATTEMPTS = 3;

    private final List<CheckingSubscriber> subscribers;

    private SubscriberSet(List<CheckingSubscriber> subscribers) {
        this.subscribers = subscribers;
    }

    static SubscriberSet subscribe(ClientLoop loop, int port, String idPrefix, int count, int qos,
                                   GeneratedEvents expected, CheckingSubscriber.Payloads payloads) throws Exception {
        List<CheckingSubscriber> subscribers = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                subscribers.add(subscribeOne(loop, port, idPrefix + "-" + i, qos, expected, payloads));
            }
        } catch (Exception e) {
            subscribers.forEach(CheckingSubscriber::close);
            throw e;
        }
        return new SubscriberSet(subscribers);
    }

    /**
     * One subscriber, connected again when the broker closes the connection before it granted the
     * subscription: Moquette on its own does so now and then, when a SUBSCRIBE follows its CONNACK
     * at once (it logs "SUBSCRIBE received on already closed connection"). Nothing has been
     * published yet then, so connecting again changes no figure.
     */
    private static CheckingSubscriber subscribeOne(ClientLoop loop, int port, String clientId, int qos,
                                                   GeneratedEvents expected, CheckingSubscriber.Payloads payloads)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return CheckingSubscriber.subscribe(loop, port, clientId, RouteScenario.FILTER, qos, expected, payloads,
                        SUBSCRIBE_TIMEOUT);
            } catch (CheckingSubscriber.ClosedBeforeSubscribed e) {
                if (attempt == SUBSCRIBE_ATTEMPTS) {
                    throw e;
                }
                System.err.println("bench: " + e.getMessage() + "; connecting again");
            }
        }
    }

    /**
     * What the subscribers received.
     *
     * @param lastReceivedNanos when the last message of the run arrived ({@link System#nanoTime()}), or 0
     * @param missing           events missing, summed over the subscribers
     * @param problems          why the run failed; empty when it did not
     */
    record Delivery(long lastReceivedNanos, long missing, long resends, List<String> problems,
                    List<CheckingSubscriber.Report> reports) {
    }

    /** Waits for the end of the run (see the class comment); {@code publishing} tells when the publisher is done. */
    Delivery await(Future<?> publishing, boolean lossAllowed) throws InterruptedException {
        long lastTotal = -1;
        long lastProgress = System.nanoTime();
        while (!subscribers.stream().allMatch(CheckingSubscriber::complete)) {
            long now = System.nanoTime();
            long total = subscribers.stream().mapToLong(CheckingSubscriber::received).sum();
            if (total != lastTotal) {
                lastTotal = total;
                lastProgress = now;
            } else if ((publishing.isDone() && now - lastProgress > QUIET.toNanos())
                    || now - lastProgress > STALL.toNanos()) {
                break;
            }
            Thread.sleep(2);
        }
        List<String> problems = new ArrayList<>();
        List<CheckingSubscriber.Report> reports = new ArrayList<>();
        long last = 0;
        long missing = 0;
        long resends = 0;
        for (CheckingSubscriber subscriber : subscribers) {
            CheckingSubscriber.Report report = subscriber.report(lossAllowed);
            reports.add(report);
            report.problem().ifPresent(problems::add);
            missing += report.missing();
            resends += report.resends();
            last = Math.max(last, subscriber.lastReceivedNanos());
        }
        return new Delivery(last, missing, resends, problems, reports);
    }

    @Override
    public void close() {
        subscribers.forEach(CheckingSubscriber::close);
    }
}
