package dev.jetemu.broker;

import dev.jetemu.broker.FuzzConnection.Result;
import dev.jetemu.broker.MqttFuzzCases.Kind;
import dev.jetemu.broker.edge.ProtocolViolation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks each played fuzz case against what the broker had to do with it, and counts: cases by
 * kind, violations the broker reported, and what became of the cases whose outcome was open.
 * Thread-safe: cases are played on many threads.
 */
final class FuzzTally {

    private static final int FAILURES_KEPT = 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Map<Kind, LongAdder> cases = new EnumMap<>(Kind.class);
    private final Map<ProtocolViolation, LongAdder> violations = new EnumMap<>(ProtocolViolation.class);
    private final LongAdder closedByBroker = new LongAdder();
    private final LongAdder eitherClosedWithoutViolation = new LongAdder();
    private final LongAdder eitherViolationAfterClientClosed = new LongAdder();
    private final AtomicLong failures = new AtomicLong();
    private final List<String> firstFailures = new ArrayList<>();
    private final List<String> quietCloses = new ArrayList<>();

    FuzzTally() {
        for (Kind kind : Kind.values()) {
            cases.put(kind, new LongAdder());
        }
        for (ProtocolViolation violation : ProtocolViolation.values()) {
            violations.put(violation, new LongAdder());
        }
    }

    void add(Result result) {
        cases.get(result.fuzzCase().kind()).increment();
        ConnectionLedger.Entry entry = result.entry();
        List<ProtocolViolation> reported = List.copyOf(entry.violations());
        reported.forEach(violation -> violations.get(violation).increment());
        if (result.closedByBroker()) {
            closedByBroker.increment();
        }
        String problem = problem(result, entry, reported);
        if (problem != null) {
            failures.incrementAndGet();
            synchronized (firstFailures) {
                if (firstFailures.size() < FAILURES_KEPT) {
                    firstFailures.add(result.fuzzCase() + ": " + problem);
                }
            }
        }
    }

    private String problem(Result result, ConnectionLedger.Entry entry, List<ProtocolViolation> reported) {
        if (!entry.opened() || !entry.closed()) {
            return "the broker reported the connection " + (entry.opened() ? "opened but never closed" : "never opened");
        }
        if (entry.openedTwice()) {
            return "a second connection from the same port before this one was taken (a test problem)";
        }
        if (reported.size() > 1) {
            return "more than one violation reported: " + reported;
        }
        Kind kind = result.fuzzCase().kind();
        return switch (kind.outcome()) {
            case CLOSES -> !result.closedByBroker() ? "the broker kept the connection open"
                    : !reported.equals(List.copyOf(kind.violations()))
                    ? "reported " + reported + ", expected " + kind.violations() : null;
            case WAITS -> result.closedByBroker() ? "the broker closed a connection that ends inside a packet, reporting "
                    + reported
                    : reported.isEmpty() || lastedConnectTimeout(result, reported) ? null
                    : "reported " + reported + " for a connection that ends inside a packet";
            case EITHER -> {
                if (result.closedByBroker() && reported.isEmpty()) {
                    eitherClosedWithoutViolation.increment();
                    synchronized (quietCloses) {
                        if (quietCloses.size() < 5) {
                            quietCloses.add(result.fuzzCase().toString());
                        }
                    }
                } else if (!result.closedByBroker() && !reported.isEmpty()) {
                    eitherViolationAfterClientClosed.increment();
                }
                yield null;
            }
        };
    }

    /** A case whose client was held up past the connect timeout may see the broker close it for that. */
    private static boolean lastedConnectTimeout(Result result, List<ProtocolViolation> reported) {
        return reported.equals(List.of(ProtocolViolation.CONNECT_TIMEOUT))
                && Duration.ofNanos(result.elapsedNanos()).compareTo(CONNECT_TIMEOUT) >= 0;
    }

    long failures() {
        return failures.get();
    }

    List<String> firstFailures() {
        synchronized (firstFailures) {
            return List.copyOf(firstFailures);
        }
    }

    long cases(Kind kind) {
        return cases.get(kind).sum();
    }

    long violations(ProtocolViolation violation) {
        return violations.get(violation).sum();
    }

    long closedByBroker() {
        return closedByBroker.sum();
    }

    /** Random or mutated cases the broker closed without reporting a violation (a DISCONNECT among the bytes, say). */
    long eitherClosedWithoutViolation() {
        return eitherClosedWithoutViolation.sum();
    }

    /** Random or mutated cases whose client closed before it saw the broker close them for a violation. */
    long eitherViolationAfterClientClosed() {
        return eitherViolationAfterClientClosed.sum();
    }

    String summary() {
        StringBuilder text = new StringBuilder("  cases by kind:");
        cases.forEach((kind, count) -> text.append(' ').append(kind).append('=').append(count.sum()));
        text.append("\n  violations reported:");
        violations.forEach((violation, count) -> text.append(' ').append(violation.label()).append('=').append(count.sum()));
        text.append("\n  closed by the broker: ").append(closedByBroker.sum())
                .append("; random or mutated cases closed without a violation: ").append(eitherClosedWithoutViolation())
                .append(", with a violation after the client closed: ").append(eitherViolationAfterClientClosed());
        synchronized (quietCloses) {
            quietCloses.forEach(quiet -> text.append("\n    closed without a violation: ").append(quiet));
        }
        return text.toString();
    }
}
