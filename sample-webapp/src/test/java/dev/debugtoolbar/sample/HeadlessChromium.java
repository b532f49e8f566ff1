package dev.debugtoolbar.sample;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium ({@code chromium} and {@code chromium-driver}), headless, driven by Selenium, with helpers
 * that reach into the toolbar's open Shadow DOM root. Without Chromium a browser test skips with {@link #MISSING},
 * unless the environment variable {@code DEBUGTOOLBAR_CHROMIUM=required} (set by {@code .ci/run}) makes it fail.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Why a browser test was skipped. */
    static final String MISSING = "Headless Chromium is not installed (" + BROWSER + ", " + DRIVER + "): install"
            + " Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) to run the browser tests";

    /** The toolbar's shadow root, or the host itself where a browser has none; {@code null} before it is built. */
    private static final String ROOT = "var host = document.querySelector('div.tb-host');"
            + " var root = host && (host.shadowRoot || host);";

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Whether Chromium and its driver are installed; when they are not and the environment variable
     * {@code DEBUGTOOLBAR_CHROMIUM=required} is set, fails the calling test instead.
     */
    static boolean installed() {
        boolean installed = BROWSER.canExecute() && DRIVER.canExecute();
        if (!installed && "required".equals(System.getenv("DEBUGTOOLBAR_CHROMIUM"))) {
            fail(MISSING + "; DEBUGTOOLBAR_CHROMIUM=required");
        }
        return installed;
    }

    /** Starts an installed browser with a fresh profile. */
    static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("tb-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (WebDriverException e) {
            delete(profile);
            throw e;
        }
    }

    /** Opens {@code uri} and waits until the toolbar's loader has built its host element. */
    void open(URI uri) {
        driver.get(uri.toString());
        awaitToolbarHost();
    }

    /** Opens {@code uri} without waiting for the toolbar (for a page where it must stay off). */
    void visit(URI uri) {
        driver.get(uri.toString());
    }

    /** Waits until the page (for example one a form led to) has built the toolbar's host element. */
    void awaitToolbarHost() {
        await("the toolbar on " + driver.getCurrentUrl(),
                "return document.querySelector('div.tb-host[data-tb-init=\"true\"]') !== null;");
    }

    /** Runs {@code script} in the page, with {@code arguments[0..]}. */
    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** A Chrome DevTools command, such as {@code Network.setExtraHTTPHeaders}. */
    void devTools(String command, Map<String, Object> parameters) {
        driver.executeCdpCommand(command, parameters);
    }

    /** The current page's URL. */
    URI currentUri() {
        return URI.create(driver.getCurrentUrl());
    }

    /** Opens the toolbar by clicking its handle, and waits for its nav; returns the ids of its panels in order. */
    @SuppressWarnings("unchecked")
    List<String> openToolbar() {
        script(ROOT + " if (host.getAttribute('data-tb-ready') !== 'true') { root.querySelector('.tb-handle').click(); }");
        await("the toolbar's nav", "return document.querySelector('div.tb-host').getAttribute('data-tb-ready') === 'true';");
        return (List<String>) script(ROOT + " return Array.prototype.map.call("
                + "root.querySelectorAll('.tb-bar [data-tb-panel]'), function (b) { return b.getAttribute('data-tb-panel'); });");
    }

    /** Clicks the nav button of {@code panelId} and waits until its content has loaded (failing if it could not). */
    void openPanel(String panelId) {
        script(ROOT + " var buttons = root.querySelectorAll('.tb-bar [data-tb-panel]');"
                + " for (var i = 0; i < buttons.length; i++) {"
                + "   if (buttons[i].getAttribute('data-tb-panel') === arguments[0]) { buttons[i].click(); return; } }"
                + " throw new Error('no nav button for ' + arguments[0]);", panelId);
        Object state = await("panel " + panelId, ROOT + " var all = root.querySelectorAll('.tb-panel-content');"
                + " for (var i = 0; i < all.length; i++) { var c = all[i];"
                + "   if (c.getAttribute('data-tb-panel-content') === arguments[0] && !c.hidden) {"
                + "     if (c.getAttribute('data-tb-error') === 'true') { return 'error: ' + c.textContent; }"
                + "     if (c.getAttribute('data-tb-loaded') !== 'true') { return null; }"
                + "     var history = c.querySelector('[data-tb-history]');"
                + "     return history && history.getAttribute('data-tb-history-loaded') !== 'true' ? null : 'loaded'; } }"
                + " return null;", panelId);
        if (!"loaded".equals(state)) {
            fail("panel " + panelId + " did not load: " + state);
        }
    }

    /** The text of each element that matches {@code selector} in the open content of {@code panelId}. */
    @SuppressWarnings("unchecked")
    List<String> texts(String panelId, String selector) {
        return (List<String>) script(ROOT + " var all = root.querySelectorAll('.tb-panel-content'); var found = [];"
                + " for (var i = 0; i < all.length; i++) {"
                + "   if (all[i].getAttribute('data-tb-panel-content') === arguments[0] && !all[i].hidden) {"
                + "     var matches = all[i].querySelectorAll(arguments[1]);"
                + "     for (var j = 0; j < matches.length; j++) { found.push(matches[j].textContent); } } }"
                + " return found;", panelId, selector);
    }

    /** The trimmed text of each cell, row by row, of the tables in the open content of {@code panelId}. */
    @SuppressWarnings("unchecked")
    List<List<String>> rows(String panelId) {
        return (List<List<String>>) script(ROOT + " var all = root.querySelectorAll('.tb-panel-content'); var rows = [];"
                + " for (var i = 0; i < all.length; i++) {"
                + "   if (all[i].getAttribute('data-tb-panel-content') === arguments[0] && !all[i].hidden) {"
                + "     var trs = all[i].querySelectorAll('tr');"
                + "     for (var j = 0; j < trs.length; j++) {"
                + "       rows.push(Array.prototype.map.call(trs[j].cells, function (c) { return c.textContent.trim(); })); } } }"
                + " return rows;", panelId);
    }

    /** The text of each element that matches {@code selector} anywhere in the toolbar (nav, overlay, panels). */
    @SuppressWarnings("unchecked")
    List<String> toolbarTexts(String selector) {
        return (List<String>) script(ROOT + " return Array.prototype.map.call(root.querySelectorAll(arguments[0]),"
                + " function (e) { return e.textContent; });", selector);
    }

    /**
     * Waits until an image the page asks for has failed to load: by then the browser has also reported the
     * failures of images asked for earlier (such as a payload's {@code <img src=x onerror=...>}).
     */
    void settle() {
        driver.executeAsyncScript("var done = arguments[arguments.length - 1]; var probe = new Image();"
                + " probe.onload = probe.onerror = function () { done(true); };"
                + " probe.src = '/__no-such-image?' + Date.now();");
    }

    /** Waits until {@code script} returns something other than null or false, and returns it. */
    Object await(String what, String script, Object... arguments) {
        try {
            return new WebDriverWait(driver, WAIT).until(d -> {
                Object value = driver.executeScript(script, arguments);
                return Boolean.FALSE.equals(value) ? null : value;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
