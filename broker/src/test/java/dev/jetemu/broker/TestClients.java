package dev.jetemu.broker;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real Paho clients for the broker tests, connecting from a chosen source address as the JET
 * client's {@code bind_address} does.
 */
final class TestClients {

    private static final AtomicInteger IDS = new AtomicInteger();

    private TestClients() {
    }

    /** Options whose socket has a receive buffer of {@code receiveBufferBytes}, so that little waits in the kernel. */
    static MqttConnectOptions options(String sourceAddress, int receiveBufferBytes) {
        MqttConnectOptions options = options(sourceAddress);
        options.setSocketFactory(new BoundSocketFactory(sourceAddress, receiveBufferBytes));
        return options;
    }

    static MqttConnectOptions options(String sourceAddress) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        // Paho retries a refused 3.1.1 CONNECT as 3.1 unless told the version.
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(60);
        options.setSocketFactory(new BoundSocketFactory(sourceAddress));
        return options;
    }

    static MqttClient client(String host, int port) throws MqttException {
        return new MqttClient("tcp://" + host + ":" + port, "test-" + IDS.incrementAndGet(), new MemoryPersistence());
    }

    /** Connects from 127.0.0.1 under a chosen client id. */
    static MqttClient connectAs(NotificationBroker broker, String clientId) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + broker.port(), clientId, new MemoryPersistence());
        client.connect(options("127.0.0.1"));
        return client;
    }

    /** Connects from {@code sourceAddress}; throws what the broker answered when it refused. */
    static MqttClient connect(NotificationBroker broker, String sourceAddress) throws MqttException {
        return connect(broker, sourceAddress, options(sourceAddress));
    }

    static MqttClient connect(NotificationBroker broker, String sourceAddress, MqttConnectOptions options)
            throws MqttException {
        String host = sourceAddress.contains(":") ? "[::1]" : "127.0.0.1";
        MqttClient client = client(host, broker.port());
        client.connect(options);
        return client;
    }

    /** The CONNACK return code of a refused connection attempt. */
    static int refusalCode(NotificationBroker broker, String sourceAddress, MqttConnectOptions options) {
        try {
            MqttClient client = connect(broker, sourceAddress, options);
            client.disconnect();
            client.close();
            return 0;
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    static int refusalCode(NotificationBroker broker, String sourceAddress) {
        return refusalCode(broker, sourceAddress, options(sourceAddress));
    }

    /** Subscribes and collects what arrives, as "topic payload" strings. */
    static List<String> collect(MqttClient client, String filter, int qos) throws MqttException {
        List<String> received = new CopyOnWriteArrayList<>();
        IMqttMessageListener listener = (topic, message) -> received.add(topic + " " + new String(message.getPayload()));
        client.subscribe(filter, qos, listener);
        return received;
    }

    static void publish(MqttClient client, String topic, String payload, int qos) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes());
        message.setQos(qos);
        client.publish(topic, message);
    }

    static void closeQuietly(MqttClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close(true);
        } catch (MqttException ignored) {
            // the test is over; a client that failed to close changes nothing it asserted
        }
    }

    /** Opens every socket from one local address, as a JET client with bind_address does. */
    static final class BoundSocketFactory extends SocketFactory {
        private final InetAddress local;
        private final int receiveBufferBytes;

        BoundSocketFactory(String localAddress) {
            this(localAddress, 0);
        }

        /** @param receiveBufferBytes SO_RCVBUF, or 0 for the kernel's default */
        BoundSocketFactory(String localAddress, int receiveBufferBytes) {
            try {
                this.local = InetAddress.getByName(localAddress);
            } catch (IOException e) {
                throw new IllegalArgumentException(localAddress, e);
            }
            this.receiveBufferBytes = receiveBufferBytes;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            if (receiveBufferBytes > 0) {
                socket.setReceiveBufferSize(receiveBufferBytes);
            }
            socket.bind(new InetSocketAddress(local, 0));
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = createSocket();
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket socket = createSocket();
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return createSocket(address, port);
        }
    }
}
