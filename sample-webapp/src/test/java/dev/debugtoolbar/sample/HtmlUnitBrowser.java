package dev.debugtoolbar.sample;

import java.util.function.Supplier;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;

/** HtmlUnit as the sample's browser tests use it, and a wait that lets a page's scripts run meanwhile. */
final class HtmlUnitBrowser {

    private static final long WAIT_MILLIS = 20_000;

    private HtmlUnitBrowser() {
    }

    /** A browser that applies CSS, fails on script errors and hands back error pages instead of throwing. */
    static WebClient open() {
        WebClient browser = new WebClient(BrowserVersion.FIREFOX);
        browser.getOptions().setCssEnabled(true);
        browser.getOptions().setThrowExceptionOnScriptError(true);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        return browser;
    }

    /**
     * Polls until {@code condition} gives something other than null or false (HtmlUnit runs the page's scripts
     * on threads of its own meanwhile), and fails naming {@code what} after a generous while.
     */
    static <T> T waitFor(String what, Supplier<T> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
