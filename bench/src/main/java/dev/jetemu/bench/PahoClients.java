package dev.jetemu.bench;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Connection options every client of the benchmark uses, whichever broker it talks to. */
final class PahoClients {

    private PahoClients() {
    }

    static String uri(int port) {
        return "tcp://127.0.0.1:" + port;
    }

    /** MQTT 3.1.1, clean session, as a JET application connects; no reconnecting, which would hide a lost connection. */
    static MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(60);
        return options;
    }
}
