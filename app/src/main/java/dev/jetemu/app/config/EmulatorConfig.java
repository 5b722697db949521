package dev.jetemu.app.config;

import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.access.Credentials;
import dev.jetemu.diagnostics.Diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a configuration file says, checked and with host names resolved. Each setting is empty when
 * the file does not set it, so that the command line can tell "not configured" from a value and
 * apply its own defaults and overrides.
 *
 * @param hostname             the device's host name ({@code device.hostname}, {@code set system host-name})
 * @param port                 the MQTT port; 0 asks for any free port
 * @param allowClients         empty when the file does not configure allow-clients at all (Junos then
 *                             refuses every client); a present empty list is an explicit "nobody"
 * @param maxConnections       the limit on open client connections
 * @param socketSendBufferSize SO_SNDBUF for client connections
 * @param users                credentials a client must present; empty when none are configured
 * @param httpPort             the control API's port; 0 for any free port, -1 for none
 * @param delivery             what is done about a subscriber that stops reading
 * @param notes                what the user should know but that did not stop loading: ignored set
 *                             lines, host-name resolutions
 */
public record EmulatorConfig(
        Optional<String> hostname,
        OptionalInt port,
        Optional<List<AllowRule>> allowClients,
        OptionalInt maxConnections,
        OptionalInt socketSendBufferSize,
        List<Credentials> users,
        OptionalInt httpPort,
        DeliveryConfig delivery,
        List<Diagnostic> notes) {

    public EmulatorConfig {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(port, "port");
        allowClients = Objects.requireNonNull(allowClients, "allowClients").map(List::copyOf);
        Objects.requireNonNull(maxConnections, "maxConnections");
        Objects.requireNonNull(socketSendBufferSize, "socketSendBufferSize");
        users = List.copyOf(users);
        Objects.requireNonNull(httpPort, "httpPort");
        Objects.requireNonNull(delivery, "delivery");
        notes = List.copyOf(notes);
    }

    /** No configuration file: nothing set, which is not the same as a file that sets nothing about allow-clients. */
    /** The control API's port written {@code off}: no API. */
    public static final int HTTP_OFF = -1;

    public static EmulatorConfig none() {
        return new EmulatorConfig(Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), List.of(), OptionalInt.empty(), DeliveryConfig.NONE, List.of());
    }
}
