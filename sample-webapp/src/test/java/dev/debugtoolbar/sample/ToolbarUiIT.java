package dev.debugtoolbar.sample;

import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser (HtmlUnit) opens a sample page, then the toolbar, then its panels. */
class ToolbarUiIT {

    private static SampleApp app;
    private WebClient browser;

    @BeforeAll
    static void start() throws Exception {
        app = SampleApp.start(0);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = new WebClient(BrowserVersion.FIREFOX);
        browser.getOptions().setThrowExceptionOnScriptError(true);
        browser.getOptions().setCssEnabled(true);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void showsTheStatementsOfTheNPlusOnePageInTheSqlPanel() throws Exception {
        HtmlPage page = browser.getPage(app.uri().resolve("books").toURL());
        String requestId = page.getWebResponse().getResponseHeaderValue("X-Debug-Toolbar-Id");
        assertNotNull(requestId);

        DomElement handle = await(page, ".tb-host button.tb-handle", "the toolbar's handle");
        handle.click();
        await(page, ".tb-host[data-tb-ready=true]", "the toolbar's nav");
        List<String> titles = page.querySelectorAll(".tb-nav-item .tb-nav-title-text").stream()
                .map(node -> node.getTextContent().trim()).toList();
        assertTrue(titles.containsAll(List.of("Request", "Timer", "Timeline", "SQL", "Templates", "Cache", "Headers")),
                titles.toString());
        DomElement sqlItem = page.querySelector(".tb-nav-item[data-tb-panel=sql]");
        assertTrue(sqlItem.getTextContent().contains("31 queries"), sqlItem.getTextContent());

        sqlItem.click();
        DomElement content = await(page, "[data-tb-panel-content=sql][data-tb-loaded=true]", "the SQL panel's content");
        String text = content.getTextContent();
        assertTrue(text.contains("SELECT id, name, country FROM authors WHERE id = ?"), text);
        assertEquals(31, content.querySelectorAll("pre.tb-sql").size());
        assertTrue(page.querySelector("section.tb-overlay").isDisplayed());
    }

    @Test
    void opensTheRequestPanelWithTheSearchParameterAsText() throws Exception {
        HtmlPage page = browser.getPage(app.uri().resolve("search?q=%3Cscript%3Ewindow.hacked%3D1%3C%2Fscript%3E").toURL());
        await(page, ".tb-host button.tb-handle", "the toolbar's handle").click();
        await(page, ".tb-nav-item[data-tb-panel=request]", "the nav").click();
        DomElement content = await(page, "[data-tb-panel-content=request][data-tb-loaded=true]", "the Request panel's content");

        assertTrue(content.getTextContent().contains("<script>window.hacked=1</script>"), content.getTextContent());
        assertEquals("undefined", page.executeJavaScript("typeof window.hacked").getJavaScriptResult().toString());
    }

    @Test
    void explainsReRunsSortsAndCopiesStatements() throws Exception {
        HtmlPage page = browser.getPage(app.uri().resolve("books").toURL());
        await(page, ".tb-host button.tb-handle", "the toolbar's handle").click();
        await(page, ".tb-nav-item[data-tb-panel=sql]", "the nav").click();
        DomElement content = await(page, "[data-tb-panel-content=sql][data-tb-loaded=true]", "the SQL panel");
        assertTrue(content.querySelector(".tb-sql-nplusone").getTextContent().contains("30×"));

        DomElement authorRow = content.querySelector("tr[data-tb-sql-index='1']");
        ((DomElement) authorRow.querySelector("button[data-tb-run=explain]")).click();
        DomElement plan = await(page, "tr[data-tb-sql-index='1'] .tb-sql-result[data-tb-result=done]", "the plan");
        assertTrue(plan.getTextContent().contains("EXPLAIN") && plan.getTextContent().contains("AUTHORS"),
                plan.getTextContent());

        ((DomElement) content.querySelector("tr[data-tb-sql-index='0'] button[data-tb-run=select]")).click();
        DomElement rows = await(page, "tr[data-tb-sql-index='0'] .tb-sql-result[data-tb-result=done]", "the rows");
        assertEquals(31, rows.querySelectorAll("tr").size(), "a header and thirty books");

        ((DomElement) content.querySelector("button[data-tb-sort=time]")).click();
        List<Double> durations = content.querySelectorAll("tr[data-tb-sql-index]").stream()
                .map(row -> Double.parseDouble(((DomElement) row).getAttribute("data-tb-duration"))).toList();
        assertEquals(31, durations.size());
        for (int i = 1; i < durations.size(); i++) {
            assertTrue(durations.get(i - 1) >= durations.get(i), "slowest first: " + durations);
        }
        ((DomElement) content.querySelector("button[data-tb-sort=order]")).click();
        DomNode first = content.querySelector("tr[data-tb-sql-index]");
        assertEquals("0", ((DomElement) first).getAttribute("data-tb-sql-index"));

        DomElement copy = content.querySelector("tr[data-tb-sql-index='1'] button[data-tb-action=sql-copy]");
        assertTrue(copy.getAttribute("data-tb-runnable").matches(
                "SELECT id, name, country FROM authors WHERE id = \\d+"), copy.getAttribute("data-tb-runnable"));
        copy.click();
        await(page, "tr[data-tb-sql-index='1'] button[data-tb-copied]", "the copy's outcome");
    }

    private DomElement await(HtmlPage page, String selector, String what) {
        for (int attempt = 0; attempt < 100; attempt++) {
            DomElement found = page.querySelector(selector);
            if (found != null) {
                return found;
            }
            browser.waitForBackgroundJavaScript(100);
        }
        throw new AssertionError("the page never showed " + what);
    }
}
