package dev.jetemu.app.live;

import dev.jetemu.app.publish.EmbeddedBroker;
import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.MessageWatch;
import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.run.ScenarioClock;
import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.run.ScenarioRunner;
import dev.jetemu.sim.scenario.Scenario;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The device of a running emulator: steps posted to the control API change it, and a scenario
 * run through the API (or {@code serve --scenario}) replaces it with the scenario's own device,
 * which stays live afterwards. One thing changes it at a time; the others are turned away
 * ({@link Busy}) rather than queued, so that a caller knows what state its steps met.
 */
public final class LiveDevice {

    private final EmbeddedBroker broker;
    private final String defaultHostname;
    private final int qos;
    private final RunListener listener;
    private final Consumer<ScenarioResult> finished;
    private final ReentrantLock changing = new ReentrantLock();
    private volatile Device device = new Device();
    private volatile String hostname;
    private volatile String running = "";

    /**
     * @param listener what follows every published message and step (the event feed, metrics)
     * @param finished told of each run's result
     */
    public LiveDevice(EmbeddedBroker broker, String defaultHostname, int qos, RunListener listener,
                      Consumer<ScenarioResult> finished) {
        this.broker = broker;
        this.defaultHostname = defaultHostname;
        this.hostname = defaultHostname;
        this.qos = qos;
        this.listener = listener;
        this.finished = finished;
    }

    /** The device now; consistent with itself, though changes may be under way. */
    public DeviceState state() {
        return DeviceState.of(hostname, device.snapshot());
    }

    /**
     * Applies steps (a scenario without initial state) to the live device, in real time: sleeps
     * wait, awaits wait for subscribers. A step the device refuses ends them; those before it stay
     * applied.
     */
    public ScenarioResult apply(Scenario steps) throws Busy, InterruptedException {
        lock("a request's steps");
        try {
            ScenarioResult result = runner(ScenarioClock.realTime(Instant.now(), 1), hostname, broker)
                    .run(steps, device);
            finished.accept(result);
            return result;
        } finally {
            unlock();
        }
    }

    /**
     * Runs the scenario on a fresh device of its own, which becomes the live device.
     *
     * @param awaitSubscribers false to let its await-subscribers steps pass at once (the live page's
     *                         buttons: whoever watches the page is there already)
     */
    public ScenarioResult run(Scenario scenario, ScenarioClock clock, boolean awaitSubscribers)
            throws Busy, InterruptedException {
        lock("scenario " + scenario.name());
        try {
            Device fresh = new Device();
            device = fresh;
            hostname = scenario.hostname().orElse(defaultHostname);
            ScenarioResult result = runner(clock, hostname, awaitSubscribers ? broker : everyoneThere())
                    .run(scenario, fresh);
            finished.accept(result);
            return result;
        } finally {
            unlock();
        }
    }

    /**
     * Replaces the device with an empty one under the default host name, publishing nothing: the
     * emulator starting over (between two tests), not a change the kernel would report.
     */
    public void reset() throws Busy {
        lock("a reset");
        try {
            device = new Device();
            hostname = defaultHostname;
        } finally {
            unlock();
        }
    }

    private ScenarioRunner runner(ScenarioClock clock, String host, BrokerView view) {
        return new ScenarioRunner(broker, view, broker, clock, listener, qos, host);
    }

    /** The broker as await-subscribers sees it when told not to wait: every subscriber is there. */
    private BrokerView everyoneThere() {
        return new BrokerView() {
            @Override
            public int subscribersOverlapping(String filter) {
                return Integer.MAX_VALUE;
            }

            @Override
            public MessageWatch watch(String filter) {
                return broker.watch(filter);
            }
        };
    }

    private void lock(String what) throws Busy {
        if (!changing.tryLock()) {
            throw new Busy(running.isEmpty() ? "another change" : running);
        }
        running = what;
    }

    private void unlock() {
        running = "";
        changing.unlock();
    }
}
