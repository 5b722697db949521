package dev.jetemu.sim.device;

import dev.jetemu.diagnostics.Suggestions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The protocol a route comes from, as the route event's {@code route-type} names it. */
public enum RouteType {
    STATIC,
    /** The subnet of an interface address; added by the device with the address. */
    DIRECT,
    /** An interface address itself; added by the device with the address. */
    LOCAL,
    BGP,
    OSPF,
    OSPF3,
    ISIS,
    RIP,
    RIPNG,
    AGGREGATE,
    GENERATED,
    LDP,
    RSVP,
    ACCESS,
    ACCESS_INTERNAL;

    private static final List<String> WORDS = Arrays.stream(values()).map(RouteType::word).toList();

    private final String word = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** {@code static}, {@code access-internal}. */
    public String word() {
        return word;
    }

    /** @throws DeviceModelException naming the known types, and the closest one, when {@code word} is none */
    public static RouteType parse(String word) {
        for (RouteType type : values()) {
            if (type.word.equals(word)) {
                return type;
            }
        }
        String suggestion = word == null ? "" : Suggestions.didYouMean(word, WORDS).map(s -> " (did you mean " + s + "?)").orElse("");
        throw new DeviceModelException("route type '" + word + "' is not known; expected one of "
                + String.join(", ", WORDS) + suggestion);
    }

    @Override
    public String toString() {
        return word;
    }
}
