package dev.jetemu.sim.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A scenario file, loaded and checked: the device's initial state (built without publishing)
 * and the steps to run on it.
 *
 * @param file         the file as the user named it, for messages
 * @param name         the scenario's name (the file name without extension when not given)
 * @param hostname     the device's host name when the file sets one
 * @param initialState changes that build the initial state; their events are not published
 */
public record Scenario(String file, String name, String description, Optional<String> hostname,
                       List<DeviceChange> initialState, List<Step> steps) {

    public Scenario {
        initialState = List.copyOf(initialState);
        steps = List.copyOf(steps);
    }
}
