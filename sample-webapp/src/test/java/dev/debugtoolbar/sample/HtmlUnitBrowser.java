package dev.debugtoolbar.sample;

import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh HtmlUnit browser for each test ({@code @RegisterExtension final HtmlUnitBrowser browser = new
 * HtmlUnitBrowser();}) that applies CSS, fails on script errors and hands back error pages instead of throwing;
 * and a wait that lets a page's scripts run meanwhile.
 */
final class HtmlUnitBrowser implements BeforeEachCallback, AfterEachCallback {

    private static final long WAIT_MILLIS = 20_000;

    private WebClient client;

    @Override
    public void beforeEach(ExtensionContext context) {
        client = new WebClient(BrowserVersion.FIREFOX);
        client.getOptions().setCssEnabled(true);
        client.getOptions().setThrowExceptionOnScriptError(true);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
    }

    /** Loads the HTML page at {@code uri}. */
    HtmlPage open(URI uri) throws IOException {
        return client.getPage(uri.toString());
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
