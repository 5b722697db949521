package dev.jetemu.junit5;

import dev.jetemu.sim.event.JetEventParser;
import dev.jetemu.sim.event.ParsedJetEvent;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JET application's notification session as a Java application has it: Paho, clean session, QoS 0. */
final class MqttApp implements AutoCloseable {

    /** One message as received: its topic, and its payload parsed as the JET client parses it. */
    record Received(String topic, ParsedJetEvent event) {
    }

    private record Raw(String topic, byte[] payload) {
    }

    private final MqttClient client;
    /** Kept raw: the callback must be quick, or Paho's small queue of arrived messages fills up. */
    private final List<Raw> arrived = new CopyOnWriteArrayList<>();

    private MqttApp(MqttClient client) {
        this.client = client;
    }

    /** Connects to {@code uri} as {@code clientId} and subscribes to every filter; returns once they are granted. */
    static MqttApp connect(String uri, String clientId, String... filters) throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        client.connect(options);
        MqttApp app = new MqttApp(client);
        for (String filter : filters) {
            client.subscribe(filter, 0, (topic, message) -> app.arrived.add(new Raw(topic, message.getPayload())));
        }
        return app;
    }

    List<Received> received() {
        return arrived.stream().map(raw -> new Received(raw.topic(), JetEventParser.parse(raw.payload()))).toList();
    }

    int count() {
        return arrived.size();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
