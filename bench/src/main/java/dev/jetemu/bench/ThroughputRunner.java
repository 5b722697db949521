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
 * Runs one throughput case once on one broker: connect and subscribe, get the publisher ready,
 * then start the clock and the CPU readings, publish the routes scenario's events at full speed,
 * and stop both when the last subscriber has received the last event.
 */
final class ThroughputRunner {

    private final ClientLoop clients;
    private final HarnessEvents events;
    private int runIds;

    ThroughputRunner(ClientLoop clients, HarnessEvents events) {
        this.clients = clients;
        this.events = events;
    }

    RunResult run(BrokerUnderTest broker, CaseSpec spec, int count, int run) {
        String idPrefix = "bench-" + broker.name().toLowerCase(Locale.ROOT) + "-" + (++runIds);
        List<String> problems = new ArrayList<>();
        boolean lossAllowed = broker.dropsWhenBehind() && spec.qos() == 0;
        try (SubscriberSet subscribers = SubscriberSet.subscribe(clients, broker.port(), idPrefix, spec.subscribers(),
                spec.qos(), events.routes(count), CheckingSubscriber.Payloads.EXACT)) {
            broker.prepareRoutes(count, spec.subscribers());
            long brokerCpu = broker.cpuNanos();
            long harnessCpu = ProcStatus.ownCpuNanos();
            long start = System.nanoTime();
            CompletableFuture<Long> publishing = broker.publishRoutes(spec.qos());
            SubscriberSet.Delivery delivery = subscribers.await(publishing, lossAllowed);
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
            long elapsed = delivery.lastReceivedNanos() == 0 ? 0 : delivery.lastReceivedNanos() - start;
            return new RunResult(spec, broker.name(), run, count, elapsed, publishNanos, brokerCpu, harnessCpu,
                    delivery.missing(), delivery.resends(), problems);
        } catch (Exception e) {
            problems.add("the run could not complete: " + e);
            return RunResult.failed(spec, broker.name(), run, count, problems);
        }
    }
}
