package dev.jetemu.sim.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The fault steps: {@code disconnect-clients}, {@code restart-broker}, {@code pause-delivery},
 * {@code drop-events} and {@code duplicate-events}.
 */
final class FaultSteps {

    /** How long restart-broker keeps the broker down when the step does not say. */
    static final Duration DEFAULT_DOWN_FOR = Duration.ofSeconds(1);
    /** The device's events: what drop-events and duplicate-events act on when the step does not say. */
    static final String DEVICE_EVENTS = "/junos/#";
    static final String EVERY_CLIENT = "*";

    private static final String CLIENTS = "clients";
    private static final String DOWN_FOR = "down-for";
    private static final String FOR = "for";
    private static final String COUNT = "count";
    private static final String FILTER = "filter";

    private static final String CLIENTS_EXPECTATION = "a pattern of client ids such as app-* (* any characters, "
            + "? one character), or * for every client";
    private static final String COUNT_EXPECTATION = "a whole number of messages, at least 1";

    private FaultSteps() {
    }

    static List<StepType> types() {
        return List.of(
                StepType.withShorthand(DisconnectClients.KEYWORD, List.of(CLIENTS), CLIENTS_EXPECTATION,
                        (f, keyword, at) -> {
                            String clients = clients(f);
                            return f.ok() ? List.of(new DisconnectClients(at, clients)) : List.of();
                        }),
                StepType.withShorthand(RestartBroker.KEYWORD, List.of(DOWN_FOR), "a duration such as 2s",
                        (f, keyword, at) -> {
                            Duration downFor = f.duration(DOWN_FOR, false).orElse(DEFAULT_DOWN_FOR);
                            return f.ok() ? List.of(new RestartBroker(at, downFor)) : List.of();
                        }),
                StepType.withShorthand(PauseDelivery.KEYWORD, List.of(FOR), "a duration such as 5s",
                        (f, keyword, at) -> {
                            Optional<Duration> duration = f.required(FOR, "a duration such as 5s")
                                    ? f.duration(FOR, true) : Optional.empty();
                            return f.ok() ? List.of(new PauseDelivery(at, duration.get())) : List.of();
                        }),
                deliveryFault(DeliveryFault.Kind.DROP),
                deliveryFault(DeliveryFault.Kind.DUPLICATE));
    }

    private static StepType deliveryFault(DeliveryFault.Kind kind) {
        return StepType.withShorthand(kind.keyword(), List.of(COUNT, CLIENTS, FILTER), COUNT_EXPECTATION,
                (f, keyword, at) -> {
                    Optional<Integer> count = f.required(COUNT, COUNT_EXPECTATION)
                            ? f.integer(COUNT, 1, Integer.MAX_VALUE, COUNT_EXPECTATION) : Optional.empty();
                    String clients = clients(f);
                    Optional<String> filter = f.has(FILTER) ? ControlSteps.filter(f) : Optional.of(DEVICE_EVENTS);
                    return f.ok() ? List.of(new DeliveryFault(at, kind, count.get(), clients, filter.get())) : List.of();
                });
    }

    private static String clients(FieldReader f) {
        Optional<String> clients = f.text(CLIENTS, CLIENTS_EXPECTATION);
        if (clients.isPresent() && clients.get().isBlank()) {
            f.error(f.position(CLIENTS), CLIENTS + " is empty; expected " + CLIENTS_EXPECTATION);
        }
        return clients.orElse(EVERY_CLIENT);
    }
}
