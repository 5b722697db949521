package dev.jetemu.bench;

import dev.jetemu.bench.events.GeneratedEvents;
import dev.jetemu.bench.mqtt.ClientLoop;
import dev.jetemu.bench.mqtt.Publisher;
import dev.jetemu.bench.process.MosquittoProcess;
import dev.jetemu.bench.process.ProcStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Mosquitto as measured: its own process, fed over TCP by the harness's {@link Publisher} with
 * the events the harness generated (the same bytes jetemu's device makes).
 */
final class MosquittoBroker implements BrokerUnderTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final MosquittoProcess process;
    private final ClientLoop clients;
    private final HarnessEvents events;
    private Publisher publisher;
    private GeneratedEvents prepared;
    private byte[][] templates;
    private int publishers;

    private MosquittoBroker(MosquittoProcess process, ClientLoop clients, HarnessEvents events) {
        this.process = process;
        this.clients = clients;
        this.events = events;
    }

    static MosquittoBroker start(Path executable, MosquittoProcess.Nagle nagle, ClientLoop clients,
                                 HarnessEvents events) throws Exception {
        return new MosquittoBroker(MosquittoProcess.start(executable, nagle), clients, events);
    }

    @Override
    public String name() {
        return "Mosquitto";
    }

    @Override
    public int port() {
        return process.port();
    }

    @Override
    public long cpuNanos() {
        return ProcStatus.cpuNanos(process.pid());
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void prepareRoutes(int count, int subscribers) throws Exception {
        prepared = events.routes(count);
        connectPublisher();
    }

    @Override
    public CompletableFuture<Long> publishRoutes(int qos) {
        return disconnectWhenDone(publisher().publishAll(prepared, qos));
    }

    @Override
    public void preparePaced(int count) throws Exception {
        prepared = events.routes(count);
        templates = events.templates(count);
        connectPublisher();
    }

    @Override
    public CompletableFuture<Long> publishPaced(double perSecond, int qos) {
        return disconnectWhenDone(publisher().publishPaced(prepared, templates, perSecond, qos));
    }

    private void connectPublisher() throws Exception {
        closePublisher();
        publisher = Publisher.connect(clients, port(), "bench-publisher-" + (++publishers), CONNECT_TIMEOUT);
    }

    private Publisher publisher() {
        if (publisher == null) {
            throw new IllegalStateException("prepare first");
        }
        return publisher;
    }

    /** The publisher disconnects once done, so that the broker is idle between runs. */
    private CompletableFuture<Long> disconnectWhenDone(CompletableFuture<Long> publishing) {
        Publisher current = publisher;
        return publishing.whenComplete((nanos, failure) -> {
            Thread closing = new Thread(current::close, "bench-publisher-close");
            closing.setDaemon(true);
            closing.start();
        });
    }

    /** Mosquitto's own log (errors and warnings only, as configured). */
    @Override
    public String log() {
        return process.log();
    }

    private void closePublisher() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }

    @Override
    public void close() {
        closePublisher();
        process.close();
    }
}
