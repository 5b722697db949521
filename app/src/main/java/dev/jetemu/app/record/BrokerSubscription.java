package dev.jetemu.app.record;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Paho client subscribed to the broker being recorded. Each message is stamped with the time
 * since the subscription was sent, on Paho's callback thread as it arrives, and queued for the
 * writer. The queue is bounded: when the writer falls behind, the callback waits, Paho stops
 * reading, and TCP slows the broker down, so at QoS 1 nothing is lost (at QoS 0 the broker may
 * drop what it cannot send, as it would for any slow subscriber).
 */
public final class BrokerSubscription implements AutoCloseable {

    private static final int QUEUE_CAPACITY = 10_000;
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long QUIESCE_MILLIS = 1_000;
    /** What a SUBACK says for a filter the broker refused. */
    private static final int REFUSED = 0x80;

    private final String broker;
    private final MqttAsyncClient client;
    private final BlockingQueue<RecordedMessage> arrived = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile long startNanos;
    private volatile Instant startedAt;
    private volatile Throwable lost;
    private volatile boolean stopping;

    private BrokerSubscription(String broker, MqttAsyncClient client) {
        this.broker = broker;
        this.client = client;
    }

    /**
     * Connects with a clean session and subscribes to every filter at {@code qos}; messages are
     * queued from then on, retained ones first.
     *
     * @param broker {@code tcp://HOST:PORT} or {@code mqtt://HOST:PORT}
     * @throws BrokerConnectionException when the broker cannot be reached, refuses the login or a filter
     */
    public static BrokerSubscription open(String broker, Optional<Credentials> credentials, List<String> filters,
                                          int qos) {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(pahoUri(broker), "jetemu-record-" + UUID.randomUUID(),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new BrokerConnectionException("cannot connect to " + broker + ": " + reason(e), e);
        }
        BrokerSubscription subscription = new BrokerSubscription(broker, client);
        client.setCallback(subscription.new Arrivals());
        try {
            client.connect(options(credentials)).waitForCompletion(CONNECT_TIMEOUT_MILLIS);
        } catch (MqttException e) {
            closeQuietly(client);
            throw new BrokerConnectionException("cannot connect to " + broker + ": " + reason(e), e);
        }
        subscription.subscribe(filters, qos);
        return subscription;
    }

    /** Paho knows the scheme {@code tcp} only; {@code mqtt://}, which run also accepts, is the same thing. */
    static String pahoUri(String broker) {
        return broker.startsWith("mqtt://") ? "tcp://" + broker.substring("mqtt://".length()) : broker;
    }

    private static MqttConnectOptions options(Optional<Credentials> credentials) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout((int) (CONNECT_TIMEOUT_MILLIS / 1000));
        options.setAutomaticReconnect(false);
        credentials.ifPresent(login -> {
            options.setUserName(login.user());
            login.password().ifPresent(password -> options.setPassword(password.toCharArray()));
        });
        return options;
    }

    private void subscribe(List<String> filters, int qos) {
        String[] topics = filters.toArray(String[]::new);
        int[] qoss = new int[topics.length];
        java.util.Arrays.fill(qoss, qos);
        startedAt = Instant.now();
        startNanos = System.nanoTime();
        int[] granted;
        try {
            IMqttToken token = client.subscribe(topics, qoss);
            token.waitForCompletion(CONNECT_TIMEOUT_MILLIS);
            granted = token.getGrantedQos();
        } catch (MqttException e) {
            close();
            throw new BrokerConnectionException("subscribing to " + String.join(", ", filters) + " on " + broker
                    + " failed: " + reason(e), e);
        }
        for (int i = 0; i < granted.length && i < topics.length; i++) {
            if (granted[i] == REFUSED) {
                close();
                throw new BrokerConnectionException("the broker " + broker + " refused the subscription to "
                        + topics[i] + " (not authorized to read it?)", null);
            }
        }
    }

    /** When the subscription was sent: the recorded gaps count from here. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Time since the subscription was sent. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The next message, waiting up to {@code wait} for one; null when none came. */
    public RecordedMessage next(Duration wait) throws InterruptedException {
        return arrived.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Moves up to {@code max} queued messages into {@code into} without waiting. */
    public int drainTo(Collection<RecordedMessage> into, int max) {
        return arrived.drainTo(into, max);
    }

    /** Why the connection was lost, when it was (not when {@link #close} ended it). */
    public Optional<String> connectionLost() {
        Throwable cause = lost;
        return cause == null ? Optional.empty() : Optional.of(reason(cause));
    }

    /**
     * Disconnects; nothing is queued after this returns, and what was queued stays for
     * {@link #drainTo}. Paho acknowledges a QoS 1 message once it is queued, so what the broker
     * considers delivered is in the queue.
     */
    @Override
    public void close() {
        stopping = true;
        try {
            if (client.isConnected()) {
                client.disconnect(QUIESCE_MILLIS).waitForCompletion(QUIESCE_MILLIS + CONNECT_TIMEOUT_MILLIS);
            }
        } catch (MqttException e) {
            // the connection is going away either way
        } finally {
            closeQuietly(client);
        }
    }

    private static void closeQuietly(MqttAsyncClient client) {
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing more can be released
        }
    }

    /** Paho's message ("Unable to connect to server") with its cause ("Connection refused"). */
    private static String reason(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message;
    }

    private final class Arrivals implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            RecordedMessage recorded = new RecordedMessage(System.nanoTime() - startNanos, topic,
                    message.getPayload(), message.getQos(), message.isRetained());
            // Waiting here holds Paho's reader, which is the back pressure; once stopping, what
            // arrives is past the end of the recording.
            while (!arrived.offer(recorded, 100, TimeUnit.MILLISECONDS)) {
                if (stopping) {
                    return;
                }
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (!stopping) {
                lost = cause != null ? cause : new java.io.IOException("the broker closed the connection");
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the recorder publishes nothing
        }
    }
}
