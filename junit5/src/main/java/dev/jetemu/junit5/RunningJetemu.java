package dev.jetemu.junit5;

import dev.jetemu.app.Emulator;
import dev.jetemu.app.RunResult;
import dev.jetemu.app.live.DeviceState;
import dev.jetemu.broker.clients.ClientSubscriptions;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/** The handle over a running emulator, kept in the extension's store so that JUnit closes it. */
final class RunningJetemu implements Jetemu, ExtensionContext.Store.CloseableResource {

    private final Emulator emulator;

    RunningJetemu(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public String mqttUri() {
        return emulator.mqttUri();
    }

    @Override
    public int mqttPort() {
        return emulator.mqttPort();
    }

    @Override
    public Optional<String> httpUri() {
        return emulator.httpUri();
    }

    @Override
    public long apply(String stepsYaml) throws InterruptedException {
        return emulator.apply(stepsYaml);
    }

    @Override
    public RunResult run(Path scenarioFile) throws InterruptedException {
        return emulator.run(scenarioFile);
    }

    @Override
    public RunResult run(String scenarioYaml) throws InterruptedException {
        return emulator.run(scenarioYaml);
    }

    @Override
    public RunResult runBundled(String name) throws InterruptedException {
        return emulator.runBundled(name);
    }

    @Override
    public DeviceState device() {
        return emulator.device();
    }

    @Override
    public List<ClientSubscriptions> subscriptions() {
        return emulator.subscriptions();
    }

    @Override
    public void awaitSubscribers(String filter, int count, Duration timeout) throws InterruptedException {
        if (!emulator.awaitSubscribers(filter, count, timeout)) {
            fail("expected " + count + " client" + (count == 1 ? "" : "s") + " subscribed to " + filter + " within "
                    + timeout.toMillis() + " ms; subscribed: " + describe(emulator.subscriptions()));
        }
    }

    private static String describe(List<ClientSubscriptions> clients) {
        if (clients.isEmpty()) {
            return "no client";
        }
        return clients.stream().map(client -> client.clientId() + " " + client.subscriptions().stream()
                .map(ClientSubscriptions.Subscription::filter).toList()).collect(Collectors.joining(", "));
    }

    @Override
    public void reset() {
        emulator.reset();
    }

    @Override
    public Emulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        emulator.close();
    }

    @Override
    public String toString() {
        return "jetemu on " + mqttUri();
    }
}
