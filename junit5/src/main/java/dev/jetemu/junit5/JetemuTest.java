package dev.jetemu.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated test class against an emulated Junos device in the test's own JVM: one
 * emulator for the class (and its {@code @Nested} classes), on a free MQTT port, admitting
 * loopback clients, closed after the class. The test reaches it through a {@link Jetemu} handle,
 * as a parameter (of a test, lifecycle method or constructor) or a field of type {@code Jetemu},
 * static or not, which the extension fills in.
 *
 * <pre>{@code
 * @JetemuTest(hostname = "vmx1")
 * class LinkMonitorTest {
 *
 *     Jetemu jetemu;
 *
 *     @BeforeEach
 *     void freshDevice() {
 *         jetemu.reset();
 *     }
 *
 *     @Test
 *     void alertsWhenALinkGoesDown() throws Exception {
 *         LinkMonitor monitor = LinkMonitor.connect(jetemu.mqttUri());
 *         jetemu.awaitSubscribers("/junos/events/kernel/#", 1, Duration.ofSeconds(10));
 *         jetemu.apply("""
 *                 - ifd-add: ge-0/0/1
 *                 - interface-down: ge-0/0/1
 *                 """);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The device is shared by the class's tests: call {@link Jetemu#reset()} where each test
 * should start from an empty device.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(JetemuExtension.class)
public @interface JetemuTest {

    /** The device's host name, carried by every event. */
    String hostname() default "jetemu";

    /** The MQTT port; 0 picks a free one, which {@link Jetemu#mqttPort()} tells. */
    int port() default 0;

    /**
     * Who may connect: addresses, prefixes ({@code 10.0.0.0/8}) or host names, as {@code --allow};
     * none given admits loopback clients only. The emulator listens on every address when this is set,
     * on the loopback address otherwise.
     */
    String[] allowClients() default {};

    /** Serves the control API and live page on a free port ({@link Jetemu#httpUri()}), to watch a test from a browser. */
    boolean controlApi() default false;
}
