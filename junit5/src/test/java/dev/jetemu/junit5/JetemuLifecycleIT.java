package dev.jetemu.junit5;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What the extension leaves behind a test class, seen from outside it: sample classes run
 * through the JUnit launcher, then their emulator's ports are tried.
 */
class JetemuLifecycleIT {

    /** Run by {@link #theEmulatorIsClosedWhenTheClassIsDone}, not on its own (static nested classes are not discovered). */
    @JetemuTest(controlApi = true)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class SampleWithControlApi {

        static final AtomicInteger MQTT_PORT = new AtomicInteger();
        static final AtomicInteger HTTP_PORT = new AtomicInteger();

        /** Filled before the instance's tests, though the class's instance exists before @BeforeAll. */
        Jetemu jetemu;

        @Test
        void theEmulatorAcceptsConnectionsWhileTheClassRuns(Jetemu parameter) throws Exception {
            assertThat(jetemu).isSameAs(parameter);
            MQTT_PORT.set(jetemu.mqttPort());
            HTTP_PORT.set(URI.create(jetemu.httpUri().orElseThrow()).getPort());
            try (Socket mqtt = new Socket("127.0.0.1", MQTT_PORT.get());
                 Socket http = new Socket("127.0.0.1", HTTP_PORT.get())) {
                assertThat(mqtt.isConnected()).isTrue();
                assertThat(http.isConnected()).isTrue();
            }
        }
    }

    /** Run by {@link #aWrongAttributeFailsTheClassWithTheMistake}. */
    @JetemuTest(hostname = "lab router")
    static class SampleWithABadHostName {

        @Test
        void neverRuns(Jetemu jetemu) {
            assertThat(jetemu).isNull();
        }
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass)).build(), listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringWriter text = new StringWriter();
        summary.printFailuresTo(new PrintWriter(text), 20);
        return text.toString();
    }

    @Test
    void theEmulatorIsClosedWhenTheClassIsDone() {
        TestExecutionSummary summary = run(SampleWithControlApi.class);

        assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThatThrownBy(() -> new Socket("127.0.0.1", SampleWithControlApi.MQTT_PORT.get()).close())
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", SampleWithControlApi.HTTP_PORT.get()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aWrongAttributeFailsTheClassWithTheMistake() {
        TestExecutionSummary summary = run(SampleWithABadHostName.class);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        summary.getFailures().forEach(failed -> failure.set(failed.getException()));
        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(failure.get()).hasMessage("@JetemuTest on " + SampleWithABadHostName.class.getName()
                + ": host name 'lab router' contains a space; expected a Junos host name: letters, digits, hyphens "
                + "and dots, 1 to 255 characters, no spaces");
    }
}
