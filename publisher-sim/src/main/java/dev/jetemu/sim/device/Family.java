package dev.jetemu.sim.device;

import dev.jetemu.diagnostics.Suggestions;
import dev.jetemu.sim.net.IpVersion;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The protocol families a unit can carry, with the table each one's IFF events name. Only inet and
 * inet6 take IP addresses.
 */
public enum Family {
    INET("inet", "inet.0", IpVersion.IPV4),
    INET6("inet6", "inet6.0", IpVersion.IPV6),
    ISO("iso", "iso.0", null),
    MPLS("mpls", "mpls.0", null),
    /** Layer-2 switching (EX, QFX); the table is the default switch's bridge table, as forwarding tables name it. */
    ETHERNET_SWITCHING("ethernet-switching", "default-switch.bridge", null),
    /** Layer-2 bridging (MX); the same default-switch table. */
    BRIDGE("bridge", "default-switch.bridge", null),
    /** Circuit cross-connect; its circuits are entries of mpls.0, as {@code show route table mpls.0} lists them. */
    CCC("ccc", "mpls.0", null);

    private static final List<String> WORDS = Arrays.stream(values()).map(Family::word).toList();

    private final String word;
    private final String tableName;
    private final IpVersion addressVersion;

    Family(String word, String tableName, IpVersion addressVersion) {
        this.word = word;
        this.tableName = tableName;
        this.addressVersion = addressVersion;
    }

    /** {@code inet}: as configuration, topics and attributes spell it. */
    public String word() {
        return word;
    }

    /** The IFF event's {@code table-name}; for inet and inet6 also the table that gets the address routes. */
    public String tableName() {
        return tableName;
    }

    /** The IP version of the addresses the family takes; empty for a family that takes none. */
    public Optional<IpVersion> addressVersion() {
        return Optional.ofNullable(addressVersion);
    }

    /** @throws DeviceModelException naming the known families, and the closest one, when {@code word} is none */
    public static Family parse(String word) {
        for (Family family : values()) {
            if (family.word.equals(word)) {
                return family;
            }
        }
        String suggestion = word == null ? "" : Suggestions.didYouMean(word, WORDS).map(s -> " (did you mean " + s + "?)").orElse("");
        throw new DeviceModelException("family '" + word + "' is not a known family; expected one of "
                + String.join(", ", WORDS) + suggestion);
    }

    @Override
    public String toString() {
        return word;
    }
}
