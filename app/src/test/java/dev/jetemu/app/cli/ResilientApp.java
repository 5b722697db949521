package dev.jetemu.app.cli;

import dev.jetemu.sim.event.JetEventParser;
import dev.jetemu.sim.event.ParsedJetEvent;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A JET application as a careful one is written: a fixed client id, automatic reconnection, and
 * its subscription made again on every (re)connection, since a clean session loses it. Records
 * what arrives, with the DUP flag and the arrival time, and how often the connection was lost.
 */
final class ResilientApp implements AutoCloseable {

    /** One message as it arrived. */
    record Arrival(String topic, ParsedJetEvent event, boolean duplicate, Instant arrivedAt) {
    }

    private final MqttClient client;
    private final String filter;
    private final int qos;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final List<Instant> lost = new CopyOnWriteArrayList<>();
    private final AtomicInteger subscribed = new AtomicInteger();

    private ResilientApp(MqttClient client, String filter, int qos) {
        this.client = client;
        this.filter = filter;
        this.qos = qos;
    }

    /** Connects as soon as the broker on {@code port} accepts, and subscribes to {@code filter}. */
    static ResilientApp connect(int port, String clientId, String filter, int qos) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        ResilientApp app = new ResilientApp(client, filter, qos);
        client.setCallback(app.new Callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(200);
        await().atMost(30, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            client.connect(options);
            return true;
        });
        return app;
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // On Paho's callback thread: a blocking subscribe here would wait on itself.
            Thread subscriber = new Thread(() -> {
                try {
                    client.subscribe(filter, qos);
                    subscribed.incrementAndGet();
                } catch (MqttException e) {
                    throw new IllegalStateException(e);
                }
            }, "subscribe-" + client.getClientId());
            subscriber.setDaemon(true);
            subscriber.start();
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost.add(Instant.now());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            arrivals.add(new Arrival(topic, JetEventParser.parse(message.getPayload()), message.isDuplicate(),
                    Instant.now()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    List<String> topics() {
        return arrivals.stream().map(Arrival::topic).toList();
    }

    /** How many times the connection was lost before the last message arrived. */
    int connectionsLostBeforeLastArrival() {
        List<Arrival> arrived = arrivals();
        Instant last = arrived.isEmpty() ? Instant.MIN : arrived.get(arrived.size() - 1).arrivedAt();
        return (int) lost.stream().filter(at -> at.isBefore(last)).count();
    }

    /** How many times the subscription was made: once, and once more after each reconnection. */
    int subscriptions() {
        return subscribed.get();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
