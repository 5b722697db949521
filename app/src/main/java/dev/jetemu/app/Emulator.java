package dev.jetemu.app;

import dev.jetemu.app.config.CommandLineValues;
import dev.jetemu.app.http.ControlApi;
import dev.jetemu.app.http.ControlServer;
import dev.jetemu.app.live.BundledScenarios;
import dev.jetemu.app.live.Busy;
import dev.jetemu.app.live.DeviceState;
import dev.jetemu.app.live.EventFeed;
import dev.jetemu.app.live.LiveDevice;
import dev.jetemu.app.publish.EmbeddedBroker;
import dev.jetemu.app.settings.AllowSource;
import dev.jetemu.app.settings.EmulatorSettings;
import dev.jetemu.broker.BrokerSettings;
import dev.jetemu.broker.BrokerStartException;
import dev.jetemu.broker.access.AllowClients;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.clients.ClientSubscriptions;
import dev.jetemu.broker.edge.AccessListener;
import dev.jetemu.broker.observe.DeliveryListener;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import dev.jetemu.sim.scenario.ScenarioValidator;
import dev.jetemu.sim.scenario.Step;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An emulator running in this JVM: the notification broker, the live device publishing into it,
 * and the control API when an HTTP port is asked for. What {@code jetemu serve} runs, and what a
 * Java test embeds (the {@code jetemu-junit5} extension wraps it).
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.builder().hostname("vmx1").start()) {
 *     MqttClient app = new MqttClient(emulator.mqttUri(), "my-app");   // tcp://127.0.0.1:PORT
 *     ...
 *     emulator.apply("""
 *             - ifd-add: ge-0/0/1
 *             - interface-down: ge-0/0/1
 *             """);
 *     RunResult flap = emulator.runBundled("interface-flap");          // virtual time
 * }
 * }</pre>
 *
 * <p>One thing changes the device at a time: a call made while another thread's steps or scenario
 * run throws {@link IllegalStateException} rather than waiting. Steps and scenarios given as text
 * are named {@code request} in diagnostics, as the control API names a request's body.
 */
public final class Emulator implements AutoCloseable {

    /** How diagnostics name steps and scenarios given as text, as the control API does. */
    public static final String TEXT_SOURCE = "request";

    private final EmulatorSettings settings;
    private final EmbeddedBroker broker;
    private final LiveDevice device;
    private final BundledScenarios library;
    private final Optional<ControlServer> http;
    private final String mqttHost;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Emulator(EmulatorSettings settings, EmbeddedBroker broker, LiveDevice device, BundledScenarios library,
                     Optional<ControlServer> http) {
        this.settings = settings;
        this.broker = broker;
        this.device = device;
        this.library = library;
        this.http = http;
        this.mqttHost = reachableHost(broker.localAddress().getAddress());
    }

    /** An emulator on a free port, admitting loopback clients, without the control API, until told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    private static Emulator start(EmulatorSettings settings, Builder wiring) throws BrokerStartException, IOException {
        EventFeed feed = new EventFeed();
        List<RunListener> listeners = new ArrayList<>();
        listeners.add(feed);
        listeners.addAll(wiring.listeners);
        BundledScenarios library = wiring.library != null ? wiring.library : BundledScenarios.onClassPath();
        EmbeddedBroker broker = EmbeddedBroker.start(settings.broker(), wiring.accessListener,
                wiring.deliveryListener);
        try {
            LiveDevice device = new LiveDevice(broker, settings.hostname(), wiring.qos, everyOne(listeners),
                    wiring.finished);
            Optional<ControlServer> http = Optional.empty();
            if (settings.serveHttp()) {
                AtomicInteger port = new AtomicInteger();
                ControlApi api = new ControlApi(broker, device, library, wiring.metrics, port::get);
                // Where the broker listens, not where it was asked to: where IPv6 is off (a
                // container) the broker fell back to IPv4, and so must the API.
                String bound = broker.localAddress().getAddress().getHostAddress();
                http = Optional.of(ControlServer.start(bound, settings.httpPort(), api, feed));
                port.set(http.get().port());
            }
            return new Emulator(settings, broker, device, library, http);
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** What it runs with: the broker's settings, the host name, the HTTP port as asked ({@link #httpPort()} is the bound one). */
    public EmulatorSettings settings() {
        return settings;
    }

    /** The MQTT port; a free one when 0 was asked for. It stays the same across restart-broker steps. */
    public int mqttPort() {
        return broker.port();
    }

    /** Where an MQTT client on this machine connects: {@code tcp://127.0.0.1:PORT} unless bound to one address. */
    public String mqttUri() {
        return "tcp://" + mqttHost + ":" + mqttPort();
    }

    /** The address the broker listens on. */
    public InetSocketAddress localAddress() {
        return broker.localAddress();
    }

    /** The control API's port, when it is served. */
    public Optional<Integer> httpPort() {
        return http.map(ControlServer::port);
    }

    /** The control API and live page on this machine ({@code http://127.0.0.1:PORT/}), when served. */
    public Optional<String> httpUri() {
        return httpPort().map(port -> "http://" + mqttHost + ":" + port + "/");
    }

    /**
     * Applies steps to the live device, in order and in real time, as {@code POST /api/steps}: a YAML
     * or JSON list of steps, or a map with {@code steps:}.
     *
     * @return the messages the steps published
     * @throws UserInputException  when a step is not valid: every mistake, as {@code request:LINE:COLUMN: what; expected what}
     * @throws StepFailedException when the device refused a step, or a wait in the steps was not met; the steps before it stay applied
     * @throws IllegalStateException while something else changes the device
     */
    public long apply(String stepsYaml) throws InterruptedException {
        Scenario steps = ScenarioLoader.parseSteps(TEXT_SOURCE, stepsYaml);
        ScenarioResult result = changing(() -> device.apply(steps));
        if (result.failure().isPresent()) {
            throw new StepFailedException(result.failure().get(), result.eventsPublished());
        }
        return result.eventsPublished();
    }

    /** {@link #run(Path, Timing)} in virtual time. */
    public RunResult run(Path scenarioFile) throws InterruptedException {
        return run(scenarioFile, Timing.virtual());
    }

    /**
     * Loads and checks a scenario file, as {@code jetemu validate} does, then runs it on a fresh
     * device that stays live afterwards. A scenario that fails (an await or expectation not met, a
     * fault that cannot be made) is a result, not an exception.
     *
     * @throws UserInputException when the file is not a valid scenario, with {@code FILE:LINE:COLUMN} for each mistake
     * @throws IllegalStateException while something else changes the device
     */
    public RunResult run(Path scenarioFile, Timing timing) throws InterruptedException {
        return run(ScenarioLoader.loadAndCheck(scenarioFile), timing);
    }

    /** {@link #run(String, Timing)} in virtual time. */
    public RunResult run(String scenarioYaml) throws InterruptedException {
        return run(scenarioYaml, Timing.virtual());
    }

    /**
     * Runs a scenario given as its text (YAML or JSON, as a scenario file); without {@code name:} it
     * is named {@code request}.
     *
     * @throws UserInputException when it is not a valid scenario, with {@code request:LINE:COLUMN} for each mistake
     * @throws IllegalStateException while something else changes the device
     */
    public RunResult run(String scenarioYaml, Timing timing) throws InterruptedException {
        Scenario scenario = ScenarioLoader.parse(TEXT_SOURCE, scenarioYaml);
        ScenarioValidator.check(scenario);
        return run(scenario, timing);
    }

    /** {@link #runBundled(String, Timing)} in virtual time. */
    public RunResult runBundled(String name) throws InterruptedException {
        return runBundled(name, Timing.virtual());
    }

    /**
     * Runs a scenario of the bundled library ({@link #bundledScenarios()}) by name. Most start with
     * {@code await-subscribers} on the device's events: subscribe before running them.
     *
     * @throws IllegalArgumentException when no bundled scenario has that name (the message suggests the closest)
     * @throws IllegalStateException    while something else changes the device
     */
    public RunResult runBundled(String name, Timing timing) throws InterruptedException {
        Scenario scenario = library.load(name).orElseThrow(() -> new IllegalArgumentException(library.unknown(name)));
        return run(scenario, timing);
    }

    /** Runs a loaded (and checked) scenario on a fresh device, which stays live afterwards. */
    public RunResult run(Scenario scenario, Timing timing) throws InterruptedException {
        Objects.requireNonNull(timing, "timing");
        return RunResult.of(changing(() -> device.run(scenario, timing.clock(Instant.now()), true)));
    }

    /** The names of the bundled scenarios, for {@link #runBundled}. */
    public List<String> bundledScenarios() {
        return library.names();
    }

    /** The device now: host name, interfaces, firewall filters and route tables, as {@code GET /api/device}. */
    public DeviceState device() {
        return device.state();
    }

    /**
     * The clients connected now, by client id, each with the subscriptions the broker granted it
     * (filter and QoS, in the order it subscribed); none while a restart-broker step has the broker down.
     */
    public List<ClientSubscriptions> subscriptions() {
        return broker.running().map(running -> running.subscriptions().snapshot()).orElse(List.of()).stream()
                .sorted(Comparator.comparing(ClientSubscriptions::clientId)).toList();
    }

    /**
     * Waits until {@code count} clients hold a subscription that would receive some message published
     * under {@code filter}, as the {@code await-subscribers} step counts them.
     *
     * @return false when the timeout passed first
     */
    public boolean awaitSubscribers(String filter, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (subscribersOverlapping(filter) < count) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private int subscribersOverlapping(String filter) {
        return broker.running().map(running -> running.subscriptions().countOverlapping(filter)).orElse(0);
    }

    /**
     * Starts the device over: empty, under the configured host name, without publishing anything.
     * Connected clients and their subscriptions stay.
     *
     * @throws IllegalStateException while something else changes the device
     */
    public void reset() {
        try {
            device.reset();
        } catch (Busy e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The broker the device publishes into, for the application's own wiring (metrics' gauges). */
    public EmbeddedBroker embeddedBroker() {
        return broker;
    }

    /** Stops the control API, then the broker (closing every client's connection). Closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                http.ifPresent(ControlServer::close);
            } finally {
                broker.close();
            }
        }
    }

    private interface Change {
        ScenarioResult run() throws Busy, InterruptedException;
    }

    private static ScenarioResult changing(Change change) throws InterruptedException {
        try {
            return change.run();
        } catch (Busy e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String reachableHost(InetAddress bound) {
        if (bound.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        String host = bound.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static RunListener everyOne(List<RunListener> listeners) {
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        List<RunListener> all = List.copyOf(listeners);
        return new RunListener() {
            @Override
            public void stepStarted(int number, int total, Step step) {
                all.forEach(listener -> listener.stepStarted(number, total, step));
            }

            @Override
            public void published(String topic, byte[] payload, Instant scenarioTime) {
                all.forEach(listener -> listener.published(topic, payload, scenarioTime));
            }
        };
    }

    /**
     * What to start: the configuration (immutable once started) and the application's own wiring
     * (listeners for metrics). Each setter checks its value as the command line checks the same
     * option, and throws {@link IllegalArgumentException} with {@code what is wrong; expected what}.
     */
    public static final class Builder {

        /** Until metrics are given: {@code /metrics} answers an empty page. */
        private static final ControlApi.Metrics NO_METRICS = ControlApi.Metrics.of(() -> "",
                "text/plain; version=0.0.4; charset=utf-8");

        private String bindAddress = "127.0.0.1";
        private int mqttPort;
        private int httpPort = EmulatorSettings.HTTP_OFF;
        private String hostname = EmulatorSettings.DEFAULT_HOSTNAME;
        private int qos;
        private Optional<List<AllowRule>> allowClients = Optional.empty();
        private EmulatorSettings settings;

        private final List<RunListener> listeners = new ArrayList<>();
        private AccessListener accessListener = AccessListener.NONE;
        private DeliveryListener deliveryListener = DeliveryListener.NONE;
        private Consumer<ScenarioResult> finished = result -> { };
        private ControlApi.Metrics metrics = NO_METRICS;
        private BundledScenarios library;

        private Builder() {
        }

        /** The MQTT port; 0 (the default) picks a free one. */
        public Builder mqttPort(int port) {
            this.mqttPort = CommandLineValues.port(String.valueOf(port));
            return this;
        }

        /** Serves the control API and live page on this port; 0 picks a free one. Not served by default. */
        public Builder httpPort(int port) {
            this.httpPort = CommandLineValues.port(String.valueOf(port));
            return this;
        }

        /** The device's host name, carried by every event; {@value EmulatorSettings#DEFAULT_HOSTNAME} by default. */
        public Builder hostname(String name) {
            this.hostname = CommandLineValues.hostname(name);
            return this;
        }

        /**
         * The QoS the device publishes its events at, as {@code --qos}: 0 (the default, as on the
         * device), 1 or 2. An application with a persistent session is sent what was published while
         * it was away only at QoS 1 or 2.
         */
        public Builder qos(int deviceQos) {
            if (deviceQos < 0 || deviceQos > 2) {
                throw new IllegalArgumentException("qos " + deviceQos + "; expected 0, 1 or 2");
            }
            this.qos = deviceQos;
            return this;
        }

        /**
         * Who may connect, as {@code --allow}: addresses, prefixes ({@code 10.0.0.0/8}) or host names
         * (resolved now); loopback clients only by default. Clients on other hosts also need
         * {@link #bindAddress} {@code ::}.
         */
        public Builder allowClients(String... entries) {
            List<AllowRule> rules = new ArrayList<>();
            for (String entry : entries) {
                rules.addAll(CommandLineValues.allowEntry(entry));
            }
            this.allowClients = Optional.of(rules);
            return this;
        }

        /**
         * The local address the broker and the control API listen on: {@code 127.0.0.1} by default, so
         * that an emulator embedded in a test is not reachable from the network; {@code ::} for every
         * IPv4 and IPv6 address, as {@code serve} listens.
         */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Everything at once, as {@code serve} resolves it from its configuration file and command
         * line: replaces what the setters above set, now and after.
         */
        public Builder settings(EmulatorSettings resolved) {
            this.settings = Objects.requireNonNull(resolved, "resolved");
            return this;
        }

        /** Follows every step and every published message, on the running thread (metrics). Repeatable. */
        public Builder listener(RunListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Told of what the access edge decides: connections opened, closed and refused (metrics). */
        public Builder accessListener(AccessListener listener) {
            this.accessListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Told of every message the broker writes, drops or duplicates, with its latency (metrics). */
        public Builder deliveryListener(DeliveryListener listener) {
            this.deliveryListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Told of the result of every scenario and every batch of applied steps (metrics). */
        public Builder onFinished(Consumer<ScenarioResult> whenFinished) {
            this.finished = Objects.requireNonNull(whenFinished, "whenFinished");
            return this;
        }

        /** What the control API's {@code /metrics} serves; an empty page by default. */
        public Builder metrics(ControlApi.Metrics served) {
            this.metrics = Objects.requireNonNull(served, "served");
            return this;
        }

        /** The scenario library {@code runBundled} and the control API use; the one on the class path by default. */
        public Builder bundledScenarios(BundledScenarios scenarios) {
            this.library = Objects.requireNonNull(scenarios, "scenarios");
            return this;
        }

        /**
         * Starts the broker, then the control API when asked for: once this returns, clients can
         * connect.
         *
         * @throws BrokerStartException when the MQTT port cannot be bound
         * @throws IOException          when the HTTP port cannot be bound
         */
        public Emulator start() throws BrokerStartException, IOException {
            return Emulator.start(settings != null ? settings : configured(), this);
        }

        private EmulatorSettings configured() {
            BrokerSettings loopback = BrokerSettings.loopbackOnly(mqttPort);
            BrokerSettings broker = new BrokerSettings(bindAddress, mqttPort,
                    allowClients.map(AllowClients::new).orElse(loopback.allowClients()), loopback.maxConnections(),
                    loopback.socketSendBufferSize(), loopback.users(), loopback.maxMessageBytes(), loopback.flow());
            AllowSource source = allowClients.isPresent() ? AllowSource.COMMAND_LINE : AllowSource.DEFAULT_LOOPBACK;
            return new EmulatorSettings(broker, hostname, httpPort, source, List.of());
        }
    }
}
