package cn.hotline.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
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
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // Every document records the Content-Security-Policy violations it sees (run by the browser, not the page,
        // so the page's own CSP does not stop it).
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', function (e) {
                  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')
                      + ' at ' + e.sourceFile + ':' + e.lineNumber);
                });"""));
        Browser browser = new Browser(driver, base);
        browser.viewport(DESKTOP);
        return browser;
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
        viewport(DESKTOP);
        save(name + "-desktop");
        viewport(PHONE);
        settle();
        boolean fits = Boolean.TRUE.equals(js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
        save(name + "-phone");
        viewport(DESKTOP);
        return fits;
    }

    /**
     * The page's own area (not the window, whose frame takes part of it) at exactly {@code size}, so a phone
     * screenshot is 390×844 as a phone shows it.
     */
    void viewport(Dimension size) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width,
                "height", size.height, "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * What a keyboard or screen-reader user would miss on this page: every visible input, select and textarea
     * without a label (a {@code <label>}, {@code aria-label} or {@code aria-labelledby}), and every one of the first
     * {@code tabStops} elements the Tab key reaches that shows no focus ring (outline or box shadow).
     */
    List<String> accessibilityProblems(int tabStops) {
        List<String> problems = new ArrayList<>();
        Object unlabelled = js("""
                return Array.from(document.querySelectorAll('input, select, textarea')).filter(function (e) {
                  if (['hidden', 'submit', 'button', 'reset'].indexOf(e.type) >= 0 || e.getClientRects().length === 0) return false;
                  return e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby');
                }).map(function (e) { return 'no label: ' + e.outerHTML.substring(0, 160); });""");
        for (Object problem : (List<?>) unlabelled) {
            problems.add(String.valueOf(problem));
        }
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int i = 0; i < tabStops; i++) {
            Object seen = js("""
                    var e = document.activeElement;
                    if (!e || e === document.body) return 'end';
                    var s = getComputedStyle(e);
                    var ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
                    return ring ? 'ok' : 'no visible focus: ' + e.outerHTML.substring(0, 160);""");
            if ("end".equals(seen)) {
                break;
            }
            if (!"ok".equals(seen)) {
                problems.add(String.valueOf(seen));
            }
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        return problems;
    }

    /**
     * The Content-Security-Policy violations since the last call: the current document's own record, and the
     * browser log's SEVERE entries that name the policy (Chromium logs every violation there, from every document).
     */
    List<String> cspViolations() {
        List<String> found = new ArrayList<>();
        Object recorded = js("return window.__cspViolations ? window.__cspViolations.splice(0) : [];");
        for (Object violation : (List<?>) recorded) {
            found.add(String.valueOf(violation));
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && entry.getMessage().contains("Content Security Policy")) {
                found.add(entry.getMessage());
            }
        }
        return found;
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
