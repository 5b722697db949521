package dev.jetemu.bench;

import dev.jetemu.bench.mqtt.CheckingSubscriber;
import dev.jetemu.bench.mqtt.ClientLoop;
import dev.jetemu.bench.process.ProcStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one latency measurement once on one broker: one subscriber, the publisher at a fixed
 * rate stamping each event with its publish time, the subscriber subtracting it from the time
 * the event arrived.
 */
final class LatencyRunner {

    private final ClientLoop clients;
    private final HarnessEvents events;
    private int runIds;

    LatencyRunner(ClientLoop clients, HarnessEvents events) {
        this.clients = clients;
        this.events = events;
    }

    LatencyResult run(BrokerUnderTest broker, int qos, int count, double perSecond, int run) {
        String idPrefix = "bench-latency-" + broker.name().toLowerCase(Locale.ROOT) + "-" + (++runIds);
        List<String> problems = new ArrayList<>();
        boolean lossAllowed = broker.dropsWhenBehind() && qos == 0;
        try (SubscriberSet subscriber = SubscriberSet.subscribe(clients, broker.port(), idPrefix, 1, qos,
                events.routes(count), CheckingSubscriber.Payloads.STAMPED)) {
            broker.preparePaced(count);
            long brokerCpu = broker.cpuNanos();
            long harnessCpu = ProcStatus.ownCpuNanos();
            CompletableFuture<Long> publishing = broker.publishPaced(perSecond, qos);
            SubscriberSet.Delivery delivery = subscriber.await(publishing, lossAllowed);
            brokerCpu = broker.cpuNanos() - brokerCpu;
            harnessCpu = ProcStatus.ownCpuNanos() - harnessCpu;
            problems.addAll(delivery.problems());
            long publishNanos = 0;
            try {
                publishNanos = publishing.get(SubscriberSet.QUIET.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                problems.add("publisher: " + e);
            }
            if (!broker.isAlive()) {
                problems.add(broker.name() + " exited during the run");
            }
            if (!problems.isEmpty() && !broker.log().isEmpty()) {
                problems.add(broker.name() + " logged: " + broker.log());
            }
            return LatencyResult.of(broker.name(), qos, run, count, perSecond, publishNanos,
                    delivery.reports().get(0).latencies(), delivery.missing(), brokerCpu, harnessCpu, problems);
        } catch (Exception e) {
            problems.add("the run could not complete: " + e);
            return LatencyResult.failed(broker.name(), qos, run, count, perSecond, problems);
        }
    }
}
