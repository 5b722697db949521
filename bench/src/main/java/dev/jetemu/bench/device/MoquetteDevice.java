package dev.jetemu.bench.device;

import dev.jetemu.sim.run.BrokerControl;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.EventSink;
import dev.jetemu.sim.run.MessageWatch;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;

/**
 * Moquette 0.17 without jetemu: its own {@link Server}, clients connecting to it directly (no
 * access edge, no flow control), the device publishing with {@link Server#internalPublish}, the
 * way Moquette's documentation embeds it. What jetemu's broker costs on top of the engine it
 * embeds is the difference. Driven by {@link DeviceCommands}.
 */
public final class MoquetteDevice implements DeviceTarget {

    /** The client id internal publishes are made under, as Moquette asks for one. */
    private static final String DEVICE_ID = "jetemu-bench-device";
    /** The session queue jetemu's engine is assembled with, so that the two differ by jetemu's own layers only. */
    static final int SESSION_QUEUE_SIZE = 65_536;

    private final Server server;
    private final int port;

    private MoquetteDevice(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        DeviceCommands.serve(start());
    }

    /**
     * Moquette's server on a free loopback port: anonymous clients, persistence off (memory only),
     * telemetry off, messages up to 1 MiB, {@code session_queue_size} as jetemu's engine has it;
     * everything else is Moquette's default (buffers flushed as Moquette decides).
     */
    static MoquetteDevice start() throws IOException {
        int port = freePort();
        Properties properties = new Properties();
        properties.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
        properties.setProperty(BrokerConstants.PORT_PROPERTY_NAME, String.valueOf(port));
        properties.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        properties.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, String.valueOf(1 << 20));
        properties.setProperty(BrokerConstants.SESSION_QUEUE_SIZE, String.valueOf(SESSION_QUEUE_SIZE));
        properties.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        Server server = new Server();
        server.startServer(new MemoryConfig(properties));
        return new MoquetteDevice(server, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public EventSink sink() {
        return (topic, payload, qos) -> server.internalPublish(new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.valueOf(qos), false, 0),
                new MqttPublishVariableHeader(topic, 0), Unpooled.wrappedBuffer(payload)), DEVICE_ID);
    }

    /** Moquette's API lists connected clients, not subscriptions: the harness connects only subscribers. */
    @Override
    public BrokerView view() {
        return new BrokerView() {
            @Override
            public int subscribersOverlapping(String filter) {
                return server.listConnectedClients().size();
            }

            @Override
            public MessageWatch watch(String filter) {
                throw new UnsupportedOperationException("the benchmark's scenarios expect no messages");
            }
        };
    }

    @Override
    public BrokerControl control() {
        return BrokerControl.NONE;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
