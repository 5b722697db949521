package dev.jetemu.app.cli;

import org.junit.jupiter.api.Assumptions;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Debian's Mosquitto, the broker a real device runs, started on a free loopback port for one
 * test. Skips the test where it is not installed, except under {@code CI=true}, where that fails.
 */
final class MosquittoBroker implements AutoCloseable {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final int port;

    private MosquittoBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with its configuration and log in {@code dir}, and waits until it accepts connections. */
    static MosquittoBroker start(Path dir) throws Exception {
        boolean present = Files.isExecutable(MOSQUITTO);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(MOSQUITTO + " is missing; .ci/run installs it (apt-get install mosquitto)");
        }
        Assumptions.assumeTrue(present, "skipped: " + MOSQUITTO + " is not installed (apt-get install mosquitto)");
        int port = RunCommandIT.freePort();
        Path config = Files.writeString(dir.resolve("mosquitto.conf"),
                "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process process = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        MosquittoBroker broker = new MosquittoBroker(process, port);
        try {
            await().atMost(10, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
                new Socket("127.0.0.1", port).close();
                return true;
            });
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    int port() {
        return port;
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
