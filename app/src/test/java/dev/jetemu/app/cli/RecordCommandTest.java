package dev.jetemu.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way {@code record} can be given bad options ends with exit code 2, one line naming the
 * option and what was expected, the usage hint, nothing on stdout and no file written. These runs
 * end before a connection would be made.
 */
class RecordCommandTest {

    private static final String BROKER = "tcp://127.0.0.1:1883";
    private static final String HINT = "Run 'jetemu record --help' for usage.";

    @TempDir
    Path dir;

    private static void assertInvalid(CliHarness.Result result, String message) {
        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly("jetemu: " + message, HINT);
    }

    private String out() {
        return dir.resolve("capture.yaml").toString();
    }

    @Test
    void outIsRequired() {
        assertInvalid(CliHarness.run("record", "--broker", BROKER), "Missing required option: '--out=FILE.yaml'");
    }

    @Test
    void brokerIsRequired() {
        assertInvalid(CliHarness.run("record", "--out", out()), "Missing required option: '--broker=tcp://HOST:PORT'");
    }

    @Test
    void aBrokerThatIsNotAnMqttAddressIsRefusedAsRunRefusesIt() {
        for (String broker : new String[] {"127.0.0.1:1883", "http://127.0.0.1:1883", "tcp://127.0.0.1:70000",
                "tcp://127.0.0.1:1883/x", "tcp://lab host:1883"}) {
            assertInvalid(CliHarness.run("record", "--broker", broker, "--out", out()),
                    "--broker " + broker + ": expected tcp://HOST:PORT, such as tcp://127.0.0.1:1883");
            CliHarness.Result run = CliHarness.run("run", "nothing.yaml", "--broker", broker);
            assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(run.err().lines().findFirst()).hasValue("jetemu: --broker " + broker
                    + ": expected tcp://HOST:PORT, such as tcp://127.0.0.1:1883");
        }
    }

    @Test
    void aFilterIsCheckedByMqttsRules() {
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", out(), "--filter", "/junos/#/kernel"),
                "--filter '/junos/#/kernel' has '#' before its last level; expected '#' only as the last level, "
                        + "matching everything below, such as /junos/events/kernel/#");
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", out(), "--filter", "/junos/events/#",
                        "--filter", "/junos/events/kernel+/#"),
                "--filter '/junos/events/kernel+/#' has '+' inside the level 'kernel+'; expected '+' alone, as a "
                        + "whole level, such as /junos/events/kernel/interfaces/ifd/+/#");
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", out(), "--filter", ""),
                "--filter is empty; expected an MQTT topic filter such as /junos/events/kernel/#");
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", out(), "--filter", "junos/events/#"),
                "--filter 'junos/events/#' starts with 'junos/'; expected '/junos/events/#': every Junos topic "
                        + "starts with a slash");
    }

    @Test
    void aDurationIsANumberWithAUnitAboveZero() {
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", out(), "--duration", "30"),
                "--duration '30' is not a duration; expected a number with a unit, ms, s, m or h, such as 10s or "
                        + "500ms");
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", out(), "--duration", "0s"),
                "--duration 0s: expected a duration longer than zero, such as 30s or 5m");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        Path existing = Files.writeString(dir.resolve("capture.yaml"), "steps: []\n");

        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", existing.toString()),
                "--out " + existing + ": the file exists; expected a new file, or --force to replace it");
        assertThat(existing).hasContent("steps: []");
    }

    @Test
    void theFileMustBeAYamlFileInAFolderThatExists() {
        Path missing = dir.resolve("no-such-folder").resolve("capture.yaml");
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", missing.toString()),
                "--out " + missing + ": the folder " + missing.getParent() + " does not exist or cannot be written; "
                        + "expected a file in an existing, writable folder");
        Path text = dir.resolve("capture.txt");
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", text.toString()),
                "--out " + text + ": expected a file name ending in .yaml (or .yml), as jetemu run finds scenarios "
                        + "in a folder");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void qosIsZeroOrOneAndAPasswordNeedsAUser() {
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", out(), "--qos", "2"),
                "--qos 2: expected 0 or 1 (1, the default, loses nothing on the way)");
        assertInvalid(CliHarness.run("record", "--broker", BROKER, "--out", out(), "--password", "secret"),
                "--password is given without --user; expected --user NAME with it");
    }

    @Test
    void helpListsTheOptions() {
        CliHarness.Result result = CliHarness.run("record", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--broker=tcp://HOST:PORT", "--filter=F", "--out=FILE.yaml", "--force",
                "--duration=D", "--user=NAME", "--password=PASSWORD", "--qos=N");
        assertThat(CliHarness.run("--help").out()).contains("record");
    }
}
