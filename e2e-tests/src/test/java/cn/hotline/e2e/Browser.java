package cn.hotline.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium: sign-in through Keycloak, keys to whatever has the focus, and
 * screenshots at desktop (1440×900) and phone (390×844) size under target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1440, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SHOTS = Path.of(System.getProperty("hotline.e2e.screenshots", "target/screenshots"));

    final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(String base) {
        File chromium = new File(System.getProperty("hotline.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("hotline.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            installBrowser();
        }
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("the browser tests need Debian's Chromium: apt-get install -y chromium"
                    + " chromium-driver fonts-wqy-microhei (.ci/run installs them when missing)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--lang=zh-CN", "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base);
    }

    /** The project's own installer (deploy/local/browser.sh: Debian's chromium, chromium-driver, a CJK font), once. */
    private static synchronized void installBrowser() {
        Path script = Path.of(System.getProperty("hotline.root", "..")).resolve("deploy/local/browser.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString()).inheritIO().start();
            process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens {@code path}, signs in on Keycloak's page with the keyboard, and returns once back on the console. */
    Browser signIn(String user, String path) {
        driver.get(base + path);
        WebElement username = waitFor(By.id("username"), Duration.ofSeconds(60));
        username.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("local-" + user, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().startsWith(base));
        return this;
    }

    void get(String path) {
        driver.get(base + path);
    }

    WebElement waitFor(By by, Duration bound) {
        return new WebDriverWait(driver, bound).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks what {@code by} finds once it shows; the board's live refresh may replace a row between finding its
     * button and clicking it (a person just clicks the new one), so a stale element is looked up again.
     */
    void click(By by, Duration bound) {
        new WebDriverWait(driver, bound).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Keys to the focused element only: the operator's hands never leave the keyboard. */
    void keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    String focusedId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves {@code name}-desktop.png and {@code name}-phone.png; true when the phone view needs no horizontal scroll. */
    boolean shots(String name) throws IOException {
        Files.createDirectories(SHOTS);
        driver.manage().window().setSize(DESKTOP);
        save(name + "-desktop");
        driver.manage().window().setSize(PHONE);
        settle();
        boolean fits = Boolean.TRUE.equals(js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
        save(name + "-phone");
        driver.manage().window().setSize(DESKTOP);
        return fits;
    }

    private void save(String file) throws IOException {
        settle();
        Files.write(SHOTS.resolve(file + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Two animation frames: the layout after a resize (and what observes it) has been painted. */
    private void settle() {
        ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; requestAnimationFrame(function () { requestAnimationFrame(done); });");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
