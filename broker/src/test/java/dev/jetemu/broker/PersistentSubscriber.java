package dev.jetemu.broker;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A JET application that keeps its session across connections: Paho, MQTT 3.1.1, clean session
 * off, one fixed client id. Every message that arrives on any of its connections is kept with its
 * sequence number ({@link SequenceCheckingSubscriber#payload}) and its DUP flag, so a test can
 * check that what was published while it was away arrived exactly once (resends aside) and in order.
 *
 * <p>Each {@link #connect()} is a new Paho client, as an application that restarted would make: no
 * state of the earlier connection survives on the client's side.
 */
final class PersistentSubscriber implements AutoCloseable {

    /** One message as it arrived: its sequence number and whether it was marked as a resend. */
    record Arrival(int sequence, boolean duplicate) {
    }

    private final String clientId;
    private final int port;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private MqttClient client;
    private volatile Socket socket;

    PersistentSubscriber(String clientId, int port) {
        this.clientId = clientId;
        this.port = port;
    }

    String clientId() {
        return clientId;
    }

    /**
     * Connects with clean session off.
     *
     * @return the CONNACK's session-present flag: whether the broker kept a session for this id
     */
    boolean connect() throws MqttException {
        client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // the test dropped the connection, or the broker did; the test reconnects when it wants
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                byte[] payload = message.getPayload();
                int sequence = Integer.parseInt(new String(payload, 0, 6, StandardCharsets.US_ASCII));
                arrivals.add(new Arrival(sequence, message.isDuplicate()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // it publishes nothing
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(60);
        options.setSocketFactory(new RememberingSocketFactory());
        return client.connectWithResult(options).getSessionPresent();
    }

    void subscribe(String filter, int qos) throws MqttException {
        client.subscribe(filter, qos);
    }

    /** Sends DISCONNECT and closes, as an application that stops cleanly does. */
    void disconnect() throws MqttException {
        client.disconnect(5000);
        client.close();
    }

    /** Closes the TCP connection under the client, without DISCONNECT: a crash, a cable pulled. */
    void dropConnection() throws Exception {
        socket.close();
        await().atMost(10, TimeUnit.SECONDS).until(() -> !client.isConnected());
        client.close(true);
    }

    boolean isConnected() {
        return client != null && client.isConnected();
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** How many distinct sequence numbers arrived so far. */
    long distinct() {
        return arrivals.stream().mapToInt(Arrival::sequence).distinct().count();
    }

    /**
     * Null when messages {@code 0} to {@code count - 1} each arrived, the first time in order;
     * otherwise the first gap or reordering. A message that arrives again (a resend of one whose
     * acknowledgement was lost with the connection) is counted by {@link #repeats()}, not here.
     */
    String firstProblem(int count) {
        int next = 0;
        for (Arrival arrival : arrivals) {
            if (arrival.sequence() == next) {
                next++;
            } else if (arrival.sequence() > next) {
                return "expected message " + next + " but got " + arrival.sequence();
            }
        }
        return next == count ? null : "received " + next + " of " + count + " messages";
    }

    /** How many messages arrived more than once. */
    long repeats() {
        return arrivals.size() - distinct();
    }

    @Override
    public void close() {
        if (client != null) {
            TestClients.closeQuietly(client);
        }
    }

    /** Opens sockets from 127.0.0.1 and keeps the last one, for {@link #dropConnection()}. */
    private final class RememberingSocketFactory extends SocketFactory {

        @Override
        public Socket createSocket() throws IOException {
            Socket created = new Socket();
            created.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket = created;
            return created;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(address, port));
        }

        private Socket connected(InetSocketAddress remote) throws IOException {
            Socket created = createSocket();
            created.connect(remote);
            return created;
        }
    }
}
