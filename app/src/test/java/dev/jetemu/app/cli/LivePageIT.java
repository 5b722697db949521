package dev.jetemu.app.cli;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live page in a real browser: Debian's Chromium, headless, driven through Debian's
 * chromedriver (built from the same source, so always the same version) with Selenium's Java
 * bindings. The packaged jar serves; a Paho application connects; the test looks at the page as
 * a user would, presses its buttons and reads what they show. A screenshot of the page at the
 * end is left in {@code target/live-page.png} for people.
 *
 * <p>Where Chromium or chromedriver is missing the test is skipped, except under CI
 * ({@code CI=true}), where {@code .ci/run} installs them and a skip would hide a failure.
 */
class LivePageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "live-page.png");
    private static final String APPLICATION = "live-page-it-app";
    private static final String FILTER = "/junos/events/kernel/#";
    private static final String IFD_CHANGE = "/junos/events/kernel/interfaces/ifd/change/ge-0/0/1";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final boolean PRESENT = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);

    private static JetemuProcess jetemu;
    private static MqttClient application;
    private static final List<String> delivered = new CopyOnWriteArrayList<>();
    private static ChromeDriverService chromedriver;
    private static WebDriver browser;
    private static String page;

    @BeforeAll
    static void start() throws Exception {
        if (!PRESENT && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(CHROMIUM + " or " + CHROMEDRIVER + " is missing; .ci/run installs the "
                    + "Debian packages chromium and chromium-driver");
        }
        if (!PRESENT) {
            return; // the test reports itself skipped
        }

        jetemu = JetemuProcess.start("serve", "--port", "0", "--http-port", "0", "--hostname", "browser-lab");
        int mqttPort = jetemu.awaitReady();
        page = "http://127.0.0.1:" + jetemu.httpPort() + "/";

        application = PahoClients.connected(mqttPort, APPLICATION);
        application.subscribe(FILTER, 1, (topic, message) -> delivered.add(topic));

        // Debian's chromedriver started by hand and spoken to as a plain WebDriver server: no
        // Selenium Manager (nothing looked up or downloaded), no DevTools protocol to match to
        // the browser's version.
        chromedriver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "live-page-chromedriver.log").toFile())
                .build();
        chromedriver.start();
        ChromeOptions chromium = new ChromeOptions();
        chromium.setBinary(CHROMIUM.toFile());
        chromium.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                // No calls home: they are refused on a closed network, and slow every start.
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic");
        // chromedriver gives Chromium a new empty profile and removes it when the browser quits.
        browser = new RemoteWebDriver(chromedriver.getUrl(), chromium);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                screenshot();
                browser.quit();
            }
        } finally {
            if (chromedriver != null) {
                chromedriver.stop();
            }
            if (application != null) {
                if (application.isConnected()) {
                    application.disconnect();
                }
                application.close();
            }
            if (jetemu != null) {
                assertThat(jetemu.terminate(10)).isZero();
            }
        }
    }

    /** The whole page as the browser last drew it, for a person to look at (also after a failure). */
    private static void screenshot() throws IOException {
        Object height = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        browser.manage().window().setSize(new Dimension(1400, Math.max(1000, ((Number) height).intValue())));
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theConnectedApplicationAFlapRunByItsButtonAndAnInterfaceBroughtDownAreShown() {
        Assumptions.assumeTrue(PRESENT, "skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are not both installed (apt-get install chromium chromium-driver)");
        // The page loads: its title, the device's host name, the broker's state and port.
        browser.get(page);
        assertThat(browser.getTitle()).isEqualTo("jetemu: live device");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(text("#hostname")).isEqualTo("browser-lab");
            assertThat(text("#status")).isEqualTo("ready");
            assertThat(text("#ports")).startsWith("MQTT port ");
            assertThat(element("#stream-state").getDomAttribute("data-state")).as("the event stream").isEqualTo("open");
        });

        // The application is listed with its address and its subscription.
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            List<String> cells = cells("#clients tr[data-client-id='" + APPLICATION + "']").stream()
                    .map(WebElement::getText).toList();
            assertThat(cells).hasSize(4);
            assertThat(cells.get(0)).isEqualTo(APPLICATION);
            assertThat(cells.get(1)).as("address").startsWith("127.0.0.1:");
            assertThat(cells.get(2)).as("subscriptions").isEqualTo(FILTER + " (QoS 1)");
            assertThat(cells.get(3)).as("queued").isEqualTo("0");
        });

        // interface-flap in virtual time, from its run button: its report, its twelve events in
        // the list (three downs and three ups of ge-0/0/1 and of ge-0/0/1.0), its device live.
        browser.findElement(By.id("virtual-time")).click();
        element("button[data-scenario='interface-flap']").click();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(text("#message")).isEqualTo("PASS interface-flap (12 events)");
            assertThat(text("#event-count")).isEqualTo("12");
            assertThat(browser.findElements(By.cssSelector("#events li[data-topic='" + IFD_CHANGE + "']")))
                    .hasSize(6).allSatisfy(item -> assertThat(item.getText()).contains("KERNEL_EVENT_IFD_CHANGE"));
            assertThat(text("#hostname")).isEqualTo("vmx1");
            assertThat(browser.findElements(By.cssSelector("#interfaces tr")))
                    .extracting(row -> row.getDomAttribute("data-interface"))
                    .containsExactly("ge-0/0/0", "ge-0/0/1", "lo0");
            assertThat(link("ge-0/0/1")).isEqualTo("up");
        });
        await().atMost(PATIENCE).until(() -> delivered.size() == 12);

        // ge-0/0/1 brought down with its button: one more link change on top of the list, the
        // table shows the link down and offers to bring it up, the application got the event too.
        element("#interfaces tr[data-interface='ge-0/0/1'] button[data-action='down']").click();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(text("#message")).isEqualTo("ge-0/0/1 down: 2 events published");
            assertThat(text("#event-count")).isEqualTo("14");
            assertThat(browser.findElements(By.cssSelector("#events li[data-topic='" + IFD_CHANGE + "']")))
                    .hasSize(7);
            assertThat(browser.findElements(By.cssSelector("#events li")).subList(0, 2))
                    .extracting(item -> item.getDomAttribute("data-topic"))
                    .containsExactlyInAnyOrder(IFD_CHANGE, "/junos/events/kernel/interfaces/ifl/change/ge-0/0/1.0");
            assertThat(link("ge-0/0/1")).isEqualTo("down");
            assertThat(cells("#interfaces tr[data-interface='ge-0/0/1']").get(2).getText()).isEqualTo("down");
            assertThat(text("#interfaces tr[data-interface='ge-0/0/1'] button")).isEqualTo("bring up");
            assertThat(link("ge-0/0/0")).isEqualTo("up");
        });
        await().atMost(PATIENCE).until(() -> delivered.size() == 14);
        assertThat(delivered.get(12)).isEqualTo(IFD_CHANGE);
    }

    private static WebElement element(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static String text(String css) {
        return element(css).getText();
    }

    private static List<WebElement> cells(String rowCss) {
        return element(rowCss).findElements(By.tagName("td"));
    }

    private static String link(String ifd) {
        return element("#interfaces tr[data-interface='" + ifd + "']").getDomAttribute("data-link");
    }
}
