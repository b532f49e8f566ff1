package dev.debugtoolbar.sample;

import static dev.debugtoolbar.sample.HtmlUnitBrowser.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The toolbar in a browser (HtmlUnit, which has no Shadow DOM: the toolbar builds in a plain container) on the
 * sample shop: History with the AJAX page's XHR call, switching, following calls live, the Timeline's jump to a
 * statement, the error page, an intercepted redirect and a filter box.
 */
class ToolbarBrowserIT {

    @RegisterExtension
    static final RunningSample SAMPLE = new RunningSample();

    @RegisterExtension
    final HtmlUnitBrowser browser = new HtmlUnitBrowser();

    @Test
    void historyListsThePagesXhrCallAndSwitchesTheWholeToolbarToIt() throws Exception {
        HtmlPage page = browser.open(SAMPLE.uri("ajax"));
        String pageId = page.getWebResponse().getResponseHeaderValue("X-Debug-Toolbar-Id");
        waitFor("the stats to load", () -> page.querySelector("#stats dl") != null);

        openPanel(page, "history");
        DomElement history = waitFor("the history list", () -> loaded(page, "[data-tb-history][data-tb-history-loaded]"));
        DomElement xhrRow = rowFor(history, "/api/stats");
        assertTrue(xhrRow.asNormalizedText().contains("fetch/XHR"), xhrRow.asNormalizedText());
        String xhrId = xhrRow.getAttribute("data-tb-history-id");
        assertTrue(rowFor(history, "/ajax").asNormalizedText().contains("this page"));

        xhrRow.<DomElement>querySelector("[data-tb-action=switch]").click();

        DomElement host = page.querySelector(".tb-host");
        waitFor("the toolbar of the XHR call", () -> xhrId.equals(host.getAttribute("data-tb-request"))
                && "true".equals(host.getAttribute("data-tb-ready"))
                && page.querySelector(".tb-toolbar[data-tb-request='" + xhrId + "']") != null);
        assertEquals("/api/stats", page.querySelector(".tb-path").asNormalizedText());
        DomElement switched = waitFor("History of the XHR call", () -> loaded(page,
                "[data-tb-history][data-tb-history-current='" + xhrId + "'][data-tb-history-loaded]"));
        assertTrue(rowFor(switched, "/api/stats").getAttribute("class").contains("tb-history-current"));

        openPanel(page, "sql");
        DomElement sql = waitFor("the XHR call's SQL panel", () -> loadedPanel(page, "sql"));
        assertTrue(sql.asNormalizedText().contains("FROM"), sql.asNormalizedText());

        openPanel(page, "history");
        DomElement back = waitFor("the history list again", () -> loaded(page,
                "[data-tb-history][data-tb-history-current='" + xhrId + "'][data-tb-history-loaded]"));
        back.<DomElement>querySelector("[data-tb-action=history-home]").click();
        waitFor("the page's own toolbar", () -> pageId.equals(host.getAttribute("data-tb-request"))
                && "true".equals(host.getAttribute("data-tb-ready")));
    }

    @Test
    void followingTheCallsLiveSwitchesToEachNewXhrCall() throws Exception {
        HtmlPage page = browser.open(SAMPLE.uri("ajax"));
        String pageId = page.getWebResponse().getResponseHeaderValue("X-Debug-Toolbar-Id");
        waitFor("the stats to load", () -> page.querySelector("#stats dl") != null);
        openPanel(page, "history");
        DomElement history = waitFor("the history list", () -> loaded(page, "[data-tb-history][data-tb-history-loaded]"));
        HtmlInput follow = history.querySelector("[data-tb-follow]");
        assertFalse(follow.isChecked(), "off unless chosen");
        follow.click();
        assertEquals("true", page.executeJavaScript("window.localStorage.getItem('tb-follow-ajax')")
                .getJavaScriptResult());

        page.<DomElement>querySelector(".tb-overlay-close").click();
        page.<DomElement>querySelector("#reload-stats").click();

        DomElement host = page.querySelector(".tb-host");
        waitFor("the toolbar to follow the new call", () -> !pageId.equals(host.getAttribute("data-tb-request"))
                && "true".equals(host.getAttribute("data-tb-ready")));
        assertEquals("/api/stats", page.querySelector(".tb-path").asNormalizedText());

        HtmlPage next = browser.open(SAMPLE.uri("ajax"));
        waitFor("the stats on a new page", () -> next.querySelector("#stats dl") != null);
        String nextId = next.getWebResponse().getResponseHeaderValue("X-Debug-Toolbar-Id");
        next.<DomElement>querySelector("#reload-stats").click();
        DomElement nextHost = next.querySelector(".tb-host");
        waitFor("the setting to be remembered on the next page", () ->
                !nextId.equals(nextHost.getAttribute("data-tb-request")));
    }

    @Test
    void aTimelineBarOpensTheSqlPanelAtItsStatement() throws Exception {
        HtmlPage page = browser.open(SAMPLE.uri("books/1"));
        openPanel(page, "timeline");
        DomElement timeline = waitFor("the timeline", () -> loadedPanel(page, "timeline"));
        List<DomNode> bars = timeline.querySelectorAll("button.tb-tl-row[data-tb-panel=sql]");
        assertEquals(3, bars.size(), timeline.getTextContent());
        assertTrue(bars.get(2).getTextContent().contains("SQL #3"), bars.get(2).getTextContent());

        ((DomElement) bars.get(2)).click();

        DomElement sql = waitFor("the SQL panel", () -> loadedPanel(page, "sql"));
        assertEquals("sql", page.<DomElement>querySelector(".tb-app").getAttribute("data-tb-panel-open"));
        DomElement statement = sql.querySelector("[data-tb-item='2']");
        assertNotNull(statement);
        assertTrue(statement.getAttribute("class").contains("tb-flash"), statement.getAttribute("class"));
        assertEquals(3, sql.querySelectorAll(".tb-share-fill").size());
    }

    @Test
    void theErrorPageOfAFailingPageCarriesItsToolbarWithTheException() throws Exception {
        HtmlPage page = browser.open(SAMPLE.uri("fail"));

        assertEquals(500, page.getWebResponse().getStatusCode());
        assertTrue(page.asNormalizedText().contains("Something went wrong"), page.asNormalizedText());
        openPanel(page, "exceptions");
        DomElement exceptions = waitFor("the exceptions panel", () -> loadedPanel(page, "exceptions"));
        assertTrue(exceptions.asNormalizedText().contains("java.lang.IllegalStateException"));
        DomElement ownFrame = exceptions.querySelector(".tb-frame-app");
        assertTrue(ownFrame.asNormalizedText().startsWith("dev.debugtoolbar.sample.web.FailServlet.doGet"),
                ownFrame.asNormalizedText());
        openPanel(page, "logging");
        DomElement logging = waitFor("the logging panel", () -> loadedPanel(page, "logging"));
        assertTrue(logging.asNormalizedText().contains("about to fail on purpose"), logging.asNormalizedText());
    }

    @Test
    void aPostThatRedirectsStopsAtAPageWithTheTargetAndThePostsToolbar() throws Exception {
        HtmlPage form = browser.open(SAMPLE.uri("redirect"));
        HtmlPage intercepted = form.<DomElement>querySelector("#save-wish").click();

        assertTrue(intercepted.asNormalizedText().contains("Redirect intercepted"), intercepted.asNormalizedText());
        openPanel(intercepted, "redirects");
        DomElement redirects = waitFor("the redirects panel", () -> loadedPanel(intercepted, "redirects"));
        assertTrue(redirects.asNormalizedText().contains("/redirect?done"), redirects.asNormalizedText());
        assertTrue(intercepted.querySelector(".tb-request-line").asNormalizedText().startsWith("POST 302"),
                intercepted.querySelector(".tb-request-line").asNormalizedText());

        HtmlPage target = intercepted.<DomElement>querySelector("[data-tb-redirect-link]").click();
        assertTrue(target.asNormalizedText().contains("Saved."), target.asNormalizedText());
    }

    @Test
    void theVersionsFilterBoxHidesTheLibrariesThatDoNotMatch() throws Exception {
        HtmlPage page = browser.open(SAMPLE.uri(""));
        openPanel(page, "versions");
        DomElement versions = waitFor("the versions panel", () -> loadedPanel(page, "versions"));
        int all = versions.querySelectorAll("tbody tr").size();
        assertTrue(all > 10, "libraries: " + all);

        HtmlInput filter = versions.querySelector("[data-tb-filter]");
        filter.type("thymeleaf");

        long shown = versions.querySelectorAll("tbody tr").stream()
                .filter(row -> !((DomElement) row).hasAttribute("hidden")).count();
        assertTrue(shown >= 1 && shown < all, shown + " of " + all);
        assertNotEquals("", versions.querySelector("[data-tb-filter-count]").asNormalizedText());
    }

    @Test
    void historyHidesStaticFilesUnlessAskedAndSaysHowManyItHides() throws Exception {
        assertEquals(200, SAMPLE.get("/static/app.css").statusCode());
        HtmlPage page = browser.open(SAMPLE.uri("ajax"));
        waitFor("the stats to load", () -> page.querySelector("#stats dl") != null);
        openPanel(page, "history");
        DomElement history = waitFor("the history list", () -> loaded(page, "[data-tb-history][data-tb-history-loaded]"));
        DomElement css = rowFor(history, "/static/app.css");
        assertTrue(css.hasAttribute("hidden"), "a style sheet is hidden by default");
        assertFalse(rowFor(history, "/api/stats").hasAttribute("hidden"), "a JSON call is not a static file");
        assertFalse(rowFor(history, "/ajax").hasAttribute("hidden"));
        String note = history.querySelector("[data-tb-history-hidden]").asNormalizedText();
        assertTrue(note.matches("\\d+ static files? hidden"), note);

        HtmlInput showStatic = history.querySelector("[data-tb-history-static]");
        assertFalse(showStatic.isChecked());
        showStatic.click();

        assertFalse(css.hasAttribute("hidden"));
        assertEquals("", history.querySelector("[data-tb-history-hidden]").asNormalizedText());
    }

    /** Opens the toolbar if needed and then the panel, by clicking as a person would. */
    private static void openPanel(HtmlPage page, String panelId) throws Exception {
        DomElement app = waitFor("the toolbar", () -> page.querySelector(".tb-host .tb-app"));
        if (!"true".equals(app.getAttribute("data-tb-open"))) {
            page.<DomElement>querySelector(".tb-handle").click();
        }
        DomElement button = waitFor("the nav button of " + panelId,
                () -> page.querySelector(".tb-bar .tb-nav-item[data-tb-panel=" + panelId + "]"));
        if (!panelId.equals(app.getAttribute("data-tb-panel-open"))) {
            button.click();
        }
    }

    private static DomElement loadedPanel(HtmlPage page, String panelId) {
        DomElement content = page.querySelector(".tb-panel-content[data-tb-panel-content=" + panelId + "][data-tb-loaded]");
        return content != null && !content.hasAttribute("hidden") ? content : null;
    }

    private static DomElement loaded(HtmlPage page, String selector) {
        return page.querySelector(".tb-panel-content:not([hidden]) " + selector);
    }

    private static DomElement rowFor(DomElement history, String path) {
        for (DomNode row : history.querySelectorAll("tr[data-tb-history-id]")) {
            if (((DomElement) row).querySelector("code").getTextContent().equals(path)) {
                return (DomElement) row;
            }
        }
        throw new AssertionError(path + " is not in History: " + history.asNormalizedText());
    }

}
