package dev.debugtoolbar.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input in a real browser (headless Chromium): every payload of the {@link XssPayload} corpus goes
 * through every field the toolbar renders, the test opens every panel, and asserts that no payload ran and that
 * each shows as literal text where it went through; and a request of 20,000 statements opens a usable, paged
 * SQL panel.
 */
class HostileInputBrowserIT {

    private static final List<XssPayload> CORPUS = XssPayload.corpus();
    private static final List<String> BUILT_IN_PANELS = List.of("request", "timer", "sql", "timeline", "templates",
            "cache", "headers", "settings", "versions", "logging", "exceptions", "redirects", "history");
    private static final String PAYLOAD_PANEL = "test.payloads";

    /** Elements that could run script, event handler attributes and script URLs, in the toolbar and the page. */
    private static final String DANGERS = """
            var found = [];
            var host = document.querySelector('div.tb-host');
            var roots = [document];
            if (host && host.shadowRoot) { roots.push(host.shadowRoot); }
            var url = /^(javascript|data|vbscript):/;
            roots.forEach(function (root, r) {
              var all = root.querySelectorAll('*');
              for (var i = 0; i < all.length; i++) {
                var e = all[i], tag = e.tagName.toLowerCase();
                if (r > 0 && /^(script|iframe|frame|object|embed|base|meta|form|svg|math|img|style)$/.test(tag)) {
                  found.push('a <' + tag + '> in the toolbar');
                }
                for (var j = 0; j < e.attributes.length; j++) {
                  var name = e.attributes[j].name.toLowerCase();
                  var value = e.attributes[j].value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
                  if (name.indexOf('on') === 0) { found.push(name + ' on <' + tag + '>'); }
                  if (/^(href|src|action|formaction|data|srcdoc|xlink:href|poster|background)$/.test(name)
                      && (url.test(value) || name === 'srcdoc')) {
                    found.push(name + '="' + e.attributes[j].value + '" on <' + tag + '>');
                  }
                }
                if (typeof e.href === 'string' && url.test(e.href.toLowerCase())) {
                  found.push('a link to ' + e.href);
                }
              }
            });
            return found;""";

    private static HostileApp app;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        if (HeadlessChromium.installed()) {
            browser = HeadlessChromium.start();
            app = HostileApp.start();
        }
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(browser != null, HeadlessChromium.MISSING);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void everyPanelShowsEveryPayloadAsTextAndRunsNone() {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (XssPayload payload : CORPUS) {
            headers.put("X-Xss-" + payload.number(), payload.text());
        }
        browser.devTools("Network.enable", Map.of());
        browser.devTools("Network.setExtraHTTPHeaders", Map.of("headers", headers));
        List<XssPayload> cookies = CORPUS.stream().filter(XssPayload::fitsACookie).toList();
        assertTrue(cookies.size() >= 10, "cookies carry " + cookies.size() + " payloads");
        for (XssPayload payload : cookies) {
            browser.devTools("Network.setCookie", Map.of("name", "c" + payload.number(), "value", payload.text(),
                    "url", app.uri().toString()));
        }
        String pathPayload = CORPUS.get(8).text();   // '><img src=x onerror=...>
        browser.open(app.uri().resolve("form"));
        List<List<Object>> fields = CORPUS.stream().map(p -> List.<Object>of(p.number(), p.text())).toList();
        browser.script("""
                var form = document.forms[0], query = new URLSearchParams();
                arguments[0].forEach(function (field) {
                  query.append('q' + field[0], field[1]);
                  var input = document.createElement('input');
                  input.type = 'hidden'; input.name = 'f' + field[0]; input.value = field[1];
                  form.appendChild(input);
                });
                form.action = '/payloads/' + arguments[1] + '?' + query.toString();
                form.submit();""", fields, pathPayload);
        browser.await("the page the form posted to", "return location.pathname.indexOf('/payloads/') === 0"
                + " && document.querySelector('div.tb-host[data-tb-init=\"true\"]') !== null;");
        String rawPath = browser.currentUri().getRawPath();
        assertEquals("/payloads/" + pathPayload, URLDecoder.decode(rawPath, StandardCharsets.UTF_8));

        List<String> panels = browser.openToolbar();
        assertTrue(panels.containsAll(BUILT_IN_PANELS) && panels.contains(PAYLOAD_PANEL), panels.toString());
        for (String panel : panels) {
            browser.openPanel(panel);
            assertNothingRan("after opening " + panel);
        }

        browser.openPanel("request");
        List<List<String>> request = browser.rows("request");
        assertEntries("query parameter", request, "q", CORPUS);
        assertEntries("form parameter", request, "f", CORPUS);
        assertEntries("cookie", request, "c", cookies);
        assertEntries("session attribute", request, "s", CORPUS);
        assertTrue(browser.texts("request", "code").stream().anyMatch(url -> url.endsWith(rawPath)),
                "the URL shows the path as sent: " + rawPath);

        browser.openPanel("headers");
        List<List<String>> headerRows = browser.rows("headers");
        assertEntries("request header", headerRows, "X-Xss-", CORPUS);
        assertEntries("response header", headerRows, "X-Xss-Out-", CORPUS);

        browser.openPanel("sql");
        assertShown("SQL text", browser.texts("sql", "pre.tb-sql"),
                CORPUS.stream().map(HostileApp::sqlOf).toList());
        assertShown("SQL parameter", browser.texts("sql", ".tb-param"), texts(CORPUS));
        // H2 reads a backslash inside quotes as a plain character, so every statement runs (issue 13)
        runEverySqlAction("explain", CORPUS.size());
        runEverySqlAction("select", CORPUS.size());
        assertShown("re-run SELECT row", browser.texts("sql", ".tb-sql-result td"), texts(CORPUS));

        browser.openPanel("templates");
        assertShown("template name", browser.texts("templates", ".tb-template-name"), texts(CORPUS));
        assertShown("template variable", browser.rows("templates").stream()
                .filter(row -> row.size() > 1 && row.get(0).equals("value")).map(row -> row.get(1)).toList(),
                texts(CORPUS));

        browser.openPanel("cache");
        assertShown("cache key", browser.texts("cache", ".tb-value"), texts(CORPUS));

        browser.openPanel("logging");
        assertShown("log message", browser.texts("logging", ".tb-log-message"), texts(CORPUS));

        browser.openPanel("history");
        String decodedPath = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
        assertTrue(browser.texts("history", "code").stream()
                        .anyMatch(path -> path.startsWith(rawPath + "?") || path.startsWith(decodedPath + "?")),
                "History lists the page by its path: " + browser.texts("history", "code"));

        browser.openPanel(PAYLOAD_PANEL);
        assertShown("custom panel content", browser.texts(PAYLOAD_PANEL, ".tb-payload"), texts(CORPUS));
        String title = new HostileApp.PayloadPanel(CORPUS).allPayloads();
        assertShown("custom panel title and subtitle", browser.toolbarTexts(".tb-nav-title-text, .tb-nav-title,"
                + " .tb-nav-subtitle, .tb-overlay-title, .tb-overlay-subtitle"), List.of(title));
        assertNothingRan("after reading every panel");
    }

    @Test
    void anExceptionMessageFullOfPayloadsShowsAsText() {
        browser.open(app.uri().resolve("fail"));
        browser.openToolbar();
        browser.openPanel("exceptions");
        String message = CORPUS.stream().map(XssPayload::text).collect(Collectors.joining("\n"));
        assertShown("exception message", browser.texts("exceptions", "pre.tb-exception-message"), List.of(message));
        browser.openPanel("history");
        assertNothingRan("on the error page");
    }

    @Test
    void aRedirectToAPayloadShowsTheTargetAsTextAndLinksOnlyHarmlessOnes() {
        for (XssPayload payload : CORPUS) {
            browser.open(app.uri().resolve("redirect?n=" + payload.number()));
            String shown = (String) browser.script("return document.body.textContent;");
            assertTrue(shown.contains(payload.text()), "the intercepted page shows the target " + payload.text()
                    + " as text: " + shown);
            browser.openToolbar();
            browser.openPanel("redirects");
            assertShown("redirect target", browser.texts("redirects", ".tb-value, .tb-link"),
                    List.of(payload.text()));
            assertNothingRan("after a redirect to " + payload.text());
        }
    }

    @Test
    void theSqlPanelOf20000StatementsOpensPagedLoadsMoreAndJumpsToALaterStatement() {
        browser.open(app.uri().resolve("many"));
        browser.openToolbar();
        assertTrue(browser.toolbarTexts(".tb-nav-subtitle").stream().anyMatch(s -> s.contains("20000 queries")),
                browser.toolbarTexts(".tb-nav-subtitle").toString());
        browser.openPanel("sql");
        assertEquals(50, browser.texts("sql", "tr[data-tb-sql-index]").size());
        browser.script("""
                var root = document.querySelector('div.tb-host').shadowRoot;
                root.querySelector('.tb-panel-content:not([hidden]) [data-tb-action="sql-more"]').click();""");
        browser.await("the next page of statements", """
                var root = document.querySelector('div.tb-host').shadowRoot;
                return root.querySelectorAll('.tb-panel-content:not([hidden]) tr[data-tb-sql-index]').length === 100;""");
        List<String> rows = browser.texts("sql", "tr[data-tb-sql-index] pre.tb-sql");
        assertEquals(100, rows.size());
        assertTrue(rows.stream().allMatch("SELECT ? AS n"::equals), rows.get(0));

        browser.openPanel("timeline");
        browser.script("""
                var root = document.querySelector('div.tb-host').shadowRoot;
                root.querySelector('.tb-panel-content:not([hidden]) button[data-tb-panel="sql"][data-tb-item="170"]')
                    .click();""");
        browser.await("statement #171, two pages further, shown in the SQL panel", """
                var root = document.querySelector('div.tb-host').shadowRoot;
                return root.querySelector('.tb-panel-content:not([hidden]) tr.tb-flash[data-tb-sql-index="170"]') !== null;""");
        assertEquals(200, browser.texts("sql", "tr[data-tb-sql-index]").size(), "the pages up to the statement");
        assertNothingRan("in the long SQL panel");
    }

    /** Clicks the {@code kind} button (explain or select) of every statement and waits for every answer. */
    private static void runEverySqlAction(String kind, int statements) {
        Object clicked = browser.script("""
                var root = document.querySelector('div.tb-host').shadowRoot;
                var buttons = root.querySelectorAll('.tb-panel-content:not([hidden]) [data-tb-run="' + arguments[0] + '"]');
                for (var i = 0; i < buttons.length; i++) { buttons[i].click(); }
                return buttons.length;""", kind);
        assertEquals((long) statements, clicked, kind + " buttons");
        browser.await("every " + kind, """
                var root = document.querySelector('div.tb-host').shadowRoot;
                return root.querySelectorAll('.tb-panel-content:not([hidden]) .tb-sql-result[data-tb-result="done"]')
                    .length === arguments[0];""", statements);
        assertNothingRan("after " + kind + " of every statement");
    }

    /** No payload set its flag, and neither the toolbar nor the page holds anything that could run script. */
    private static void assertNothingRan(String when) {
        browser.settle();
        Object flags = browser.script("""
                var flags = [];
                Object.getOwnPropertyNames(window).forEach(function (name) {
                  if (name.indexOf('__xss_') === 0) { flags.push(name); }
                });
                return flags;""");
        assertEquals(List.of(), flags, "payloads ran " + when);
        assertEquals(List.of(), browser.script(DANGERS), "script-capable markup " + when);
    }

    /** Each payload shows as the whole value of a row named {@code prefix + number}. */
    private static void assertEntries(String field, List<List<String>> rows, String prefix, List<XssPayload> payloads) {
        List<String> missing = new ArrayList<>();
        for (XssPayload payload : payloads) {
            String name = prefix + payload.number();
            boolean shown = rows.stream().anyMatch(row -> row.size() > 1 && row.get(0).equalsIgnoreCase(name)
                    && row.get(1).equals(payload.text()));
            if (!shown) {
                missing.add(name + " = " + payload.text());
            }
        }
        assertEquals(List.of(), missing, field + "s not shown as text");
    }

    /** Each expected text is the whole text of one of the elements shown. */
    private static void assertShown(String field, Collection<String> shown, List<String> expected) {
        List<String> missing = expected.stream().filter(text -> !shown.contains(text)).toList();
        assertEquals(List.of(), missing, field + "s not shown as text; shown: " + shown);
    }

    private static List<String> texts(List<XssPayload> payloads) {
        return payloads.stream().map(XssPayload::text).toList();
    }
}
