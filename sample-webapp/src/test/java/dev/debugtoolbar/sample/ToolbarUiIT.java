package dev.debugtoolbar.sample;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.debugtoolbar.sample.HtmlUnitBrowser.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser (HtmlUnit) opens a sample page, then the toolbar, then its panels. */
class ToolbarUiIT {

    @RegisterExtension
    static final RunningSample SAMPLE = new RunningSample();

    @RegisterExtension
    final HtmlUnitBrowser browser = new HtmlUnitBrowser();

    @Test
    void showsTheStatementsOfTheNPlusOnePageInTheSqlPanel() throws Exception {
        HtmlPage page = browser.open(SAMPLE.uri("books"));
        String requestId = page.getWebResponse().getResponseHeaderValue("X-Debug-Toolbar-Id");
        assertNotNull(requestId);

        DomElement handle = waitFor("the toolbar's handle", () -> page.<DomElement>querySelector(".tb-host button.tb-handle"));
        handle.click();
        waitFor("the toolbar's nav", () -> page.<DomElement>querySelector(".tb-host[data-tb-ready=true]"));
        List<String> titles = page.querySelectorAll(".tb-nav-item .tb-nav-title-text").stream()
                .map(node -> node.getTextContent().trim()).toList();
        assertTrue(titles.containsAll(List.of("Request", "Timer", "Timeline", "SQL", "Templates", "Cache", "Headers")),
                titles.toString());
        DomElement sqlItem = page.querySelector(".tb-nav-item[data-tb-panel=sql]");
        assertTrue(sqlItem.getTextContent().contains("31 queries"), sqlItem.getTextContent());

        sqlItem.click();
        DomElement content = waitFor("the SQL panel's content", () -> page.<DomElement>querySelector("[data-tb-panel-content=sql][data-tb-loaded=true]"));
        String text = content.getTextContent();
        assertTrue(text.contains("SELECT id, name, country FROM authors WHERE id = ?"), text);
        assertEquals(31, content.querySelectorAll("pre.tb-sql").size());
        assertTrue(page.querySelector("section.tb-overlay").isDisplayed());
    }

    @Test
    void opensTheRequestPanelWithTheSearchParameterAsText() throws Exception {
        HtmlPage page = browser.open(SAMPLE.uri("search?q=%3Cscript%3Ewindow.hacked%3D1%3C%2Fscript%3E"));
        waitFor("the toolbar's handle", () -> page.<DomElement>querySelector(".tb-host button.tb-handle")).click();
        waitFor("the nav", () -> page.<DomElement>querySelector(".tb-nav-item[data-tb-panel=request]")).click();
        DomElement content = waitFor("the Request panel's content", () -> page.<DomElement>querySelector("[data-tb-panel-content=request][data-tb-loaded=true]"));

        assertTrue(content.getTextContent().contains("<script>window.hacked=1</script>"), content.getTextContent());
        assertEquals("undefined", page.executeJavaScript("typeof window.hacked").getJavaScriptResult().toString());
    }

    @Test
    void explainsReRunsSortsAndCopiesStatements() throws Exception {
        HtmlPage page = browser.open(SAMPLE.uri("books"));
        waitFor("the toolbar's handle", () -> page.<DomElement>querySelector(".tb-host button.tb-handle")).click();
        waitFor("the nav", () -> page.<DomElement>querySelector(".tb-nav-item[data-tb-panel=sql]")).click();
        DomElement content = waitFor("the SQL panel", () -> page.<DomElement>querySelector("[data-tb-panel-content=sql][data-tb-loaded=true]"));
        assertTrue(content.querySelector(".tb-sql-nplusone").getTextContent().contains("30×"));

        DomElement authorRow = content.querySelector("tr[data-tb-sql-index='1']");
        ((DomElement) authorRow.querySelector("button[data-tb-run=explain]")).click();
        DomElement plan = waitFor("the plan", () -> page.<DomElement>querySelector("tr[data-tb-sql-index='1'] .tb-sql-result[data-tb-result=done]"));
        assertTrue(plan.getTextContent().contains("EXPLAIN") && plan.getTextContent().contains("AUTHORS"),
                plan.getTextContent());

        ((DomElement) content.querySelector("tr[data-tb-sql-index='0'] button[data-tb-run=select]")).click();
        DomElement rows = waitFor("the rows", () -> page.<DomElement>querySelector("tr[data-tb-sql-index='0'] .tb-sql-result[data-tb-result=done]"));
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
        waitFor("the copy's outcome", () -> page.<DomElement>querySelector("tr[data-tb-sql-index='1'] button[data-tb-copied]"));
    }

}
