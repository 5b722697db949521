package dev.jetemu.app.cli;

import dev.jetemu.app.settings.EmulatorSettings;
import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.access.AllowRule;

import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code serve} prints on stdout when it starts: where it listens, who may connect, the
 * host name, and last the fixed line {@value #READY} that scripts and containers wait for.
 */
final class StartupReport {

    static final String READY = "Ready.";

    private StartupReport() {
    }

    static void print(PrintWriter out, EmulatorSettings settings, InetSocketAddress listening) {
        print(out, settings, listening, Optional.empty());
    }

    /** @param httpPort the control API's port, when it is served */
    static void print(PrintWriter out, EmulatorSettings settings, InetSocketAddress listening,
                      Optional<Integer> httpPort) {
        BrokerSettings broker = settings.broker();
        out.println("jetemu " + Version.current() + " - emulated Junos JET notification service");
        out.println("  hostname:        " + settings.hostname());
        out.println("  listening on:    " + describe(listening));
        out.println("  allow-clients:   " + allowClients(settings) + " (" + settings.allowSource().explanation() + ")");
        out.println("  max-connections: " + broker.maxConnections().stream().mapToObj(String::valueOf)
                .findFirst().orElse("not limited"));
        broker.socketSendBufferSize().ifPresent(size ->
                out.println("  broker-socket-send-buffer-size: " + size));
        if (!broker.users().isEmpty()) {
            out.println("  users:           " + broker.users().size() + " (clients must log in)");
        }
        httpPort.ifPresent(port -> out.println("  control API:     http://" + loopbackOr(listening) + ":" + port
                + "/ (live page; /health, /metrics, /api)"));
        out.println(READY);
        out.flush();
    }

    private static String allowClients(EmulatorSettings settings) {
        if (settings.broker().allowClients().isEmpty()) {
            return "none";
        }
        return settings.broker().allowClients().rules().stream()
                .map(AllowRule::toString)
                .collect(Collectors.joining(", "));
    }

    /** Where a browser on this machine reaches a server bound like the broker. */
    private static String loopbackOr(InetSocketAddress listening) {
        if (listening.getAddress().isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        String host = listening.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String describe(InetSocketAddress address) {
        if (address.getAddress().isAnyLocalAddress()) {
            return "port " + address.getPort() + (address.getAddress() instanceof Inet6Address
                    ? " on every IPv4 and IPv6 address" : " on every IPv4 address (IPv6 is off here)");
        }
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
