package dev.jetemu.app.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pytest example (examples/pytest) runs as its README says, against the packaged jar, with
 * Debian's python3-pytest and python3-paho-mqtt: the fixture a Python JET application would copy
 * keeps working.
 */
class PytestExampleIT {

    private static final Path EXAMPLE = Path.of("..", "examples", "pytest");
    /** Debian's Python, where python3-pytest and python3-paho-mqtt install. */
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void thePytestExamplePasses() throws Exception {
        boolean present = pytestPresent();
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("python3 with pytest and paho-mqtt is missing; .ci/run installs python3-pytest "
                    + "and python3-paho-mqtt");
        }
        Assumptions.assumeTrue(present, "skipped: python3 with pytest and paho-mqtt is not installed");
        ProcessBuilder pytest = new ProcessBuilder(PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                EXAMPLE.toString()).redirectErrorStream(true);
        pytest.environment().put("JETEMU_JAR", JetemuProcess.JAR.toAbsolutePath().toString());
        pytest.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = pytest.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("3 passed");
    }

    private static boolean pytestPresent() throws InterruptedException {
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import pytest, paho.mqtt.client").start();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }
}
