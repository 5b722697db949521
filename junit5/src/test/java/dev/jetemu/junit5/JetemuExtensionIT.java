package dev.jetemu.junit5;

import dev.jetemu.app.RunResult;
import dev.jetemu.app.StepFailedException;
import dev.jetemu.broker.clients.ClientSubscriptions;
import dev.jetemu.broker.clients.ClientSubscriptions.Subscription;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.sim.device.DeviceSnapshot.InterfaceView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The extension as a project's test uses it: the handle as a parameter and as fields, a Paho
 * application connected to the emulator, steps applied and scenarios run from the test, and what
 * the device and the broker then show.
 */
@JetemuTest(hostname = "lab-vmx")
class JetemuExtensionIT {

    static Jetemu shared;

    Jetemu jetemu;

    @BeforeEach
    void startFromAnEmptyDevice() {
        jetemu.reset();
    }

    @Test
    void theSameEmulatorArrivesAsAParameterAndInTheStaticAndInstanceFields(Jetemu parameter) {
        assertThat(parameter).isSameAs(jetemu).isSameAs(shared);
        assertThat(parameter.mqttPort()).isPositive();
        assertThat(parameter.mqttUri()).isEqualTo("tcp://127.0.0.1:" + parameter.mqttPort());
        assertThat(parameter.httpUri()).isEmpty();
    }

    @Test
    void anApplicationReceivesTheEventOfAnInterfaceTheTestBringsDown(Jetemu parameter) throws Exception {
        try (MqttApp app = MqttApp.connect(parameter.mqttUri(), "link-monitor", "/junos/events/kernel/interfaces/#")) {
            parameter.awaitSubscribers("/junos/events/kernel/#", 1, Duration.ofSeconds(10));

            long added = parameter.apply("- ifd-add: { name: ge-0/0/1, snmp-id: 521 }");
            long downed = parameter.apply("""
                    - interface-down: ge-0/0/1
                    """);

            assertThat(added).isEqualTo(1);
            assertThat(downed).isEqualTo(1);
            await().atMost(10, TimeUnit.SECONDS).until(() -> app.count() == 2);
            MqttApp.Received down = app.received().get(1);
            assertThat(down.topic()).isEqualTo("/junos/events/kernel/interfaces/ifd/change/ge-0/0/1");
            assertThat(down.event().eventId()).isEqualTo("KERNEL_EVENT_IFD_CHANGE");
            assertThat(down.event().hostname()).isEqualTo("lab-vmx");
            assertThat(down.event().attributes())
                    .containsEntry("name", "ge-0/0/1")
                    .containsEntry("snmp-id", 521L)
                    .containsEntry("flags", 9L);
            assertThat(jetemu.device().interfaces()).singleElement().satisfies(ge001 -> {
                assertThat(ge001.name()).isEqualTo("ge-0/0/1");
                assertThat(ge001.linkUp()).isFalse();
                assertThat(ge001.flags()).isEqualTo(9);
            });
        }
    }

    @Test
    void subscriptionsListTheConnectedApplicationWithItsFiltersInOrder() throws Exception {
        MqttApp app = MqttApp.connect(jetemu.mqttUri(), "jet-app-1", "/junos/events/syslog/#",
                "/junos/events/genpub/#");
        try (app) {
            await().atMost(10, TimeUnit.SECONDS).until(() -> client("jet-app-1")
                    .filter(client -> client.subscriptions().size() == 2).isPresent());

            ClientSubscriptions client = client("jet-app-1").orElseThrow();
            assertThat(client.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(client.subscriptions()).containsExactly(
                    new Subscription("/junos/events/syslog/#", 0),
                    new Subscription("/junos/events/genpub/#", 0));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> client("jet-app-1").isEmpty());
    }

    private Optional<ClientSubscriptions> client(String clientId) {
        return jetemu.subscriptions().stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }

    @Test
    void aBundledScenarioRunsInVirtualTimeAndItsDeviceStaysLive() throws Exception {
        try (MqttApp app = MqttApp.connect(jetemu.mqttUri(), "flap-watcher", "/junos/events/#")) {
            RunResult flap = jetemu.runBundled("interface-flap");

            assertThat(flap.passed()).as(flap.failure().orElse("")).isTrue();
            assertThat(flap.name()).isEqualTo("interface-flap");
            assertThat(flap.failure()).isEmpty();
            assertThat(flap.eventsPublished()).isPositive();
            await().atMost(10, TimeUnit.SECONDS).until(() -> app.count() == flap.eventsPublished());
            assertThat(app.received()).allSatisfy(received -> assertThat(received.event().hostname())
                    .isEqualTo("vmx1"));
        }
        assertThat(jetemu.device().hostname()).isEqualTo("vmx1");
        assertThat(jetemu.device().interfaces()).extracting(InterfaceView::name)
                .containsExactly("ge-0/0/0", "ge-0/0/1", "lo0");
        assertThat(jetemu.device().interfaces()).allSatisfy(ifd -> assertThat(ifd.linkUp()).isTrue());
    }

    @Test
    void aScenarioRunsFromItsTextOrItsFileAndAFailedOneIsAResult(@TempDir Path dir) throws Exception {
        RunResult inline = jetemu.run("""
                name: commit
                device: { hostname: vmx2 }
                steps:
                  - config-update: { username: lab, comment: from a test }
                """);
        Path file = Files.writeString(dir.resolve("nobody-answers.yaml"), """
                steps:
                  - ifd-add: xe-0/1/0
                  - await-subscribers: { filter: "myapp/#", timeout: 100ms }
                """);
        RunResult unanswered = jetemu.run(file);

        assertThat(inline.passed()).as(inline.failure().orElse("")).isTrue();
        assertThat(inline.name()).isEqualTo("commit");
        assertThat(inline.eventsPublished()).isEqualTo(1);
        assertThat(unanswered.passed()).isFalse();
        assertThat(unanswered.name()).isEqualTo("nobody-answers");
        assertThat(unanswered.failure()).contains(file + ":3:5: await-subscribers: 0 of 1 subscribers to myapp/# "
                + "after 100ms");
        assertThat(jetemu.device().hostname()).isEqualTo("lab-vmx");
        assertThat(jetemu.device().interfaces()).extracting(InterfaceView::name).containsExactly("xe-0/1/0");
    }

    @Test
    void invalidStepsThrowWithTheirPlaceAndWhatWasExpected() {
        assertThatThrownBy(() -> jetemu.apply("- interface-dwon: ge-0/0/9\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("request:1:3: unknown step 'interface-dwon' (did you mean 'interface-down'?); "
                        + "expected one of ");
        assertThatThrownBy(() -> jetemu.apply("just words"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("request:1:1: the steps are a string ('just words'); expected a list of steps, such as "
                        + "[{interface-down: ge-0/0/1}], or a map with steps:");
        assertThat(jetemu.device().interfaces()).isEmpty();
    }

    @Test
    void aStepTheDeviceRefusesThrowsAndTheStepsBeforeItStayApplied() {
        assertThatThrownBy(() -> jetemu.apply("""
                steps:
                  - ifd-add: ge-0/0/2
                  - route-delete: 10.99.0.0/16
                """))
                .isInstanceOfSatisfying(StepFailedException.class, refused -> {
                    assertThat(refused.eventsPublished()).isEqualTo(1);
                    assertThat(refused.failure().keyword()).isEqualTo("route-delete");
                })
                .hasMessageStartingWith("request:3:5: route-delete: route 10.99.0.0/16 does not exist in inet.0");
        assertThat(jetemu.device().interfaces()).extracting(InterfaceView::name).containsExactly("ge-0/0/2");
    }

    @Test
    void anInvalidScenarioFileThrowsWithItsPlace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("typo.yaml"), """
                steps:
                  - ifd-ad: ge-0/0/1
                """);

        assertThatThrownBy(() -> jetemu.run(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file + ":2:5: unknown step 'ifd-ad' (did you mean 'ifd-add'?)");
        assertThatThrownBy(() -> jetemu.runBundled("interface-flaps"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no bundled scenario 'interface-flaps' (did you mean 'interface-flap'?)");
    }

    @Test
    void awaitingSubscribersThatNeverComeFailsTheTestSayingWhoIsThere() {
        assertThatThrownBy(() -> jetemu.awaitSubscribers("myapp/#", 1, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected 1 client subscribed to myapp/# within 100 ms; subscribed: ");
    }

    @Test
    void resetEmptiesTheDeviceAndRestoresTheHostName() throws Exception {
        jetemu.run("""
                device: { hostname: other, interfaces: [{ name: ge-0/0/5 }] }
                steps: []
                """);

        jetemu.reset();

        assertThat(jetemu.device().hostname()).isEqualTo("lab-vmx");
        assertThat(jetemu.device().interfaces()).isEmpty();
    }

    @Nested
    class InANestedClass {

        @Test
        void theEnclosingClassEmulatorIsShared(Jetemu nested) {
            assertThat(nested).isSameAs(shared).isSameAs(jetemu);
        }
    }
}
