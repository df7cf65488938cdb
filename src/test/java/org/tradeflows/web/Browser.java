package org.tradeflows.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through chromedriver (both installed by .ci/run), with the flags this machine needs:
 * no background networking, a fresh profile. Collects the browser console so that tests fail on any warning or error, waits
 * on conditions only, and saves full-page screenshots under target/screenshots/.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final boolean phone;
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile, boolean phone) {
        this.driver = driver;
        this.profile = profile;
        this.phone = phone;
    }

    public static Browser start(int width, int height) {
        return start(width, height, false);
    }

    /** A phone: the window emulates a touch screen of that size (as Chrome's device mode does), so the page's
     * viewport is exactly that wide; a plain window can not be made narrower than the browser's own minimum. */
    public static Browser phone(int width, int height) {
        return start(width, height, true);
    }

    private static Browser start(int width, int height, boolean phone) {
        try {
            Path profile = Files.createTempDirectory("tradeflows-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(executable("TRADEFLOWS_CHROMIUM", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--disable-extensions", "--lang=en-US", "--force-prefers-reduced-motion",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            if (phone) {
                options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                        Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            // both paths given: Selenium Manager is never asked to find or download anything
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(executable("TRADEFLOWS_CHROMEDRIVER", "/usr/bin/chromedriver")))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            if (!phone) {
                driver.manage().window().setSize(new Dimension(width, height));
            }
            return new Browser(driver, profile, phone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String executable(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, TIMEOUT);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits until the explorer panel has finished loading the view in the address bar (ready, empty or error) and
     * answers it.
     */
    public WebElement awaitPanel(String name) {
        String css = "#panel-" + name;
        waiting().withMessage(() -> name + " panel did not finish: state " + find(css).getAttribute("data-state")
                + ", loaded " + find(css).getAttribute("data-search") + ", message " + find(css + " .message").getText())
                .until(d -> {
                    WebElement panel = find(css);
                    String state = panel.getAttribute("data-state");
                    return ("ready".equals(state) || "empty".equals(state) || "error".equals(state))
                            && String.valueOf((Object) script("return location.search")).equals(panel.getAttribute("data-search"));
                });
        return find(css);
    }

    /** Waits until the element has the attribute value, e.g. a panel's data-state="ready". */
    public WebElement awaitAttribute(String css, String attribute, String value) {
        waiting().withMessage(() -> css + " never had " + attribute + "=" + value + " (has "
                + attributeOrNull(css, attribute) + "; console: " + consoleText() + ")")
                .until(d -> value.equals(attributeOrNull(css, attribute)));
        return find(css);
    }

    private String attributeOrNull(String css, String attribute) {
        List<WebElement> found = findAll(css);
        return found.isEmpty() ? null : found.get(0).getAttribute(attribute);
    }

    public void awaitUrlContains(String part) {
        waiting().until(ExpectedConditions.urlContains(part));
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String js, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A bar as the browser drew it: its box on the page, in CSS pixels. */
    public record Bar(double x, double y, double width, double height) {
        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    /**
     * The bars drawn in a chart (ECharts draws SVG): every path filled with one of the colours (as CSS computes them,
     * e.g. "rgb(47, 109, 181)"), measured where they are on the page, so what is checked is what a reader sees rather
     * than the option handed to ECharts. The hatching of lower bounds is a separate path filled with a pattern.
     */
    public List<Bar> drawnBars(String chartCss, String... fills) {
        List<List<Number>> boxes = script("""
                const fills = arguments[1];
                return [...document.querySelectorAll(arguments[0] + ' svg path')]
                  .filter(p => fills.includes(getComputedStyle(p).fill))
                  .map(p => p.getBoundingClientRect())
                  .map(r => [r.x + window.scrollX, r.y + window.scrollY, r.width, r.height]);""", chartCss, List.of(fills));
        return boxes.stream().map(b -> new Bar(b.get(0).doubleValue(), b.get(1).doubleValue(), b.get(2).doubleValue(),
                b.get(3).doubleValue())).toList();
    }

    /** The texts drawn in a chart's SVG (axis labels, bar labels), top to bottom, then left to right. */
    public List<String> drawnTexts(String chartCss) {
        return script("""
                return [...document.querySelectorAll(arguments[0] + ' svg text')]
                  .map(t => [t.getBoundingClientRect(), t.textContent])
                  .sort((a, b) => a[0].y - b[0].y || a[0].x - b[0].x).map(e => e[1]);""", chartCss);
    }

    /** Console entries so far (the driver hands each entry out once, so they are kept here). */
    public List<LogEntry> console() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        return List.copyOf(console);
    }

    private String consoleText() {
        return console().stream().map(e -> e.getLevel() + " " + e.getMessage()).toList().toString();
    }

    /**
     * Fails on any console warning or error since the last call: console.warn and console.error, failed requests,
     * uncaught exceptions, deprecations the browser reports.
     */
    public void assertNoConsoleErrors() {
        List<String> severe = console().stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
        console.clear();
        assertThat(severe).as("browser console warnings and errors").isEmpty();
    }

    /** Forgets the console so far (for pages that are not ours, e.g. GraphiQL). */
    public void discardConsole() {
        console();
        console.clear();
    }

    /**
     * Saves a screenshot of the whole page as target/screenshots/NAME.png: the viewport is made as tall as the page,
     * the charts are left to redraw at that size (waited for on their data-state), then the size is restored.
     */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            long width = script("return document.documentElement.clientWidth;");
            long height = script("return window.innerHeight;");
            long page = Math.min(12000, (long) script("return document.documentElement.scrollHeight;"));
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", page, "deviceScaleFactor", 1, "mobile", phone));
            try {
                awaitChartsDrawn();
                Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
                Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            } finally {
                if (phone) {
                    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                            Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
                } else {
                    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
                }
                awaitChartsDrawn();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two animation frames (so that resize observers have run), then no chart still drawing. */
    private void awaitChartsDrawn() {
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
        waiting().withMessage("charts still drawing").until(d -> findAll(".chart[data-state='rendering']").isEmpty());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
