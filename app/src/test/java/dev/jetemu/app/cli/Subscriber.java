package dev.jetemu.app.cli;

import dev.jetemu.sim.event.JetEventParser;
import dev.jetemu.sim.event.ParsedJetEvent;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;


/** A JET application's notification session in Java: Paho, clean session, subscribing with given filters. */
final class Subscriber implements AutoCloseable {

    /** One message as received: its topic and its payload parsed as the JET client parses it. */
    record Received(String topic, ParsedJetEvent event) {
    }

    private record Raw(String topic, byte[] payload) {
    }

    private final MqttClient client;
    /** Kept raw: the callback must be quick, or Paho's small queue of arrived messages fills up. */
    private final List<Raw> arrived = new CopyOnWriteArrayList<>();

    private Subscriber(MqttClient client) {
        this.client = client;
    }

    /** Connects as soon as the broker on {@code port} accepts, and subscribes to every filter at QoS 0. */
    static Subscriber connect(int port, String... filters) throws MqttException {
        MqttClient client = PahoClients.connected(port);
        Subscriber subscriber = new Subscriber(client);
        for (String filter : filters) {
            client.subscribe(filter, 0, (topic, message) -> subscriber.arrived.add(new Raw(topic, message.getPayload())));
        }
        return subscriber;
    }

    /** What arrived so far, each payload parsed as the JET client parses it. */
    List<Received> received() {
        return arrived.stream().map(raw -> new Received(raw.topic(), JetEventParser.parse(raw.payload()))).toList();
    }

    List<String> topics() {
        return arrived.stream().map(Raw::topic).toList();
    }

    /** The payloads as they arrived, as text. */
    List<String> payloads() {
        return arrived.stream().map(raw -> new String(raw.payload(), java.nio.charset.StandardCharsets.UTF_8)).toList();
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
