package dev.debugtoolbar.sample;

import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
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
