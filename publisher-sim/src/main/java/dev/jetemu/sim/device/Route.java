package dev.jetemu.sim.device;

import java.util.List;

/**
 * A route's value in its table, keyed there by its prefix. Two references: a million of them must fit
 * in a small heap, so next-hop lists are shared between routes where they are equal.
 */
record Route(RouteType type, List<String> nextHops) {
}
