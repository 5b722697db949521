package dev.jetemu.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code run --broker}: the simulated device publishing to a broker that is not jetemu's, Debian's Mosquitto. */
class ExternalBrokerIT {


    @TempDir
    Path dir;

    @Test
    void theDevicesEventsReachSubscribersOfAMosquittoBroker() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start(dir)) {
            int port = mosquitto.port();
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
