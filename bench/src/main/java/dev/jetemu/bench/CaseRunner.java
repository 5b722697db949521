package dev.jetemu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one case once on one broker: connect and subscribe, prepare the publisher, then start the
 * clock and the broker's CPU reading, publish at full speed, and stop both when the last
 * subscriber has received the last event.
 */
final class CaseRunner {

    /** A subscriber that receives nothing for this long has lost what it waits for. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);
    /** Once every subscriber has everything, the publisher has long finished; this only guards a hang. */
    static final Duration PUBLISHER_TIMEOUT = Duration.ofSeconds(30);

    private int runIds;

    RunResult run(BrokerUnderTest broker, CaseSpec spec, int events, int run) {
        String idPrefix = "bench-" + broker.name().toLowerCase(Locale.ROOT) + "-" + (++runIds);
        List<String> problems = new ArrayList<>();
        try (SubscriberSet subscribers = SubscriberSet.connect(broker.port(), idPrefix, spec.subscribers(), spec.qos(),
                events)) {
            broker.prepare(events);
            long brokerCpu = broker.cpuNanos();
            long harnessCpu = ProcCpu.ownNanos();
            long start = System.nanoTime();
            BrokerUnderTest.Publishing publishing = broker.startPublishing(spec.qos());
            SubscriberSet.Delivery delivery = subscribers.await(STALL_TIMEOUT);
            brokerCpu = broker.cpuNanos() - brokerCpu;
            harnessCpu = ProcCpu.ownNanos() - harnessCpu;
            problems.addAll(delivery.problems());
            long publishNanos = 0;
            try {
                publishNanos = publishing.await(PUBLISHER_TIMEOUT);
            } catch (Exception e) {
                problems.add("publisher: " + e.getMessage());
            }
            if (!broker.isAlive()) {
                problems.add(broker.name() + " exited during the run");
            }
            if (!problems.isEmpty() && !broker.log().isEmpty()) {
                problems.add(broker.name() + " logged: " + broker.log());
            }
            long elapsed = delivery.lastDoneNanos() == 0 ? 0 : delivery.lastDoneNanos() - start;
            return new RunResult(spec, broker.name(), run, events, elapsed, publishNanos, brokerCpu, harnessCpu,
                    problems);
        } catch (Exception e) {
            problems.add("the run could not complete: " + e);
            return RunResult.failed(spec, broker.name(), run, events, problems);
        }
    }
}
