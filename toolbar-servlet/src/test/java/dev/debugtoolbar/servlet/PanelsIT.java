package dev.debugtoolbar.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headers, Settings, Versions, Timeline and History's summaries of real requests on Jetty, and Server-Timing. */
class PanelsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEiLCJyb2xlIjoiYWRtaW4ifQ.Qx7vF2c9kLm";
    private static final String SESSION = "SESSION=8f14e45fceea167a5a36dedd4bea2543";
    private static final String API_KEY = "sk_live_51H8xQ2eZvKYlo2CzzTq";
    private static final String REMEMBER_ME = "remember_me=c2VjcmV0LXJlbWVtYmVyLXRva2Vu";
    private static final List<String> SECRETS = List.of("eyJhbGciOiJIUzI1NiJ9", "8f14e45fceea167a5a36dedd4bea2543",
            API_KEY, "c2VjcmV0LXJlbWVtYmVyLXRva2Vu", "hunter2-Pr0d");

    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true).build();
    private static DataSource dataSource;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:panels;DB_CLOSE_DELAY=-1");
        dataSource = TOOLBAR.wrap(h2);
        server = TestServer.with(TOOLBAR)
                .initParameter("payment.apiKey", API_KEY)
                .initParameter("shop.database", "postgres://shop:hunter2-Pr0d@db.internal/shop")
                .initParameter("shop.theme", "dark")
                .handle("/books", (request, response) -> {
                    select("SELECT 1");
                    select("SELECT 2");
                    response.addHeader("Set-Cookie", REMEMBER_ME + "; HttpOnly");
                    response.setHeader("X-Shop-Version", "1.2.3");
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write("<html><body><h1>Books</h1></body></html>");
                })
                .handle("/api/stats", (request, response) -> {
                    select("SELECT 3");
                    response.setContentType("application/json");
                    response.getWriter().write("{\"books\":200}");
                })
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        TOOLBAR.close();
    }

    @Test
    void headersShowWhatWasSentAndReceivedWithSecretsMasked() throws Exception {
        String id = TestServer.idOf(server.sendText(HttpRequest.newBuilder(server.uri("books"))
                .header("Authorization", BEARER)
                .header("Cookie", SESSION)
                .header("X-Api-Key", API_KEY)
                .header("X-Request-Tag", "visible-tag")));

        String html = panel(id, "headers");
        JsonNode json = server.record(id).get("panels").get("headers");
        for (String secret : SECRETS) {
            assertFalse(html.contains(secret), secret + " in " + html);
            assertFalse(json.toString().contains(secret), secret + " in " + json);
        }
        assertTrue(html.contains("visible-tag") && html.contains("1.2.3"), html);
        for (String name : List.of("Authorization", "Cookie", "X-Api-Key")) {
            assertTrue(masked(json.get("requestHeaders"), name), name);
        }
        assertTrue(masked(json.get("responseHeaders"), "Set-Cookie"));
        assertFalse(masked(json.get("responseHeaders"), "X-Debug-Toolbar-Id"));
    }

    @Test
    void everyRecordedResponseHasServerTimingWithDescriptions() {
        HttpResponse<String> page = server.getText("books");
        HttpResponse<String> api = server.getText("api/stats");

        Pattern form = Pattern.compile("total;dur=\\d+\\.\\d{2};desc=\"Total\", sql;dur=\\d+\\.\\d{2};desc=\"SQL \\((\\d) quer(y|ies)\\)\"");
        var pageTiming = form.matcher(page.headers().firstValue("Server-Timing").orElseThrow());
        assertTrue(pageTiming.matches(), page.headers().firstValue("Server-Timing").orElseThrow());
        assertEquals("2", pageTiming.group(1));
        var apiTiming = form.matcher(api.headers().firstValue("Server-Timing").orElseThrow());
        assertTrue(apiTiming.matches(), "non-HTML answers get it too");
        assertEquals("1", apiTiming.group(1));
    }

    @Test
    void settingsShowTheConfigurationInitParametersAndJvmWithSecretsMasked() throws Exception {
        String id = TestServer.idOf(server.getText("books"));

        JsonNode settings = server.record(id).get("panels").get("settings");
        assertEquals("/__toolbar", value(settings.get("toolbar"), "pathPrefix"));
        assertEquals("dark", value(settings.get("initParameters"), "shop.theme"));
        assertTrue(masked(settings.get("initParameters"), "payment.apiKey"));
        assertTrue(value(settings.get("initParameters"), "shop.database").startsWith("postgres://shop:"));
        assertEquals(System.getProperty("java.version"), value(settings.get("systemProperties"), "java.version"));
        assertEquals(System.getenv().size(), settings.get("environment").size());
        String html = panel(id, "settings");
        for (String secret : SECRETS) {
            assertFalse(html.contains(secret), secret);
        }
        assertTrue(html.contains("shop.theme") && html.contains("data-tb-filter"), html);
    }

    @Test
    void versionsNameTheContainerTheServletApiAndTheLibraries() throws Exception {
        String id = TestServer.idOf(server.getText("books"));

        JsonNode versions = server.record(id).get("panels").get("versions");
        assertTrue(versions.get("server").asText().startsWith("jetty/12"), versions.get("server").asText());
        assertTrue(versions.get("servletVersion").asText().matches("6\\.\\d"), versions.get("servletVersion").asText());
        assertTrue(versions.get("effectiveServletVersion").asText().matches("\\d+\\.\\d+"));
        boolean jetty = false;
        for (JsonNode library : versions.get("libraries")) {
            jetty |= library.get("name").asText().equals("org.eclipse.jetty:jetty-server")
                    && library.get("version").asText().startsWith("12.");
        }
        assertTrue(jetty, versions.get("libraries").toString());
        String html = panel(id, "versions");
        assertTrue(html.contains("jetty-server") && html.contains("data-tb-filter"), html);
    }

    @Test
    void timelineDrawsEachStatementAndTheSqlPanelShowsItsShare() throws Exception {
        String id = TestServer.idOf(server.getText("books"));

        JsonNode timeline = server.record(id).get("panels").get("timeline");
        JsonNode bars = timeline.get("bars");
        assertEquals(2, bars.size());
        for (int i = 0; i < 2; i++) {
            assertEquals("sql", bars.get(i).get("kind").asText());
            assertEquals(i, bars.get(i).get("index").asInt());
            assertEquals("SELECT " + (i + 1), bars.get(i).get("label").asText());
        }
        String html = panel(id, "timeline");
        assertTrue(html.contains("data-tb-panel=\"sql\"") && html.contains("data-tb-item=\"1\""), html);
        assertEquals(3, count(html, "data-tb-width="), "the request and two statements");
        assertTrue(html.contains(">SQL #2</span>"), html);
        String sql = panel(id, "sql");
        assertEquals(2, count(sql, "class=\"tb-share-fill\""), sql);
        assertTrue(sql.contains("data-tb-item=\"0\""), sql);
    }

    @Test
    void summariesSayWhichRequestsScriptsMadeAndHowManyStatementsRan() throws Exception {
        String page = TestServer.idOf(server.getText("books"));
        String xhr = TestServer.idOf(server.sendText(HttpRequest.newBuilder(server.uri("api/stats"))
                .header("X-Requested-With", "XMLHttpRequest")));
        String fetch = TestServer.idOf(server.sendText(HttpRequest.newBuilder(server.uri("api/stats"))
                .header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Dest", "empty")));

        JsonNode list = JSON.readTree(server.getText("__toolbar/api/requests?limit=3").body());
        assertEquals(List.of(fetch, xhr, page), List.of(list.get(0).get("id").asText(), list.get(1).get("id").asText(),
                list.get(2).get("id").asText()));
        assertTrue(list.get(0).get("ajax").asBoolean());
        assertTrue(list.get(1).get("ajax").asBoolean());
        assertFalse(list.get(2).get("ajax").asBoolean());
        assertEquals(1, list.get(0).get("sqlCount").asInt());
        assertEquals(2, list.get(2).get("sqlCount").asInt());
        assertTrue(panel(page, "history").contains("data-tb-history"));
    }

    @Test
    void noPanelUsesInlineScriptStyleOrEventAttributes() throws Exception {
        String id = TestServer.idOf(server.sendText(HttpRequest.newBuilder(server.uri("books")).header("Authorization", BEARER)));
        for (var panel : server.record(id).get("panels").properties()) {
            String html = panel(id, panel.getKey());
            assertFalse(html.contains("<script") || html.contains(" style=")
                    || Pattern.compile("\\son[a-z]+=").matcher(html).find(), panel.getKey() + ": " + html);
            assertFalse(html.contains("tb-panel-error"), panel.getKey() + " failed: " + html);
        }
    }

    /**
     * A panel whose collector was never installed says so, with the call that installs it, instead of claiming
     * that nothing happened; one whose collector is installed says nothing happened when nothing did.
     */
    @Test
    void panelsWhoseCollectorIsNotInstalledSayHowToInstallIt() throws Exception {
        DebugToolbar bare = DebugToolbar.builder().enabled(true).build();
        try (TestServer plain = TestServer.with(bare).handle("/page", (request, response) -> {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<html><body>page</body></html>");
        }).start()) {
            String id = TestServer.idOf(plain.getText("page"));
            JsonNode panels = plain.record(id).get("panels");
            String nav = plain.getText("__toolbar/requests/" + id).body();
            assertEquals(3, nav.split("not instrumented", -1).length - 1, nav);
            for (String[] expected : new String[][] {
                    {"sql", "dataSource = toolbar.wrap(dataSource);"},
                    {"templates", "ThymeleafRecorder.instrument(templateEngine, toolbar);"},
                    {"cache", "cacheManager = JCacheRecorder.wrap(cacheManager, toolbar);"}}) {
                assertFalse(panels.get(expected[0]).get("instrumented").asBoolean(), expected[0]);
                String html = plain.getText("__toolbar/requests/" + id + "/panels/" + expected[0]).body();
                assertTrue(html.contains(expected[1]), html);
                assertFalse(html.contains("were run during") || html.contains("were rendered during")
                        || html.contains("were made during"), html);
            }
        } finally {
            bare.close();
        }

        String id = TestServer.idOf(server.getText("api/stats"));
        assertTrue(server.record(id).get("panels").get("sql").get("instrumented").asBoolean());
        assertFalse(panel(id, "sql").contains("toolbar.wrap(dataSource)"));
    }

    private static void select(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
        }
    }

    private static String panel(String id, String panel) {
        HttpResponse<String> response = server.getText("__toolbar/requests/" + id + "/panels/" + panel);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static JsonNode entry(JsonNode entries, String name) {
        for (JsonNode entry : entries) {
            if (entry.get("name").asText().equalsIgnoreCase(name)) {
                return entry;
            }
        }
        throw new AssertionError(name + " missing from " + entries);
    }

    private static boolean masked(JsonNode entries, String name) {
        return entry(entries, name).get("masked").asBoolean();
    }

    private static String value(JsonNode entries, String name) {
        return entry(entries, name).get("value").asText();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
