package dev.jetemu.bench;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes over TCP as fast as Paho allows: Paho's asynchronous client with a window of
 * {@link #WINDOW} publishes outstanding. A synchronous publish would wait a round trip per QoS 1
 * message and a thread hand-off per QoS 0 message, measuring Paho's latency rather than the
 * broker; an unbounded loop would only pile messages up in Paho's queue. With the window, the
 * publisher is slowed by what the broker takes (TCP backpressure, PUBACKs), nothing else.
 */
final class PahoPublisher implements AutoCloseable {

    /** Paho's in-flight limit (default 10) raised so that QoS 1 is not one round trip per ten messages. */
    static final int WINDOW = 1000;

    private final MqttAsyncClient client;
    private final Semaphore window = new Semaphore(WINDOW);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final IMqttActionListener completion = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            failure.compareAndSet(null, cause);
            window.release();
        }
    };

    private PahoPublisher(MqttAsyncClient client) {
        this.client = client;
    }

    static PahoPublisher connect(int port, String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(PahoClients.uri(port), clientId, new MemoryPersistence());
        MqttConnectOptions options = PahoClients.options();
        options.setMaxInflight(WINDOW);
        client.connect(options).waitForCompletion(15_000);
        return new PahoPublisher(client);
    }

    /** Publishes the whole batch on a thread of its own; returns at once. */
    BrokerUnderTest.Publishing start(RouteEvents.Batch batch, int qos) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                for (int i = 0; i < batch.size(); i++) {
                    window.acquire();
                    MqttMessage message = new MqttMessage(batch.payloads()[i]);
                    message.setQos(qos);
                    client.publish(batch.topics()[i], message, null, completion);
                }
                // Every publish has completed once the whole window is free again.
                window.acquire(WINDOW);
                window.release(WINDOW);
                Throwable failed = failure.get();
                if (failed != null) {
                    done.completeExceptionally(failed);
                } else {
                    done.complete(System.nanoTime() - start);
                }
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "mosquitto-publisher");
        thread.setDaemon(true);
        thread.start();
        return timeout -> {
            try {
                return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new TimeoutException("the Paho publisher had not finished after " + timeout.toSeconds() + " s");
            }
        };
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, 1_000);
            } catch (MqttException ignored) {
                // closing below releases what is left
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // the publisher's part is over; a client that fails to close changes no figure
        }
    }
}
