package dev.jetemu.sim.device;

import dev.jetemu.sim.net.InvalidAddressException;
import dev.jetemu.sim.net.IpAddress;
import dev.jetemu.sim.net.IpPrefix;
import dev.jetemu.sim.net.IpVersion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks next-hop lists and shares equal ones between routes. A generated million routes usually
 * use a handful of next-hop sets; sharing them saves a list and its strings per route. The memory of
 * lists seen is bounded, so a run with ever-new next hops does not hold on to them.
 */
final class NextHops {

    private static final int MAX_REMEMBERED = 4096;

    private final Map<List<String>, List<String>> remembered = new HashMap<>();
    /** The last list given and what it became: a generator passes the same list for route after route. */
    private List<String> lastGiven;
    private IpVersion lastVersion;
    private List<String> lastResult;

    /**
     * The next hops of a route to {@code prefix}, in canonical text, shared with equal lists seen before.
     *
     * @throws DeviceModelException when one is not an address of the prefix's IP version, or is repeated
     */
    List<String> canonical(List<String> given, IpPrefix prefix) {
        // Immutable (RouteSpec copies it), so the same instance still holds the same, checked, next hops.
        if (given == lastGiven && prefix.version() == lastVersion) {
            return lastResult;
        }
        List<String> result = check(given, prefix);
        lastGiven = given;
        lastVersion = prefix.version();
        lastResult = result;
        return result;
    }

    private List<String> check(List<String> given, IpPrefix prefix) {
        String[] canonical = null;
        for (int i = 0; i < given.size(); i++) {
            String text = given.get(i);
            IpAddress address;
            try {
                address = IpAddress.parse(text);
            } catch (InvalidAddressException e) {
                throw new DeviceModelException("next hop of route " + prefix + ": " + e.getMessage());
            }
            if (address.version() != prefix.version()) {
                throw new DeviceModelException("next hop " + address + " of route " + prefix + " is an " + address.version()
                        + " address; expected an " + prefix.version() + " address, as the route is " + prefix.version());
            }
            String canonicalText = address.toString();
            if (canonical == null && !canonicalText.equals(text)) {
                canonical = given.toArray(String[]::new);
            }
            if (canonical != null) {
                canonical[i] = canonicalText;
            }
        }
        List<String> hops = canonical == null ? List.copyOf(given) : List.of(canonical);
        checkDistinct(hops, prefix);
        List<String> shared = remembered.get(hops);
        if (shared != null) {
            return shared;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(hops, hops);
        return hops;
    }

    private static void checkDistinct(List<String> hops, IpPrefix prefix) {
        for (int i = 1; i < hops.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (hops.get(i).equals(hops.get(j))) {
                    throw new DeviceModelException("next hop " + hops.get(i) + " of route " + prefix
                            + " is listed twice; expected each next hop once");
                }
            }
        }
    }
}
