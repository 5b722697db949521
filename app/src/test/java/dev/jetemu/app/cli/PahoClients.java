package dev.jetemu.app.cli;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** Paho clients as the tests' applications connect them: MQTT 3.1.1, clean session, on loopback. */
final class PahoClients {

    private PahoClients() {
    }

    /** Connected as soon as the broker on {@code port} accepts (it may still be starting), with a generated id. */
    static MqttClient connected(int port) throws MqttException {
        return connected(port, MqttClient.generateClientId());
    }

    /** Connected as soon as the broker on {@code port} accepts, under {@code clientId}. */
    static MqttClient connected(int port, String clientId) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        await().atMost(30, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            client.connect(options);
            return true;
        });
        return client;
    }
}
