package dev.jetemu.app.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario that adds and withdraws 1,000,000 routes runs to the end in a JVM limited to a 256 MB
 * heap: generators make their batches as the run reaches them, and nothing keeps published events.
 * (Its peak heap and RSS are measured by the benchmark, beside Mosquitto's.)
 */
class MillionRoutesIT {

    @Test
    void aMillionRoutesAddedAndWithdrawnFitInA256MegabyteHeap() throws Exception {
        try (JetemuProcess jetemu = JetemuProcess.startWithJvmOptions(
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                "run", RunCommandIT.resource("million-routes.yaml").toString(), "--port", "0", "--virtual-time")) {

            int exitCode = jetemu.awaitExit(600);

            assertThat(exitCode).as(String.join("\n", jetemu.err())).isZero();
            assertThat(jetemu.out()).anyMatch(line -> line.startsWith("PASS million-routes (2000000 events"));
        }
    }
}
