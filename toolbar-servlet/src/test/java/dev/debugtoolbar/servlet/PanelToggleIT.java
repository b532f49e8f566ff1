package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.sql.SqlPanel;
import dev.debugtoolbar.core.sql.SqlStats;
import org.h2.jdbcx.JdbcDataSource;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Panel toggles, on every container: the user switches a panel off in the toolbar (a browser, HtmlUnit), the
 * choice is kept in a cookie, and the server stops that panel's collection from the next request on.
 */
@ParameterizedClass
@EnumSource(Container.class)
class PanelToggleIT {

    private static final int MAX_WAITS = 100;

    @Parameter
    Container container;

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();

    @Test
    void aPanelSwitchedOffInTheToolbarStopsCollectingUntilSwitchedOnAgain() throws Exception {
        try (TestServer server = serverWithOneQuery(); WebClient browser = browser()) {
            HtmlPage page = openToolbar(browser, server);
            assertEquals(1, sqlCount(page), "collected before the switch");
            DomElement toggle = toggle(page, SqlPanel.ID);
            assertEquals("true", toggle.getAttribute("aria-pressed"));

            ((HtmlElement) toggle).click();

            assertEquals("false", toggle.getAttribute("aria-pressed"));
            assertEquals("false", ((DomElement) toggle.getParentNode()).getAttribute("data-tb-collect"));
            Cookie cookie = browser.getCookieManager().getCookie(DebugToolbarFilter.PANELS_OFF_COOKIE);
            assertNotNull(cookie);
            assertEquals("sql", cookie.getValue());
            assertEquals("/", cookie.getPath());

            HtmlPage next = openToolbar(browser, server);
            RequestRecord offRecord = newestRecord();
            assertTrue(offRecord.panel(SqlPanel.ID).orElseThrow().disabled(), "the next request collects no SQL");
            assertFalse(offRecord.panel("timer").orElseThrow().disabled());
            DomElement navItem = navItem(next, SqlPanel.ID);
            assertTrue(navItem.getAttribute("class").contains("tb-nav-item-off"), navItem.asXml());
            assertTrue(navItem.getTextContent().contains("Off: not collected"), navItem.getTextContent());
            assertEquals("false", toggle(next, SqlPanel.ID).getAttribute("aria-pressed"));

            ((HtmlElement) toggle(next, SqlPanel.ID)).click();

            assertNull(browser.getCookieManager().getCookie(DebugToolbarFilter.PANELS_OFF_COOKIE));
            assertEquals(1, sqlCount(openToolbar(browser, server)), "collected again");
        }
    }

    @Test
    void theServerReadsTheCookieOfSeveralPanelsAndIgnoresWhatIsNoPanelId() throws Exception {
        try (TestServer server = serverWithOneQuery()) {
            HttpResponse<String> page = server.sendText(HttpRequest.newBuilder(server.uri("page"))
                    .header("Cookie", "theme=dark; tb-off=sql|timer|<script>|Headers"));
            RequestRecord record = toolbar.store().find(page.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow())
                    .orElseThrow();
            assertTrue(record.panel("sql").orElseThrow().disabled());
            assertTrue(record.panel("timer").orElseThrow().disabled());
            assertFalse(record.panel("headers").orElseThrow().disabled(), "ids are lower case");
            assertFalse(record.panel("request").orElseThrow().disabled());
            String serverTiming = page.headers().firstValue("Server-Timing").orElseThrow();
            assertFalse(serverTiming.contains("sql;"), serverTiming);

            String json = server.getText("__toolbar/api/requests/" + record.id()).body();
            assertTrue(json.contains("\"sql\":{\"disabled\":true}"), json);
            String panel = server.getText("__toolbar/requests/" + record.id() + "/panels/sql").body();
            assertTrue(panel.contains("was switched off for this request"), panel);
        }
    }

    private TestServer serverWithOneQuery() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:toggles");
        DataSource dataSource = toolbar.wrap(h2);
        return TestServer.with(toolbar).on(container).handle("/page", (request, response) -> {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 1")) {
                rows.next();
            }
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!doctype html><html><head><title>t</title></head><body><p>page</p></body></html>");
        }).start();
    }

    private static WebClient browser() {
        WebClient browser = new WebClient();
        browser.getOptions().setThrowExceptionOnScriptError(true);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(true);
        return browser;
    }

    /** Loads the page and opens the toolbar; returns once its nav has loaded. */
    private static HtmlPage openToolbar(WebClient browser, TestServer server) throws Exception {
        HtmlPage page = browser.getPage(server.uri("page").toURL());
        page.executeJavaScript("window.debugToolbar.open()");
        DomElement host = element(page, ".tb-host");
        for (int i = 0; i < MAX_WAITS && !"true".equals(host.getAttribute("data-tb-ready")); i++) {
            browser.waitForBackgroundJavaScript(100);
        }
        assertEquals("true", host.getAttribute("data-tb-ready"), "the toolbar's nav loaded");
        return page;
    }

    private int sqlCount(HtmlPage page) {
        String id = element(page, "script[data-tb-id]").getAttribute("data-tb-id");
        Object stats = toolbar.store().find(id).orElseThrow().panel(SqlPanel.ID).orElseThrow().stats();
        return stats == null ? -1 : ((SqlStats) stats).queryCount();
    }

    private RequestRecord newestRecord() {
        return toolbar.store().recent(1).get(0);
    }

    private static DomElement toggle(HtmlPage page, String panelId) {
        return element(page, ".tb-nav-toggle[data-tb-toggle='" + panelId + "']");
    }

    private static DomElement navItem(HtmlPage page, String panelId) {
        return element(page, ".tb-nav-item[data-tb-panel='" + panelId + "']");
    }

    private static DomElement element(HtmlPage page, String selector) {
        DomElement element = page.querySelector(selector);
        assertNotNull(element, selector);
        return element;
    }
}
