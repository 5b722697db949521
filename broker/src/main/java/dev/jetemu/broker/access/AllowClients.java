package dev.jetemu.broker.access;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The {@code allow-clients} list in force. As on Junos, an empty list admits nobody.
 */
public record AllowClients(List<AllowRule> rules) {

    public AllowClients {
        rules = List.copyOf(rules);
    }

    public static AllowClients none() {
        return new AllowClients(List.of());
    }

    /** Loopback only, IPv4 and IPv6: what the emulator allows when it is given no configuration. */
    public static AllowClients loopback() {
        return new AllowClients(List.of(
                new AllowRule("127.0.0.0/8", AddressPrefix.parse("127.0.0.0/8").orElseThrow()),
                new AllowRule("::1", AddressPrefix.parse("::1").orElseThrow())));
    }

    /** The first rule that admits {@code peer}, or empty when none does. */
    public Optional<AllowRule> admitting(InetAddress peer) {
        for (AllowRule rule : rules) {
            if (rule.prefix().contains(peer)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
