package dev.behalf.gateway.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through chromedriver, offline (no background networking), with a
 * fresh profile. Waits are bounded polls on DOM state; screenshots go to {@code target/screenshots},
 * or to the folder named by the {@code behalf.screenshots} system property (the README's images:
 * {@code -Dbehalf.screenshots=../docs/screenshots}).
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    static Browser start() {
        return start(options -> { });
    }

    /** With more Chromium options (flags, capabilities) on top of the defaults. */
    static Browser start(Consumer<ChromeOptions> more) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the web UI tests need Debian's headless Chromium: "
                    + "apt-get install -y chromium chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        try {
            Path profile = Files.createTempDirectory("behalf-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=en-US");
            more.accept(options);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            Path shots = Path.of(System.getProperty("behalf.screenshots", "target/screenshots"));
            Files.createDirectories(shots);
            return new Browser(driver, profile, shots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads the page afresh (a new document even when only the hash differs). */
    void open(String url) {
        driver.get("about:blank");
        driver.get(url);
    }

    /** Waits for a visible element. */
    WebElement await(By by) {
        return new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the condition yields something other than null or false. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT).until(condition::apply);
    }

    /** Waits for the element whose text contains {@code text} among those {@code by} finds. */
    WebElement awaitText(By by, String text) {
        return until(d -> d.findElements(by).stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null));
    }

    /**
     * Clicks the element {@code by} finds whose text contains {@code text}, inside it at {@code inner};
     * looked up again when a live update re-rendered it in between.
     */
    void click(By by, String text, By inner) {
        until(d -> {
            try {
                WebElement e = d.findElements(by).stream().filter(x -> x.getText().contains(text)).findFirst().orElse(null);
                if (e == null) {
                    return null;
                }
                e.findElement(inner).click();
                return true;
            } catch (StaleElementReferenceException stale) {
                return null;
            }
        });
    }

    /**
     * The text at {@code inner} inside the element {@code by} finds whose text contains {@code text};
     * looked up again when a live update re-rendered it in between.
     */
    String text(By by, String text, By inner) {
        return until(d -> {
            try {
                return d.findElements(by).stream().filter(x -> x.getText().contains(text)).findFirst()
                        .map(e -> e.findElement(inner).getText()).orElse(null);
            } catch (StaleElementReferenceException stale) {
                return null;
            }
        });
    }

    void screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
