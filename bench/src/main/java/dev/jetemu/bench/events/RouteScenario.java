package dev.jetemu.bench.events;

import java.time.Instant;

/**
 * The scenario every measured load comes from: a device with one interface, then
 * {@code routes-generate} (and, for the memory measurement, {@code routes-withdraw}) of a given
 * count, as a user would write it (see scenarios/FORMAT.md). Run under virtual time from a fixed
 * instant, it makes the same events, byte for byte, wherever it runs: in jetemu's JVM as the
 * device, and in the harness's JVM to feed Mosquitto and to check what subscribers receive.
 */
public final class RouteScenario {

    /** What the subscribers subscribe to: every route event, as an application following the routing table does. */
    public static final String FILTER = "/junos/events/kernel/route/#";
    /** The scenario clock's start: the {@code time} of every event, so that payloads are the same in every run. */
    public static final Instant START = Instant.parse("2026-11-21T08:00:00Z");
    public static final String HOSTNAME = "vmx1-bench";
    static final long SEED = 2026;

    private RouteScenario() {
    }

    /**
     * {@code routes-generate} of {@code count} BGP routes, after an {@code await-subscribers} for
     * {@code subscribers} clients when there are any (as a scenario waits for the application it
     * feeds); with {@code withdraw}, a {@code routes-withdraw} of them all after it.
     */
    public static String yaml(int count, int subscribers, boolean withdraw) {
        StringBuilder yaml = new StringBuilder();
        yaml.append(withdraw ? "name: bench-routes-add-withdraw\n" : "name: bench-routes\n");
        yaml.append("description: ").append(count).append(" BGP routes added")
                .append(withdraw ? " then withdrawn" : "").append(", as fast as the device can\n");
        yaml.append("""
                device:
                  hostname: %s
                  interfaces: [{ name: xe-0/0/0, units: [{ unit: 0, families: { inet: [192.0.2.1/30] } }] }]
                steps:
                """.formatted(HOSTNAME));
        if (subscribers > 0) {
            yaml.append("  - await-subscribers: { filter: \"").append(FILTER).append("\", count: ").append(subscribers)
                    .append(", timeout: 60s }\n");
        }
        yaml.append("  - routes-generate: { count: ").append(count).append(", seed: ").append(SEED)
                .append(", next-hops: [192.0.2.2], type: bgp }\n");
        if (withdraw) {
            yaml.append("  - routes-withdraw: { count: ").append(count).append(", seed: ").append(SEED).append(" }\n");
        }
        return yaml.toString();
    }

    /** How many events the scenario of {@link #yaml} publishes: one per route added, one per route withdrawn. */
    public static long events(int count, boolean withdraw) {
        return withdraw ? 2L * count : count;
    }
}
