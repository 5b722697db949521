package dev.jetemu.app.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code run --broker}: the simulated device publishing to a broker that is not jetemu's, Debian's Mosquitto. */
class ExternalBrokerIT {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @TempDir
    Path dir;

    @Test
    void theDevicesEventsReachSubscribersOfAMosquittoBroker() throws Exception {
        boolean present = Files.isExecutable(MOSQUITTO);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(MOSQUITTO + " is missing; .ci/run installs it (apt-get install mosquitto)");
        }
        Assumptions.assumeTrue(present, "skipped: /usr/sbin/mosquitto is not installed (apt-get install mosquitto)");
        int port = RunCommandIT.freePort();
        Path config = Files.writeString(dir.resolve("mosquitto.conf"),
                "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        try {
            await().atMost(10, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
                new Socket("127.0.0.1", port).close();
                return true;
            });
            Path scenario = Files.writeString(dir.resolve("commit.yaml"), """
                    device:
                      hostname: vmx1
                    steps:
                      - ifd-add: { name: ge-0/0/7, snmp-id: 527 }
                      - syslog: { event-id: UI_COMMIT_COMPLETED, attributes: { username: lab } }
                    """);
            try (Subscriber application = Subscriber.connect(port, "/junos/events/#")) {

                CliHarness.Result result = CliHarness.run("run", scenario.toString(),
                        "--broker", "tcp://127.0.0.1:" + port, "--qos", "1");

                assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
                assertThat(result.out()).startsWith("Publishing to tcp://127.0.0.1:" + port);
                await().atMost(10, TimeUnit.SECONDS).until(() -> application.count() >= 2);
                assertThat(application.topics()).containsExactly(
                        "/junos/events/kernel/interfaces/ifd/add/ge-0/0/7",
                        "/junos/events/syslog/UI_COMMIT_COMPLETED");
                assertThat(application.received().get(0).event().hostname()).isEqualTo("vmx1");
            }
        } finally {
            mosquitto.destroy();
            mosquitto.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void awaitSubscribersCannotRunAgainstAnExternalBroker() throws Exception {
        Path scenario = Files.writeString(dir.resolve("wait.yaml"), """
                steps:
                  - await-subscribers: /junos/events/#
                """);

        CliHarness.Result result = CliHarness.run("run", scenario.toString(), "--broker", "tcp://127.0.0.1:1883");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).isEqualTo(scenario + ":2:5: await-subscribers needs jetemu's own broker, which "
                + "knows its subscribers; expected no --broker, or no await-subscribers step" + System.lineSeparator());
    }
}
