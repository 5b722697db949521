package dev.jetemu.app.cli;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A JET application with a persistent session: Paho, MQTT 3.1.1, clean session off, one client id,
 * and a new Paho client for each connection, as an application that restarted would make. Keeps
 * every message that arrives, as {@code topic payload}, across its connections.
 */
final class PersistentApp implements AutoCloseable {

    private final String clientId;
    private final int port;
    private final List<String> arrived = new CopyOnWriteArrayList<>();
    private MqttClient client;
    private volatile Socket socket;

    PersistentApp(String clientId, int port) {
        this.clientId = clientId;
        this.port = port;
    }

    /** @return the CONNACK's session-present flag */
    boolean connect() throws MqttException {
        client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // the test decides when to come back
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                arrived.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
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
        options.setSocketFactory(new LocalSockets(InetAddress.getLoopbackAddress(), created -> socket = created));
        return client.connectWithResult(options).getSessionPresent();
    }

    void subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1);
    }

    /** DISCONNECT, then close: an application that stops cleanly. */
    void disconnect() throws MqttException {
        client.disconnect(5000);
        client.close();
        client = null;
    }

    /** Closes the TCP connection under the client without DISCONNECT: a crash. */
    void dropConnection() throws Exception {
        socket.close();
        MqttClient dropped = client;
        await().atMost(10, TimeUnit.SECONDS).until(() -> !dropped.isConnected());
        dropped.close(true);
        client = null;
    }

    /** Every message once, in the order each first arrived. */
    List<String> distinct() {
        Set<String> seen = new LinkedHashSet<>(arrived);
        return new ArrayList<>(seen);
    }

    /** How many messages arrived more than once. */
    int repeats() {
        return arrived.size() - distinct().size();
    }

    @Override
    public void close() throws MqttException {
        if (client != null) {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close(true);
        }
    }
}
