package cn.minzheng.systemtests.console;

import cn.minzheng.systemtests.platform.Platform;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, found at their Debian paths or
 * {@code -Dconsole.chromium=} / {@code -Dconsole.chromedriver=}; never downloaded) with its own profile, so each
 * user logs in on their own. Without the browser the tests are skipped on a developer's machine and FAIL under
 * {@code CI=true} (.ci/run installs both). Waits are on conditions, never sleeps.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final WebDriver driver;
    final WebDriverWait wait;
    final String gateway;

    private Browser(WebDriver driver, String gateway) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        this.gateway = gateway;
    }

    static Browser open(Platform platform) {
        Path chromium = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String missing = "headless Chromium needs " + chromium + " and " + chromedriver
                    + " (Debian: apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true: the console's browser tests never skip — " + missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--window-size=1280,1000", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        return new Browser(driver, platform.gatewayUrl());
    }

    /** Logs in as a demo user on the identity server's login page, from the console's entry page. */
    void login(String user) {
        driver.get(gateway + "/console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("main a.button"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(gateway + "/console/")
                && !d.findElements(By.cssSelector(".who span")).isEmpty());
    }

    void go(String path) {
        driver.get(gateway + path);
    }

    WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited for \"" + text + "\" in " + by + " on " + driver.getCurrentUrl()
                    + "; the page says: " + pageSummary(), e);
        }
    }

    /** The page's heading and any problem or unavailability it shows, for a failure message. */
    String pageSummary() {
        StringBuilder out = new StringBuilder();
        for (WebElement e : driver.findElements(By.cssSelector("h1, #problem, .unavailable, .field-error"))) {
            if (!e.getText().isBlank()) {
                out.append(" | ").append(e.getText().replace('\n', ' '));
            }
        }
        return out.toString();
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    void type(String id, String text) {
        WebElement field = await(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A PNG of the whole page into docs/console/ (the README shows them). */
    void screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollHeight");
            int h = Math.min(2400, Math.max(before.getHeight(), ((Number) height).intValue() + 140));
            driver.manage().window().setSize(new Dimension(before.getWidth(), h));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = Platform.repositoryRoot().resolve("docs").resolve("console").resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + ": " + e.getMessage(), e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** The page as a phone shows it (375 px wide). */
    void phone() {
        driver.manage().window().setSize(new Dimension(375, 900));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
