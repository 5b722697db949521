/**
 * IPv4 and IPv6 addresses and prefixes as the device model needs them: strict parsing of literals
 * (never DNS), canonical text (RFC 5952 for IPv6), and the subnet arithmetic of an interface address.
 *
 * <p>Values are small records, because a routing table holds a million prefixes as map keys.
 */
package dev.jetemu.sim.net;
