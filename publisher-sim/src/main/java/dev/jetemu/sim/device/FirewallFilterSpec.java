package dev.jetemu.sim.device;

import java.util.Objects;

/**
 * A firewall filter's settings, as its events carry them (the version is the device's to count).
 *
 * @param filterType    {@code classic}, {@code simple-filter} or {@code service-filter}
 * @param protocol      the filter's family: {@code inet}, {@code inet6}, {@code any}, {@code mpls} ...
 * @param interfaceName the unit the filter is applied to, {@code ge-0/0/0.0}, or empty
 * @param clientId      the JET client that installed it, or empty for a configured filter
 */
public record FirewallFilterSpec(String name, String filterType, String protocol, String interfaceName, String clientId) {

    public static final String DEFAULT_TYPE = "classic";
    public static final String DEFAULT_PROTOCOL = "inet";

    public FirewallFilterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filterType, "filterType");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(clientId, "clientId");
    }

    /** A classic inet filter applied nowhere, configured rather than installed by a client. */
    public static FirewallFilterSpec named(String name) {
        return new FirewallFilterSpec(name, DEFAULT_TYPE, DEFAULT_PROTOCOL, "", "");
    }

    public FirewallFilterSpec withFilterType(String filterType) {
        return new FirewallFilterSpec(name, filterType, protocol, interfaceName, clientId);
    }

    public FirewallFilterSpec withProtocol(String protocol) {
        return new FirewallFilterSpec(name, filterType, protocol, interfaceName, clientId);
    }

    public FirewallFilterSpec withInterfaceName(String interfaceName) {
        return new FirewallFilterSpec(name, filterType, protocol, interfaceName, clientId);
    }

    public FirewallFilterSpec withClientId(String clientId) {
        return new FirewallFilterSpec(name, filterType, protocol, interfaceName, clientId);
    }
}
