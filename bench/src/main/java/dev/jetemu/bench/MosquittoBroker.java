package dev.jetemu.bench;

import java.nio.file.Path;

/**
 * Mosquitto as measured: its own process, fed over TCP by a Paho publisher in the benchmark's
 * process (a broker with no in-process device can only be fed by a client).
 */
final class MosquittoBroker implements BrokerUnderTest {

    private final MosquittoProcess process;
    private final BatchCache batches = new BatchCache();
    private PahoPublisher publisher;
    private RouteEvents.Batch batch;
    private int publishers;

    private MosquittoBroker(MosquittoProcess process) {
        this.process = process;
    }

    static MosquittoBroker start(Path executable) throws Exception {
        return new MosquittoBroker(MosquittoProcess.start(executable));
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
        return ProcCpu.nanos(process.pid());
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void prepare(int events) throws Exception {
        closePublisher();
        batch = batches.get(events);
        publisher = PahoPublisher.connect(port(), "bench-publisher-" + (++publishers));
    }

    @Override
    public Publishing startPublishing(int qos) {
        if (publisher == null) {
            throw new IllegalStateException("prepare first");
        }
        Publishing publishing = publisher.start(batch, qos);
        // The publisher disconnects once done, so that the broker is idle between runs.
        return timeout -> {
            try {
                return publishing.await(timeout);
            } finally {
                closePublisher();
            }
        };
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
