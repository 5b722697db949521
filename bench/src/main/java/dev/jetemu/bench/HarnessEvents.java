package dev.jetemu.bench;

import dev.jetemu.bench.events.GeneratedEvents;
import dev.jetemu.bench.events.Stamp;

import java.util.Arrays;

/**
 * The routes scenario's events as the harness's JVM generates them with the device simulation's
 * own code: what subscribers check, and what the harness publishes to Mosquitto. Generated once,
 * for the largest load; smaller loads are their first events.
 */
final class HarnessEvents {

    private GeneratedEvents routes;
    private byte[][] templates;

    /** The first {@code count} events, with their payloads. */
    synchronized GeneratedEvents routes(int count) {
        if (routes == null || routes.size() < count) {
            routes = null;
            templates = null;
            routes = GeneratedEvents.routes(count, false, true);
        }
        return routes.first(count);
    }

    /** The stamped payload templates ({@link Stamp#template}) of the first {@code count} events. */
    synchronized byte[][] templates(int count) {
        routes(count);
        if (templates == null) {
            templates = new byte[routes.size()][];
            for (int i = 0; i < templates.length; i++) {
                templates[i] = Stamp.template(routes.payload(i));
            }
        }
        return Arrays.copyOf(templates, count);
    }
}
