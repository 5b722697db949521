package dev.jetemu.broker;

import dev.jetemu.broker.access.AllowClients;
import dev.jetemu.broker.access.Credentials;
import dev.jetemu.broker.flow.FlowSettings;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the notification broker needs to run: the Junos
 * {@code system services extension-service notification} settings, resolved and checked.
 *
 * @param bindAddress           the local address to listen on; {@code ::} listens on every IPv4 and IPv6 address
 * @param port                  the MQTT port; 0 picks a free one (the chosen port is {@link NotificationBroker#port()})
 * @param allowClients          who may connect, by TCP peer address; empty admits nobody
 * @param maxConnections        how many client connections may be open at once, when limited
 * @param socketSendBufferSize  SO_SNDBUF for client connections, when set
 * @param users                 when not empty, a client must present one of these in its CONNECT
 * @param maxMessageBytes       the largest MQTT packet a client may send
 * @param flow                  when a subscriber is behind, and what is done about one that stops reading
 */
public record BrokerSettings(
        String bindAddress,
        int port,
        AllowClients allowClients,
        OptionalInt maxConnections,
        OptionalInt socketSendBufferSize,
        List<Credentials> users,
        int maxMessageBytes,
        FlowSettings flow) {

    public static final int DEFAULT_PORT = 1883;
    public static final String ALL_ADDRESSES = "::";
    /** Large enough for any jet-event or application message; Moquette's own default is 8 KiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    public BrokerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(allowClients, "allowClients");
        Objects.requireNonNull(maxConnections, "maxConnections");
        Objects.requireNonNull(socketSendBufferSize, "socketSendBufferSize");
        Objects.requireNonNull(flow, "flow");
        users = List.copyOf(users);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
        }
    }

    /** Loopback clients only, on the given port: the emulator's behaviour without configuration. */
    public static BrokerSettings loopbackOnly(int port) {
        return new BrokerSettings(ALL_ADDRESSES, port, AllowClients.loopback(), OptionalInt.empty(),
                OptionalInt.empty(), List.of(), DEFAULT_MAX_MESSAGE_BYTES, FlowSettings.DEFAULTS);
    }

    public BrokerSettings withAllowClients(AllowClients allowed) {
        return new BrokerSettings(bindAddress, port, allowed, maxConnections, socketSendBufferSize, users, maxMessageBytes,
                flow);
    }

    public BrokerSettings withMaxConnections(int limit) {
        return new BrokerSettings(bindAddress, port, allowClients, OptionalInt.of(limit), socketSendBufferSize, users,
                maxMessageBytes, flow);
    }

    public BrokerSettings withUsers(List<Credentials> credentials) {
        return new BrokerSettings(bindAddress, port, allowClients, maxConnections, socketSendBufferSize, credentials,
                maxMessageBytes, flow);
    }

    public BrokerSettings withFlow(FlowSettings newFlow) {
        return new BrokerSettings(bindAddress, port, allowClients, maxConnections, socketSendBufferSize, users,
                maxMessageBytes, newFlow);
    }
}
