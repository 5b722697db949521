package dev.jetemu.app.config;

import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.Position;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One entry of allow-clients as written in either form: an address, a prefix, or a host name. A host
 * name is resolved once, at load, as Junos does at commit, so a name that does not resolve is a
 * mistake the user hears about before any client is refused.
 */
final class AllowClientsEntry {

    static final String EXPECTATION =
            "an IPv4 or IPv6 address, a prefix such as 10.0.0.0/8, or a resolvable host name";

    /**
     * A host name has a letter somewhere; without that test {@code 10.1} or {@code 300.1.1.1} would go
     * to the resolver, which reads the first as 10.0.0.1 and the second as a name.
     */
    private static final Pattern HOST_NAME = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9._-]{1,255}");

    private AllowClientsEntry() {
    }

    /**
     * @return the rules the entry stands for: one for an address, one per resolved address for a
     *         host name, none when the entry was reported as wrong
     */
    static List<AllowRule> resolve(String text, Position at, Diagnostics diagnostics) {
        try {
            var prefix = AddressPrefix.parse(text);
            if (prefix.isPresent()) {
                return List.of(new AllowRule(text, prefix.get()));
            }
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, e.getMessage() + "; expected " + EXPECTATION);
            return List.of();
        }
        if (!HOST_NAME.matcher(text).matches()) {
            diagnostics.error(at, "'" + text + "' is neither an address nor a host name; expected " + EXPECTATION);
            return List.of();
        }
        return resolveHostName(text, at, diagnostics);
    }

    private static List<AllowRule> resolveHostName(String name, Position at, Diagnostics diagnostics) {
        List<AddressPrefix> hosts;
        try {
            hosts = new LinkedHashSet<>(Arrays.asList(InetAddress.getAllByName(name))).stream()
                    .map(AddressPrefix::host)
                    .toList();
        } catch (UnknownHostException e) {
            diagnostics.error(at, "host name '" + name + "' does not resolve; expected " + EXPECTATION);
            return List.of();
        }
        diagnostics.note(at, "allow-clients host name '" + name + "' resolves to "
                + hosts.stream().map(AllowClientsEntry::address).collect(Collectors.joining(", ")));
        return hosts.stream().map(host -> new AllowRule(name, host)).toList();
    }

    /** A host prefix printed as the bare address the user would write: {@code ::1}, not {@code ::1/128}. */
    private static String address(AddressPrefix host) {
        String written = host.toString();
        return written.substring(0, written.lastIndexOf('/'));
    }
}
