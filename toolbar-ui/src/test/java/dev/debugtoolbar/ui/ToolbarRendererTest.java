package dev.debugtoolbar.ui;

import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.headers.HeadersStats;
import dev.debugtoolbar.core.cache.CacheEvent;
import dev.debugtoolbar.core.cache.CacheStats;
import dev.debugtoolbar.core.exceptions.ExceptionsStats;
import dev.debugtoolbar.core.logging.LogEntry;
import dev.debugtoolbar.core.logging.LoggingStats;
import dev.debugtoolbar.core.panel.PanelError;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.request.RequestStats;
import dev.debugtoolbar.core.request.RequestStats.Entry;
import dev.debugtoolbar.core.sql.NPlusOne;
import dev.debugtoolbar.core.sql.QueryEvent;
import dev.debugtoolbar.core.sql.SqlTransaction;
import dev.debugtoolbar.core.sql.SqlStats;
import dev.debugtoolbar.core.template.TemplateEvent;
import dev.debugtoolbar.core.template.TemplateStats;
import dev.debugtoolbar.core.timer.TimerStats;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ToolbarRendererTest {

    private static final String BASE = "/__toolbar";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String ATTR = "\"><img src=x onerror=alert(1)>";
    private static final String ATTR_ESCAPED = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";
    private static final String MASK = "••••••••";

    private static final String REQUEST_TEMPLATE = "dev/debugtoolbar/ui/panels/request.html";
    private static final String TIMER_TEMPLATE = "dev/debugtoolbar/ui/panels/timer.html";
    private static final String SQL_TEMPLATE = "dev/debugtoolbar/ui/panels/sql.html";
    private static final String HEADERS_TEMPLATE = "dev/debugtoolbar/ui/panels/headers.html";
    private static final String TEMPLATES_TEMPLATE = "dev/debugtoolbar/ui/panels/templates.html";
    private static final String CACHE_TEMPLATE = "dev/debugtoolbar/ui/panels/cache.html";
    private static final String LOGGING_TEMPLATE = "dev/debugtoolbar/ui/panels/logging.html";
    private static final String EXCEPTIONS_TEMPLATE = "dev/debugtoolbar/ui/panels/exceptions.html";

    private final ToolbarRenderer renderer = new ToolbarRenderer();

    // ---- values ------------------------------------------------------------------------------------

    private static RequestStats requestStats() {
        return new RequestStats("GET", "http://localhost:8080/books", "page=2&q=" + SCRIPT, "127.0.0.1",
                List.of(new Entry("page", "2", null, false), new Entry("q", SCRIPT, null, false)),
                List.of(),
                List.of(new Entry("JSESSIONID", MASK, null, true), new Entry("theme", ATTR, null, false)),
                List.of(new Entry("cart", "[book-1, book-2]", "java.util.ArrayList", false),
                        new Entry("csrf-token", MASK, "java.lang.String", true),
                        new Entry("nothing", null, null, false)));
    }

    private static SqlStats sqlStats() {
        List<QueryEvent> queries = List.of(
                query(0, "SELECT b.id, b.title FROM book b WHERE b.price < ? AND b.author_id = ?",
                        Arrays.asList("42", null), List.of(), 1.5, 0.25, null, "conn-7", null, "t1",
                        "shop.Books.list(Books.java:42)", true),
                query(1, "INSERT INTO audit (who, what) VALUES (?, ?)",
                        Arrays.asList("alice", "x"),
                        List.of(Arrays.asList("alice", "x"), Arrays.asList("bob", null), Arrays.asList("carol", "z")),
                        2.0, 12.5, 3, "conn-7", null, "t1", null, false),
                query(2, "SELECT * FROM missing_table WHERE name = '" + SCRIPT + "'",
                        Arrays.asList(ATTR), List.of(), 20.0, 150.0, null, "conn-8",
                        "org.h2.jdbc.JdbcSQLSyntaxErrorException: Table \"MISSING_TABLE\" not found " + SCRIPT, null,
                        ATTR, false));
        return new SqlStats(5, 162.75, 1, 2, queries, 0, 0,
                List.of(new NPlusOne("SELECT * FROM author WHERE id = ?", 30, "shop.Books.list(Books.java:42)",
                        "Load these rows in one query.", 0)),
                1, 100, 2, 200, true, List.of(new SqlTransaction("t1", "conn-7", 2, "commit", 14.5, 1)), 2,
                Map.of("ds1", "PostgreSQL"), true);
    }

    private static QueryEvent query(int index, String sql, List<String> params, List<List<String>> batch,
                                    double start, double duration, Integer rows, String connection, String error,
                                    String transaction, String callSite, boolean explainable) {
        List<Object> values = new ArrayList<>(params);
        return new QueryEvent(index, sql, params, batch, start, duration, rows, connection, transaction, "ds1", error,
                callSite, callSite == null ? List.of() : List.of(callSite, "shop.Web.get(Web.java:7)"), false,
                null, null, duration > 100, explainable, values,
                explainable ? null : "Only a single SELECT that writes nothing is run again.");
    }

    private static SqlStats noSql() {
        return noSql(true);
    }

    private static SqlStats noSql(boolean instrumented) {
        return new SqlStats(0, 0, 0, 0, List.of(), 0, 0, List.of(), 0, 100, 0, 200, false, List.of(), 0, Map.of(),
                instrumented);
    }

    private static TimerStats timerStats() {
        return new TimerStats(12.3, 8.0, 1_468_006L);
    }

    private static TemplateStats templateStats() {
        List<TemplateEvent> templates = List.of(
                new TemplateEvent(0, "books/list", null, 0, null, 1.0, 4.5, 1.25, "templates/books/list.html", "HTML",
                        true, List.of(new Entry("listings", "[Book[title=" + SCRIPT + "]]", "java.util.List", false),
                                new Entry("apiToken", MASK, "java.lang.String", true))),
                new TemplateEvent(1, "layout", "site-header", 1, 0, 1.5, 2.0, 0.75, "templates/layout.html", "HTML",
                        true, List.of()),
                new TemplateEvent(2, "layout", "site-nav", 2, 1, 2.0, 1.25, 1.25, "templates/layout.html", "HTML",
                        true, List.of()),
                new TemplateEvent(3, "books/fragments", "stars(" + ATTR + ")", 11, 2, 3.0, 0.5, 0.5, null, "HTML",
                        false, List.of(new Entry("rating", "4", "java.lang.Integer", false))));
        return new TemplateStats(6, 4.5, 2, templates, true);
    }

    private static CacheStats cacheStats() {
        List<CacheEvent> calls = List.of(
                new CacheEvent(0, "popular-books", "get", "top-10", false, 1.0, 0.05,
                        "shop.Popular.top(Popular.java:30)", null),
                new CacheEvent(1, "popular-books", "put", "top-10", null, 3.0, 0.25,
                        "shop.Popular.top(Popular.java:33)", null),
                new CacheEvent(2, "books", "get", SCRIPT, true, 4.0, 0.02, null,
                        "javax.cache.CacheException: " + ATTR));
        return new CacheStats(4, 1, 1, 0.32, 1, List.of(
                new CacheStats.OperationTotal("get", 3, 1, 1, 0.07),
                new CacheStats.OperationTotal("put", 1, 0, 0, 0.25)), calls, true);
    }

    private static PanelResult panel(String id, String title, String subtitle, String template, Object stats) {
        return new PanelResult(id, title, subtitle, template, stats, null, List.of());
    }

    private static PanelResult requestPanel() {
        return panel("request", "Request", "GET /books", REQUEST_TEMPLATE, requestStats());
    }

    private static PanelResult timerPanel() {
        return panel("timer", "Timer", "12.30 ms", TIMER_TEMPLATE, timerStats());
    }

    private static PanelResult sqlPanel() {
        return panel("sql", "SQL", "5 queries in 163 ms", SQL_TEMPLATE, sqlStats());
    }

    private static PanelResult headersPanel() {
        return panel("headers", "Headers", "2 in, 1 out", HEADERS_TEMPLATE, new HeadersStats(
                List.of(new Entry("Accept", "text/html", null, false), new Entry("Authorization", MASK, null, true)),
                List.of(new Entry("X-Evil", SCRIPT, null, false))));
    }

    private static PanelResult failedPanel() {
        return new PanelResult("acme.flags", "Flags", "", "acme/flags.html", null,
                new PanelError("java.lang.IllegalStateException: flags are down " + SCRIPT,
                        "java.lang.IllegalStateException: flags are down\n\tat acme.Flags.read(Flags.java:12)\n" + ATTR),
                List.of());
    }

    private static PanelResult offPanel() {
        return new PanelResult("acme.off", "Off " + SCRIPT, "", "", null, null, List.of(), true);
    }

    private static RequestRecord record(PanelResult... panels) {
        Map<String, PanelResult> map = new LinkedHashMap<>();
        for (PanelResult panel : panels) {
            map.put(panel.id(), panel);
        }
        return new RequestRecord("Zm9vYmFyYmF6cXV4cXV1eA", Instant.parse("2026-01-01T12:00:00Z"), "POST",
                "/books/" + SCRIPT, "x=" + ATTR, 404, 12.3, "text/html;charset=UTF-8", map);
    }

    private static RequestRecord fullRecord() {
        return record(requestPanel(), timerPanel(), sqlPanel(), failedPanel());
    }

    /** Every fragment the renderer can produce for the full record, for the checks that apply to all. */
    private List<String> everything() {
        RequestRecord record = fullRecord();
        List<String> out = new ArrayList<>();
        out.add(renderer.renderToolbar(record, BASE));
        for (PanelResult panel : record.panels().values()) {
            out.add(renderer.renderPanel(record, panel, BASE));
        }
        out.add(renderer.renderPanel(record, panel("nope", "Nope", "", "no/such/template.html", "x"), BASE));
        out.add(renderer.renderPanel(record(), panel("sql", "SQL", "0 queries", SQL_TEMPLATE,
                noSql()), BASE));
        out.add(renderer.renderPanel(record(), panel("timer", "Timer", "1 ms", TIMER_TEMPLATE,
                new TimerStats(1.0, null, null)), BASE));
        out.add(renderer.renderPanel(record(), headersPanel(), BASE));
        out.add(renderTemplates(templateStats()));
        out.add(renderTemplates(new TemplateStats(0, 0, 0, List.of(), true)));
        out.add(renderCache(cacheStats()));
        out.add(renderCache(new CacheStats(0, 0, 0, 0, 0, List.of(), List.of(), true)));
        RequestRecord withOff = record(sqlPanel(), offPanel());
        out.add(renderer.renderToolbar(withOff, BASE));
        out.add(renderer.renderPanel(withOff, offPanel(), BASE));
        return out;
    }

    private static void assertContains(String html, String expected) {
        if (!html.contains(expected)) {
            fail("expected to find\n  " + expected + "\nin\n" + html);
        }
    }

    private static void assertLacks(String html, String unexpected) {
        if (html.contains(unexpected)) {
            fail("expected not to find\n  " + unexpected + "\nin\n" + html);
        }
    }

    private static String squash(String html) {
        return html.replaceAll("\\s+", " ");
    }

    // ---- the toolbar -------------------------------------------------------------------------------

    @Test
    void toolbarListsEveryPanelWithTitleSubtitleAndId() {
        RequestRecord record = fullRecord();
        String html = renderer.renderToolbar(record, BASE);

        for (PanelResult panel : record.panels().values()) {
            assertContains(html, "data-tb-panel=\"" + panel.id() + "\"");
            assertContains(html, ">" + panel.title() + "<");
            if (!panel.failed()) {
                assertContains(html, ">" + panel.subtitle() + "<");
            }
        }
        assertEquals(4, count(html, "<button type=\"button\" class=\"tb-nav-item"), html);
        // the order of the nav is the record's order
        assertTrue(html.indexOf("data-tb-panel=\"request\"") < html.indexOf("data-tb-panel=\"timer\""));
        assertTrue(html.indexOf("data-tb-panel=\"timer\"") < html.indexOf("data-tb-panel=\"sql\""));
        assertTrue(html.indexOf("data-tb-panel=\"sql\"") < html.indexOf("data-tb-panel=\"acme.flags\""));
    }

    @Test
    void toolbarHeaderShowsTheRequestAndAHideButton() {
        String html = renderer.renderToolbar(fullRecord(), BASE);
        assertContains(html, "data-tb-request=\"Zm9vYmFyYmF6cXV4cXV1eA\"");
        assertContains(html, ">POST<");
        assertContains(html, "/books/" + SCRIPT_ESCAPED + "?x=" + ATTR_ESCAPED);
        assertContains(html, "tb-status-4xx");
        assertContains(html, ">404<");
        assertContains(html, "12.30 ms");
        assertContains(html, "data-tb-action=\"hide\"");
    }

    @Test
    void failedPanelIsMarkedInTheNavButStaysAButton() {
        String html = renderer.renderToolbar(fullRecord(), BASE);
        Matcher button = Pattern.compile("<button[^>]*data-tb-panel=\"acme.flags\"[^>]*>").matcher(html);
        assertTrue(button.find(), html);
        assertContains(button.group(), "tb-nav-item-failed");
        assertContains(button.group(), "data-tb-failed=\"true\"");
        assertLacks(button.group(), "disabled");
        Matcher ok = Pattern.compile("<button[^>]*data-tb-panel=\"sql\"[^>]*>").matcher(html);
        assertTrue(ok.find(), html);
        assertLacks(ok.group(), "failed");
    }

    @Test
    void everyPanelHasAToggleThatSaysWhetherItCollects() {
        String html = renderer.renderToolbar(record(sqlPanel(), offPanel()), BASE);

        Matcher sqlToggle = Pattern.compile("<button[^>]*data-tb-toggle=\"sql\"[^>]*>").matcher(html);
        assertTrue(sqlToggle.find(), html);
        assertContains(sqlToggle.group(), "data-tb-action=\"toggle-panel\"");
        assertContains(sqlToggle.group(), "aria-pressed=\"true\"");
        assertContains(sqlToggle.group(), "aria-label=\"Collect SQL\"");
        Matcher offToggle = Pattern.compile("<button[^>]*data-tb-toggle=\"acme.off\"[^>]*>").matcher(html);
        assertTrue(offToggle.find(), html);
        assertContains(offToggle.group(), "aria-pressed=\"false\"");
        assertContains(html, "<div class=\"tb-nav-row\" data-tb-collect=\"false\">");
        Matcher offItem = Pattern.compile("<button[^>]*data-tb-panel=\"acme.off\"[^>]*>").matcher(html);
        assertTrue(offItem.find(), html);
        assertContains(offItem.group(), "tb-nav-item-off");
        assertContains(offItem.group(), "data-tb-off=\"true\"");
        assertContains(html, ">Off: not collected<");
    }

    @Test
    void aPanelThatWasSwitchedOffSaysSoWhenOpened() {
        String html = renderer.renderPanel(record(offPanel()), offPanel(), BASE);
        assertContains(html, "tb-panel-off");
        assertContains(squash(html), "<strong>Off " + SCRIPT_ESCAPED + "</strong> was switched off for this request");
    }

    @Test
    void toolbarWithNoPanelsSaysSo() {
        String html = renderer.renderToolbar(record(), BASE);
        assertContains(html, "No panels are enabled.");
        assertLacks(html, "data-tb-panel=");
    }

    // ---- built-in panels ---------------------------------------------------------------------------

    @Test
    void sqlPanelShowsEveryStatementWithParametersTimesAndErrors() {
        RequestRecord record = fullRecord();
        String html = renderer.renderPanel(record, record.panels().get("sql"), BASE);
        String flat = squash(html);

        assertContains(html, "<pre class=\"tb-sql\">SELECT b.id, b.title FROM book b WHERE b.price &lt; ? AND b.author_id = ?</pre>");
        assertContains(html, "INSERT INTO audit (who, what) VALUES (?, ?)");
        // parameters, SQL NULL shown distinctly
        assertContains(html, "<code class=\"tb-code tb-param\">42</code>");
        assertContains(html, "<span class=\"tb-null\">NULL</span>");
        // a batch lists each entry
        assertContains(html, "Batch of 3");
        assertContains(html, ">bob<");
        assertContains(html, ">carol<");
        // durations, right-aligned, in a precision that suits them
        assertContains(html, "0.250 ms");
        assertContains(html, "12.50 ms");
        assertContains(html, "150 ms");
        assertContains(html, "class=\"tb-num tb-col-time\"");
        // index from 1, rows and connections
        assertContains(flat, "<td class=\"tb-num tb-col-index\">1</td>");
        assertContains(flat, "<td class=\"tb-num tb-col-index\">3</td>");
        assertContains(flat, "<td class=\"tb-num tb-col-rows\">3</td>");
        assertContains(html, ">conn-8<");
        // the summary and the failed statement
        assertContains(flat, "<strong>5</strong> <span>statements</span>");
        assertContains(flat, "163 ms");
        assertContains(flat, "<strong>1</strong> <span>error</span>");
        assertContains(html, "tb-row-error");
        assertContains(html, "JdbcSQLSyntaxErrorException: Table &quot;MISSING_TABLE&quot; not found " + SCRIPT_ESCAPED);
        assertContains(html, "2 statements beyond the per-request limits (maxStatements, maxRecordBytes) were counted but not kept.");
        assertLacks(html, "No SQL statements");
    }

    @Test
    void sqlPanelShowsNPlusOneCallSitesTransactionsAndActions() {
        RequestRecord record = fullRecord();
        String html = renderer.renderPanel(record, record.panels().get("sql"), BASE);
        String flat = squash(html);

        assertContains(flat, "Likely N+1");
        assertContains(flat, "<strong class=\"tb-nplusone-count\">30×</strong>");
        assertContains(html, "Load these rows in one query.");
        // the call site, expandable to the application frames
        assertContains(flat, "<details class=\"tb-callsite\"> <summary><span class=\"tb-muted\">from</span>"
                + " <code class=\"tb-code\">shop.Books.list(Books.java:42)</code>");
        assertContains(html, ">shop.Web.get(Web.java:7)<");
        // a call site is escaped like everything else
        assertContains(html, ATTR_ESCAPED);
        assertLacks(html, ATTR);
        // transactions: tagged rows and the commit after the last statement
        assertContains(flat, "<strong>COMMIT</strong>");
        assertContains(html, "data-tb-after=\"1\"");
        assertContains(html, "tb-in-tx");
        // actions only where they may run; the runnable SQL uses the database's literals
        assertContains(html, "data-tb-run=\"explain\"");
        assertEquals(1, count(html, "data-tb-run=\"select\""));
        assertContains(html, "data-tb-runnable=\"SELECT b.id, b.title FROM book b WHERE b.price &lt; &#39;42&#39; AND b.author_id = NULL\"");
        assertContains(html, "stacks were captured for the first 200 statements only");
        assertContains(html, "data-tb-sql-total=\"3\"");
        assertLacks(html, "data-tb-action=\"sql-more\"");
        assertLacks(html, " style=");
        assertLacks(html, " onclick");
    }

    @Test
    void sqlPanelNumbersStatementsFromOneAsNumbersNotAsConcatenatedDigits() {
        List<QueryEvent> queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Integer duplicateOf = i == 1 || i == 2 || i == 3 || i == 12 ? Integer.valueOf(i == 12 ? 10 : i - 1) : null;
            queries.add(new QueryEvent(i, "SELECT * FROM t WHERE id = " + i, List.of(), List.of(), i, 0.1, null,
                    "c1", null, "ds1", null, null, List.of(), false, duplicateOf, null, false, true, List.of(), null));
        }
        SqlStats stats = new SqlStats(60, 6, 0, 0, queries, 4, 0,
                List.of(new NPlusOne("SELECT 1", 5, null, "hint", 0), new NPlusOne("SELECT 2", 5, null, "hint", 10)),
                0, 100, 0, 200, false, List.of(), 1, Map.of("ds1", "H2"), true);
        String html = renderer.renderPanel(record(), panel("sql", "SQL", "60 queries", SQL_TEMPLATE, stats), BASE);

        assertContains(html, ">duplicate of #1<");
        assertContains(html, ">duplicate of #2<");
        assertContains(html, ">duplicate of #3<");
        assertContains(html, ">duplicate of #11<");
        assertContains(html, ">first at #1<");
        assertContains(html, ">first at #11<");
        assertContains(html, ">Show more (10 left)<");
        // what string concatenation printed: "#0" + "1", "#1" + "1", "#2" + "1", "#10" + "1"
        for (String wrong : List.of("#01", "#21", "#101")) {
            assertLacks(html, wrong);
        }
    }

    @Test
    void sqlPanelSaysWhyAStatementIsNotRunAgainWhereItsButtonsWouldBe() {
        RequestRecord record = fullRecord();
        String html = squash(renderer.renderPanel(record, record.panels().get("sql"), BASE));

        // the refused INSERT (index 1) says why, in its actions, instead of showing no buttons at all
        Matcher actions = Pattern.compile("<div class=\"tb-sql-actions\">(.*?)</div>").matcher(html);
        List<String> blocks = new ArrayList<>();
        while (actions.find()) {
            blocks.add(actions.group(1));
        }
        assertEquals(3, blocks.size(), html);
        assertLacks(blocks.get(0), "tb-sql-refusal");
        assertContains(blocks.get(1), "<span class=\"tb-sql-refusal\">Only a single SELECT that writes nothing is"
                + " run again.</span>");
        assertLacks(blocks.get(1), "data-tb-run=");
    }

    @Test
    void sqlPanelOffersOnlyAPlainExplainOnMySqlAndSaysWhy() {
        QueryEvent select = new QueryEvent(0, "SELECT 1", List.of(), List.of(), 0, 0.1, null, "c1", null, "ds1",
                null, null, List.of(), false, null, null, false, true, List.of(), null);
        SqlStats stats = new SqlStats(1, 0.1, 0, 0, List.of(select), 0, 0, List.of(), 0, 100, 0, 200, false,
                List.of(), 1, Map.of("ds1", "MySQL"), true);
        String html = renderer.renderPanel(record(), panel("sql", "SQL", "1 query", SQL_TEMPLATE, stats), BASE);

        assertContains(html, "data-tb-run=\"explain\"");
        assertLacks(html, "data-tb-run=\"analyze\"");
        assertLacks(html, "data-tb-run=\"select\"");
        assertContains(html, "On MySQL the toolbar shows only a plain EXPLAIN");
    }

    @Test
    void sqlPanelWithoutStatementsSaysSo() {
        String html = renderer.renderPanel(record(), panel("sql", "SQL", "0 queries", SQL_TEMPLATE,
                noSql()), BASE);
        assertContains(html, "No SQL statements were run during this request.");
        assertLacks(html, "<table");
        assertLacks(html, "beyond the per-request limit");
    }

    @Test
    void sqlPanelWithoutAWrappedDataSourceSaysHowToWrapOne() {
        String html = renderer.renderPanel(record(), panel("sql", "SQL", "not instrumented", SQL_TEMPLATE,
                noSql(false)), BASE);
        assertContains(html, "No data source is wrapped by the toolbar, so no statement can be seen.");
        assertContains(html, "dataSource = toolbar.wrap(dataSource);");
        assertLacks(html, "No SQL statements were run during this request.");
        assertLacks(html, "<table");
    }

    @Test
    void requestPanelShowsTheRequestAndItsEntries() {
        RequestRecord record = fullRecord();
        String html = renderer.renderPanel(record, record.panels().get("request"), BASE);
        String flat = squash(html);

        assertContains(html, ">GET<");
        assertContains(html, "http://localhost:8080/books");
        assertContains(html, "page=2&amp;q=" + SCRIPT_ESCAPED);
        assertContains(html, "127.0.0.1");
        for (String heading : List.of("Query parameters", "Form parameters", "Cookies", "Session attributes")) {
            assertContains(html, ">" + heading + "<");
        }
        // the form parameters are empty
        assertContains(flat, "<span>Form parameters</span> <span class=\"tb-count\">0</span> </h3> <p class=\"tb-empty\">None</p>");
        // masked entries show the mask and a badge
        assertContains(html, ">JSESSIONID<");
        assertContains(html, MASK);
        assertEquals(2, count(html, "tb-badge-masked"), html);
        assertEquals(2, count(html, "tb-row-masked"), html);
        // session attributes have a type column
        assertContains(html, ">java.util.ArrayList<");
        assertContains(html, ">Type<");
        assertContains(html, "<span class=\"tb-null\">null</span>");
        assertContains(html, ATTR_ESCAPED);
    }

    @Test
    void requestPanelWithNothingSaysNoneEverywhere() {
        RequestStats empty = new RequestStats("GET", "http://localhost/", null, "::1",
                List.of(), List.of(), List.of(), List.of());
        String html = renderer.renderPanel(record(), panel("request", "Request", "GET /", REQUEST_TEMPLATE, empty), BASE);
        assertEquals(4, count(html, "<p class=\"tb-empty\">None</p>"), html);
        assertLacks(html, "<table");
    }

    @Test
    void timerPanelShowsServerTimesAndLeavesRoomForTheBrowsers() {
        RequestRecord record = fullRecord();
        String html = renderer.renderPanel(record, record.panels().get("timer"), BASE);
        assertContains(html, "12.30 ms");
        assertContains(html, "8.00 ms");
        assertContains(html, "65% of wall time");
        assertContains(html, "1.4 MB");
        assertContains(html, "1,468,006 bytes");
        assertContains(html, "<div class=\"tb-navtiming\" data-tb-navtiming></div>");
        assertLacks(html, "not measured");
    }

    @Test
    void timerPanelSaysWhatWasNotMeasured() {
        String html = renderer.renderPanel(record(), panel("timer", "Timer", "1 ms", TIMER_TEMPLATE,
                new TimerStats(0.5, null, null)), BASE);
        assertContains(html, "0.500 ms");
        assertEquals(2, count(html, "not measured"), html);
        assertLacks(html, "% of wall time");
    }

    @Test
    void timerPanelHumanisesEverySizeOfAllocation() {
        assertContains(timerWithAllocation(0L), ">0 B<");
        assertContains(timerWithAllocation(512L), ">512 B<");
        assertContains(timerWithAllocation(3_300L), ">3.2 KB<");
        assertContains(timerWithAllocation(5L * 1024 * 1024 * 1024), ">5.00 GB<");
    }

    private String timerWithAllocation(long bytes) {
        String html = renderer.renderPanel(record(), panel("timer", "Timer", "1 ms", TIMER_TEMPLATE,
                new TimerStats(1.0, 1.0, bytes)), BASE);
        return squash(html).replace("> ", ">").replace(" <", "<");
    }

    @Test
    void headersPanelShowsRequestAndResponseHeaders() {
        String html = renderer.renderPanel(record(), headersPanel(), BASE);
        assertContains(html, ">Request headers<");
        assertContains(html, ">Response headers<");
        assertContains(html, ">Authorization<");
        assertEquals(1, count(html, "tb-badge-masked"), html);
        assertContains(html, SCRIPT_ESCAPED);
        assertLacks(html, "tb-panel-error");
    }

    @Test
    void templatesPanelShowsTheTreeWithTimesOriginsAndVariables() {
        String html = renderTemplates(templateStats());
        String flat = squash(html);

        assertContains(flat, "<strong>6</strong> <span>templates and fragments</span>");
        assertContains(html, "4.50 ms");
        assertContains(html, "2 templates beyond the per-request limits (maxTemplates, maxRecordBytes) were counted but not kept.");
        // one row per template, indented by depth (capped), fragments named with their selector
        assertEquals(4, count(html, "data-tb-template="), html);
        assertContains(html, "class=\"tb-tree tb-depth-0\"");
        assertContains(html, "class=\"tb-tree tb-depth-2\"");
        assertContains(html, "class=\"tb-tree tb-depth-8\"");
        assertContains(html, "data-tb-depth=\"11\"");
        assertContains(html, ">books/list<");
        assertContains(html, ">:: site-header<");
        assertContains(html, ">templates/layout.html<");
        assertContains(html, ">unknown origin<");
        // own time and time with fragments, right-aligned
        assertContains(flat, "<td class=\"tb-num tb-col-own\">1.25 ms</td>");
        assertContains(flat, "<td class=\"tb-num tb-col-time\">4.50 ms</td>");
        // variables on demand, masked where secret
        assertContains(html, "<details class=\"tb-vars\">");
        assertContains(html, ">Model: 2 variables<");
        assertContains(html, ">Parameters: 1 variable<");
        assertContains(html, ">java.util.List<");
        assertContains(html, MASK);
        assertEquals(1, count(html, "tb-badge-masked"), html);
        // the fragment that failed
        assertEquals(1, count(html, "tb-row-error"), html);
        assertContains(html, "did not finish");
    }

    @Test
    void templatesPanelWithoutTemplatesSaysSo() {
        String html = renderTemplates(new TemplateStats(0, 0, 0, List.of(), true));
        assertContains(html, "No templates were rendered during this request.");
        assertLacks(html, "<table");
        assertLacks(html, "beyond the per-request limit");
    }

    @Test
    void cachePanelShowsTotalsPerOperationAndEveryCall() {
        String html = renderCache(cacheStats());
        String flat = squash(html);

        assertContains(flat, "<strong>4</strong> <span>calls</span>");
        assertContains(flat, "<strong>1</strong> <span>hit</span>");
        assertContains(flat, "<strong>1</strong> <span>miss</span>");
        assertContains(flat, "<strong>50%</strong> hit ratio");
        assertContains(html, "1 call beyond the per-request limits (maxCacheCalls, maxRecordBytes) is in the totals but not listed.");
        // totals per operation, right-aligned
        assertContains(flat,
                "<td class=\"tb-col-op\"><code class=\"tb-code\">put</code></td> <td class=\"tb-num\">1</td>");
        // the calls in order with cache, key, result, time and call site
        assertEquals(3, count(html, "data-tb-cache-call="), html);
        assertContains(html, ">popular-books<");
        assertContains(html, ">top-10<");
        assertContains(html, "<span class=\"tb-badge tb-badge-miss\">miss</span>");
        assertContains(html, "<span class=\"tb-badge tb-badge-hit\">hit</span>");
        assertContains(html, "0.250 ms");
        assertContains(html, ">shop.Popular.top(Popular.java:30)<");
        assertContains(html, "tb-row-error");
        assertContains(html, "javax.cache.CacheException: " + ATTR_ESCAPED);
    }

    @Test
    void cachePanelWithoutCallsSaysSo() {
        String html = renderCache(new CacheStats(0, 0, 0, 0, 0, List.of(), List.of(), true));
        assertContains(html, "No cache calls were made during this request.");
        assertLacks(html, "<table");
        assertLacks(html, "hit ratio");
    }

    @Test
    void templatesPanelWithoutAnInstrumentedEngineSaysHowToInstrumentOne() {
        String html = renderTemplates(new TemplateStats(0, 0, 0, List.of(), false));
        assertContains(html, "No template engine records for the toolbar, so no template can be seen.");
        assertContains(html, "ThymeleafRecorder.instrument(templateEngine, toolbar);");
        assertLacks(html, "No templates were rendered during this request.");
        assertLacks(html, "templates and fragments");
    }

    @Test
    void cachePanelWithoutAnInstrumentedCacheSaysHowToInstrumentOne() {
        String html = renderCache(new CacheStats(0, 0, 0, 0, 0, List.of(), List.of(), false));
        assertContains(html, "No cache reports to the toolbar, so no cache call can be seen.");
        assertContains(html, "cacheManager = JCacheRecorder.wrap(cacheManager, toolbar);");
        assertContains(html, "CacheRecorder.of(toolbar)");
        assertLacks(html, "No cache calls were made during this request.");
        assertLacks(html, "hit ratio");
    }

    @Test
    void loggingPanelTellsNothingLoggedFromNoFrameworkAttached() {
        String attached = renderLogging(new LoggingStats(0, 0, 0, 0, List.of(), List.of("java.util.logging")));
        assertContains(attached, "Nothing was logged on the request's thread during this request");
        assertLacks(attached, "could not attach");

        String detached = renderLogging(new LoggingStats(0, 0, 0, 0, List.of(), List.of()));
        assertContains(detached, "The toolbar could not attach to any logging framework, so nothing logged can be seen.");
        assertContains(detached, "could not attach the toolbar's log capture");
        assertLacks(detached, "Nothing was logged");
    }

    @Test
    void loggingPanelShowsEachRecordsCallSite() {
        LogEntry entry = new LogEntry(1.5, Instant.parse("2026-01-01T12:00:00Z"), "WARN", "shop.Books", "low " + SCRIPT,
                null, "main", "Logback", "shop.Books.list(Books.java:42)");
        String html = renderLogging(new LoggingStats(1, 0, 1, 0, List.of(entry), List.of("Logback")));
        assertContains(html, ">shop.Books.list(Books.java:42)<");
        assertContains(html, "low " + SCRIPT_ESCAPED);
    }

    @Test
    void exceptionsPanelLeadsWithTheRootCauseAndKeepsTheChain() {
        ExceptionsStats.Link wrapper = new ExceptionsStats.Link("", "jakarta.servlet.ServletException",
                "Request processing failed", List.of(new ExceptionsStats.Frame("org.springframework.Dispatcher.run(D.java:1)",
                false)), 0);
        ExceptionsStats.Link cause = new ExceptionsStats.Link("Caused by", "java.lang.IllegalStateException",
                "no stock " + SCRIPT, List.of(new ExceptionsStats.Frame("shop.Books.buy(Books.java:9)", true)), 1);
        ExceptionsStats stats = new ExceptionsStats(List.of(new ExceptionsStats.Failure(List.of(wrapper, cause),
                new ExceptionsStats.RootCause("java.lang.IllegalStateException", "no stock " + SCRIPT,
                        "shop.Books.buy(Books.java:9)", true))));
        String html = renderer.renderPanel(record(), panel("exceptions", "Exceptions", "IllegalStateException",
                EXCEPTIONS_TEMPLATE, stats), BASE);
        String flat = squash(html);

        int root = html.indexOf("tb-exception-root");
        assertTrue(root >= 0 && root < html.indexOf("tb-exception-link"), html);
        assertContains(flat, "<p class=\"tb-exception-root-label\">Root cause</p>");
        assertTrue(html.indexOf(">java.lang.IllegalStateException<") < html.indexOf(">jakarta.servlet.ServletException<"),
                "the root cause comes first: " + html);
        assertContains(html, ">shop.Books.buy(Books.java:9)<");
        assertContains(html, "no stock " + SCRIPT_ESCAPED);
        assertContains(html, ": Request processing failed");
        assertEquals(2, count(html, "class=\"tb-exception-link"), html);
    }

    private String renderLogging(LoggingStats stats) {
        return renderer.renderPanel(record(), panel("logging", "Logging", "", LOGGING_TEMPLATE, stats), BASE);
    }

    private String renderTemplates(TemplateStats stats) {
        return renderer.renderPanel(record(), panel("templates", "Templates", "", TEMPLATES_TEMPLATE, stats), BASE);
    }

    private String renderCache(CacheStats stats) {
        return renderer.renderPanel(record(), panel("cache", "Cache", "", CACHE_TEMPLATE, stats), BASE);
    }

    // ---- failures ----------------------------------------------------------------------------------

    @Test
    void failedPanelRendersTheErrorTemplate() {
        RequestRecord record = fullRecord();
        String html = renderer.renderPanel(record, record.panels().get("acme.flags"), BASE);
        assertContains(html, "tb-panel-error");
        assertContains(squash(html), "The <strong>Flags</strong> panel failed for this request.");
        assertContains(html, "java.lang.IllegalStateException: flags are down " + SCRIPT_ESCAPED);
        assertContains(html, "<details class=\"tb-stack\">");
        assertContains(html, "at acme.Flags.read(Flags.java:12)");
        assertContains(html, ATTR_ESCAPED);
    }

    @Test
    void panelWhoseTemplateIsMissingRendersTheErrorTemplateInstead() {
        PanelResult missing = panel("acme.missing", "Missing", "?", "acme/no-such-template.html", "stats");
        String html = renderer.renderPanel(record(missing), missing, BASE);
        assertContains(html, "tb-panel-error");
        assertContains(html, "<strong>Missing</strong>");
        assertContains(html, "acme/no-such-template.html");
        assertContains(html, "<details class=\"tb-stack\">");
    }

    @Test
    void panelWhoseTemplateDoesNotFitItsStatsRendersTheErrorTemplateInstead() {
        // the SQL template given a String where SqlStats is expected
        PanelResult wrong = panel("sql", "SQL", "?", SQL_TEMPLATE, "not sql stats");
        String html = renderer.renderPanel(record(wrong), wrong, BASE);
        assertContains(html, "tb-panel-error");
        assertContains(html, "<strong>SQL</strong>");
    }

    // ---- safety of every fragment ------------------------------------------------------------------

    @Test
    void hostileValuesAreEscapedEverywhere() {
        String all = String.join("\n", everything());
        assertContains(all, SCRIPT_ESCAPED);
        assertContains(all, ATTR_ESCAPED);
        assertLacks(all, SCRIPT);
        assertLacks(all, ATTR);
        assertLacks(all, "<img");
    }

    @Test
    void hostileIdsAndTitlesAreEscapedInTheNav() {
        PanelResult hostile = panel(ATTR, SCRIPT, ATTR, "x.html", "x");
        String html = renderer.renderToolbar(record(hostile), BASE);
        assertContains(html, "data-tb-panel=\"" + ATTR_ESCAPED + "\"");
        assertContains(html, ">" + SCRIPT_ESCAPED + "<");
        assertLacks(html, SCRIPT);
        assertLacks(html, ATTR);
    }

    @Test
    void noFragmentHasScriptsInlineStylesOrEventHandlers() {
        Pattern tag = Pattern.compile("<[a-zA-Z][^>]*>");
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        for (String html : everything()) {
            assertLacks(html.toLowerCase(), "<script");
            assertLacks(html, " style=");
            assertLacks(html, "th:");
            assertLacks(html, "<html");
            assertLacks(html, "<body");
            Matcher tags = tag.matcher(html);
            while (tags.find()) {
                // attribute names only: quoted values (escaped text) may say anything
                String names = tags.group().replaceAll("\"[^\"]*\"", "\"\"");
                assertFalse(handler.matcher(names).find(), "event handler attribute in " + tags.group());
                assertLacks(names, " style");
                assertLacks(tags.group(), "javascript:");
            }
        }
    }

    @Test
    void everyClassAndIdCarriesThePrefix() {
        Pattern classes = Pattern.compile("\\sclass=\"([^\"]*)\"");
        Pattern ids = Pattern.compile("\\sid=\"([^\"]*)\"");
        for (String html : everything()) {
            Matcher m = classes.matcher(html);
            while (m.find()) {
                for (String name : m.group(1).trim().split("\\s+")) {
                    assertTrue(name.startsWith("tb-"), "class without the tb- prefix: " + name);
                }
            }
            Matcher i = ids.matcher(html);
            while (i.find()) {
                assertTrue(i.group(1).startsWith("tb-"), "id without the tb- prefix: " + i.group(1));
            }
        }
    }

    // ---- static files ------------------------------------------------------------------------------

    @Test
    void assetsAreFoundWithContentAndTypes() {
        ToolbarAssets assets = new ToolbarAssets();
        ToolbarAssets.Asset js = assets.find("toolbar.js").orElseThrow();
        ToolbarAssets.Asset css = assets.find("toolbar.css").orElseThrow();
        assertTrue(js.bytes().length > 1000, "toolbar.js is too small");
        assertTrue(css.bytes().length > 1000, "toolbar.css is too small");
        assertTrue(js.contentType().startsWith("text/javascript"), js.contentType());
        assertTrue(css.contentType().startsWith("text/css"), css.contentType());
        assertEquals(js.version(), assets.version("toolbar.js"));
        assertFalse(js.version().isEmpty());
        assertTrue(assets.find("nope.js").isEmpty());
    }

    @Test
    void scriptKeepsToTheRulesOfTheBrowsersItMustRunIn() {
        String js = new String(new ToolbarAssets().find("toolbar.js").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertContains(js, "\"use strict\"");
        assertContains(js, "window.debugToolbar");
        assertContains(js, "XMLHttpRequest");
        assertContains(js, "attachShadow");
        String code = js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
        for (String forbidden : List.of("fetch(", "=>", "?.", "`", "async ", "await ", "class ", "let ", "const ",
                "keyCode", "eval(", "new Function", "document.write")) {
            assertLacks(code, forbidden);
        }
    }

    @Test
    void stylesheetFollowsTheColourSchemeAndStaysOnTop() {
        String css = new String(new ToolbarAssets().find("toolbar.css").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertContains(css, "prefers-color-scheme: dark");
        assertContains(css, "prefers-reduced-motion");
        assertContains(css, ":host");
        assertContains(css, "2147483");
        assertLacks(css, "@import");
        assertLacks(css, "url(http");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
