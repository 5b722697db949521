package dev.jetemu.bench;

import dev.jetemu.bench.device.DeviceProcess;
import dev.jetemu.bench.process.ProcStatus;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** jetemu, or Moquette on its own: a broker whose device publishes in its own JVM ({@link DeviceProcess}). */
final class DeviceBroker implements BrokerUnderTest {

    /** A device that has not finished publishing after this long has hung. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(10);

    private final DeviceProcess.Kind kind;
    private final DeviceProcess device;

    private DeviceBroker(DeviceProcess.Kind kind, DeviceProcess device) {
        this.kind = kind;
        this.device = device;
    }

    static DeviceBroker start(DeviceProcess.Kind kind, List<String> jvmOptions) throws Exception {
        return new DeviceBroker(kind, DeviceProcess.start(kind, jvmOptions));
    }

    DeviceProcess device() {
        return device;
    }

    @Override
    public String name() {
        return kind == DeviceProcess.Kind.JETEMU ? "jetemu" : "Moquette";
    }

    @Override
    public int port() {
        return device.port();
    }

    @Override
    public long cpuNanos() {
        return ProcStatus.cpuNanos(device.pid());
    }

    @Override
    public boolean isAlive() {
        return device.isAlive();
    }

    @Override
    public boolean dropsWhenBehind() {
        return kind == DeviceProcess.Kind.MOQUETTE;
    }

    @Override
    public void prepareRoutes(int events, int subscribers) throws Exception {
        device.prepareRoutes(events, subscribers);
    }

    @Override
    public CompletableFuture<Long> publishRoutes(int qos) throws Exception {
        return completion(device.routes(qos));
    }

    @Override
    public void preparePaced(int events) throws Exception {
        device.preparePaced(events);
    }

    @Override
    public CompletableFuture<Long> publishPaced(double perSecond, int qos) throws Exception {
        return completion(device.paced(perSecond, qos));
    }

    private static CompletableFuture<Long> completion(DeviceProcess.Done done) {
        CompletableFuture<Long> future = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                future.complete(done.await(PUBLISH_TIMEOUT)[0]);
            } catch (Exception e) {
                future.completeExceptionally(e);
            }
        }, "device-publishing");
        waiting.setDaemon(true);
        waiting.start();
        return future;
    }

    @Override
    public void close() {
        device.close();
    }
}
