package dochooks.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium, headless, driven through classic WebDriver by Debian's chromedriver: both paths are given,
 * so Selenium never looks for (or downloads) a driver or a browser. Chromium's own background traffic (updates,
 * sync, field trials, safe browsing) is switched off: the tests talk to loopback only.
 *
 * <p>Where Chromium is absent the browser tests are skipped, saying so, unless {@code -Dconsole.browser.required=true}
 * (CI sets it), which makes its absence a failure.
 */
final class HeadlessChromium {
    static final Path BROWSER = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PAGE_LOAD = Duration.ofSeconds(20);
    private static volatile boolean skipAnnounced;

    private HeadlessChromium() {
    }

    /** Skips the calling test (or fails it, when required) when Chromium or its driver is not installed. */
    static boolean isInstalled() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    static void requireInstalled() {
        boolean installed = isInstalled();
        String missing = "Chromium browser tests need " + BROWSER + " and " + DRIVER
                + " (Debian packages chromium and chromium-driver)";
        if (Boolean.getBoolean("console.browser.required")) {
            Assertions.assertTrue(installed, missing + "; -Dconsole.browser.required=true makes this a failure");
        }
        if (!installed && !skipAnnounced) {
            skipAnnounced = true; // the build's output says it once; each skipped test's report says it too
            System.err.println("[console browser tests] " + missing + ": skipped");
        }
        Assumptions.assumeTrue(installed, missing + ": skipped");
    }

    /**
     * A new browser with an empty profile in {@code profile}, a window of the given size, and the given
     * {@code Accept-Language} (as a user's language settings would send it).
     */
    static ChromeDriver start(Path profile, int width, int height, String acceptLanguages) {
        requireInstalled();
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(List.of(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                "--disable-quic", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--metrics-recording-only", "--no-proxy-server", "--password-store=basic",
                "--window-size=" + width + "," + height,
                "--lang=" + acceptLanguages.split(",")[0],
                "--user-data-dir=" + profile));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        // the page's console messages: script errors and Content-Security-Policy violations are read by the tests
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD).scriptTimeout(PAGE_LOAD);
        return driver;
    }

    /**
     * What the pages reported as errors since the last call, leaving out the browser's own line for each API
     * answer that is an error by design (a refused token, a validation problem, a stale version).
     */
    static List<String> pageErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource: the server responded with a status of 4"))
                .toList();
    }
}
