package dev.debugtoolbar.sample;

import static dev.debugtoolbar.sample.HtmlUnitBrowser.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A browser (HtmlUnit, which has no Shadow DOM, so the toolbar builds itself in the page) opens the cached
 * page twice, then the toolbar and its Templates and Cache panels. The first load misses and fills the
 * cache, the reload hits it; the templates are the page with its nested layout fragments.
 */
class ToolbarPanelsIT {

    @RegisterExtension
    static final RunningSample SAMPLE = new RunningSample();

    @RegisterExtension
    final HtmlUnitBrowser browser = new HtmlUnitBrowser();

    @Test
    void showsTheTemplateTreeAndTheCacheCallsOfTheCachedPage() throws Exception {
        URI popular = SAMPLE.uri("books/popular");

        HtmlPage first = browser.open(popular);
        String firstTiming = first.getWebResponse().getResponseHeaderValue("Server-Timing");
        assertTrue(firstTiming.contains("tpl;dur=") && firstTiming.contains("cache;dur="), firstTiming);
        assertTrue(firstTiming.contains("Cache (2 calls, 1 miss)"), firstTiming);
        assertTrue(first.asNormalizedText().contains("Loaded from the database"), "first load misses");

        HtmlPage page = browser.open(popular);
        assertTrue(page.asNormalizedText().contains("Served from the popular-books cache"), "reload hits");

        click(waitFor("the toolbar's handle", () -> page.querySelector(".tb-handle")));
        waitFor("the toolbar's nav", () -> page.querySelector(".tb-host[data-tb-ready='true']"));
        assertEquals("Templates", text(page, "[data-tb-panel='templates'] .tb-nav-title-text"));
        assertTrue(text(page, "[data-tb-panel='templates'] .tb-nav-subtitle").startsWith("6 templates in "),
                text(page, "[data-tb-panel='templates'] .tb-nav-subtitle"));
        assertEquals("1 call, 0 misses", text(page, "[data-tb-panel='cache'] .tb-nav-subtitle"));

        DomElement templates = openPanel(page, "templates");
        assertEquals(List.of("0", "1", "1", "2", "1", "1"), templates.querySelectorAll("[data-tb-depth]").stream()
                .map(row -> ((DomElement) row).getAttribute("data-tb-depth")).toList());
        assertEquals(List.of("books/popular", "layout :: page-head", "layout :: site-header", "layout :: site-nav",
                "books/fragments :: book-table", "layout :: site-footer"), templates.querySelectorAll(".tb-tree")
                .stream().map(ToolbarPanelsIT::templateName).toList());
        String templatesText = templates.asNormalizedText();
        assertTrue(templatesText.contains("templates/layout.html"), templatesText);
        assertTrue(templatesText.contains("Model: 2 variables"), templatesText);

        DomElement cache = openPanel(page, "cache");
        String cacheText = cache.asNormalizedText();
        assertEquals(1, cache.querySelectorAll("[data-tb-cache-call]").size(), cacheText);
        for (String expected : List.of("popular-books", "top-10", "hit", "100% hit ratio",
                "dev.debugtoolbar.sample.books.PopularBooks.top(PopularBooks.java:")) {
            assertTrue(cacheText.contains(expected), expected + " in " + cacheText);
        }
    }

    private static DomElement openPanel(HtmlPage page, String panelId) throws Exception {
        click(page.querySelector(".tb-nav [data-tb-panel='" + panelId + "']"));
        return waitFor("the " + panelId + " panel", () -> page.<DomElement>querySelector(
                "[data-tb-panel-content='" + panelId + "'][data-tb-loaded='true']"));
    }

    private static String templateName(DomNode tree) {
        String name = tree.querySelector(".tb-template-name").getTextContent();
        DomNode selector = tree.querySelector(".tb-template-selector");
        return selector == null ? name : name + " " + selector.getTextContent();
    }

    private static String text(HtmlPage page, String selector) {
        return page.querySelector(selector).getTextContent().trim();
    }

    private static void click(DomNode node) throws Exception {
        ((DomElement) node).click();
    }

}
