package dev.jetemu.junit5;

import dev.jetemu.app.Emulator;
import dev.jetemu.app.RunResult;
import dev.jetemu.app.StepFailedException;
import dev.jetemu.app.live.DeviceState;
import dev.jetemu.broker.clients.ClientSubscriptions;
import dev.jetemu.diagnostics.UserInputException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A test's handle on the emulator that {@link JetemuTest} started: where to connect, and how to
 * change and read the emulated device. Declare a parameter or a field of this type to get it.
 *
 * <p>Steps and scenarios given as text are named {@code request} in diagnostics; scenarios run in
 * virtual time, so their sleeps take no time ({@link #emulator()} runs them in real time).
 */
public interface Jetemu {

    /** Where an MQTT client connects: {@code tcp://127.0.0.1:PORT}. */
    String mqttUri();

    /** The MQTT port. */
    int mqttPort();

    /** The control API and live page, {@code http://127.0.0.1:PORT/}, with {@link JetemuTest#controlApi()}. */
    Optional<String> httpUri();

    /**
     * Applies scenario steps to the device, in order, as {@code POST /api/steps}: a YAML list
     * ({@code - interface-down: ge-0/0/1}) or a map with {@code steps:}.
     *
     * @return the messages they published
     * @throws UserInputException  when a step is not valid: every mistake as {@code request:LINE:COLUMN: what; expected what}
     * @throws StepFailedException when the device refused a step (those before it stay applied), or a wait was not met
     */
    long apply(String stepsYaml) throws InterruptedException;

    /**
     * Runs a scenario file, in virtual time, on a fresh device that stays live afterwards.
     *
     * @throws UserInputException when the file is not a valid scenario
     */
    RunResult run(Path scenarioFile) throws InterruptedException;

    /**
     * Runs a scenario given as its YAML text, in virtual time, on a fresh device that stays live afterwards.
     *
     * @throws UserInputException when the text is not a valid scenario
     */
    RunResult run(String scenarioYaml) throws InterruptedException;

    /**
     * Runs a scenario of jetemu's library by name ({@code interface-flap}), in virtual time. Most begin
     * with {@code await-subscribers} on the device's events: subscribe first.
     *
     * @throws IllegalArgumentException when there is no such scenario
     */
    RunResult runBundled(String name) throws InterruptedException;

    /** The device now: host name, interfaces, firewall filters, route tables. */
    DeviceState device();

    /** The clients connected now, by client id, with the subscriptions the broker granted each. */
    List<ClientSubscriptions> subscriptions();

    /**
     * Waits until {@code count} clients hold a subscription that would receive some message published
     * under {@code filter}: that the application under test is listening.
     *
     * @throws AssertionError when the timeout passes first, saying who is subscribed to what
     */
    void awaitSubscribers(String filter, int count, Duration timeout) throws InterruptedException;

    /** Starts the device over, empty, publishing nothing; clients stay connected. */
    void reset();

    /** The emulator itself, for what this handle does not offer (real-time runs, the broker). Do not close it. */
    Emulator emulator();
}
