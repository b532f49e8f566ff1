package dev.debugtoolbar.servlet;

import static dev.debugtoolbar.servlet.TestServer.html;
import static dev.debugtoolbar.servlet.TestServer.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.cache.CacheRecorder;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.template.ThymeleafRecorder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests are recorded with their statements and served back by the endpoints, safely; on every container. */
@ParameterizedClass
@EnumSource(Container.class)
class RecordingIT {

    /** The container this run of the class deploys to (in {@code start}). */
    @Parameter
    Container container;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CyclicBarrier BOTH_INSIDE = new CyclicBarrier(2);

    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true).storeCapacity(20)
            .panel(new BrokenPanel()).build();
    private static final TemplateEngine TEMPLATES = new TemplateEngine();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    static {
        TEMPLATES.setTemplateResolver(new StringTemplateResolver());
        ThymeleafRecorder.instrument(TEMPLATES, TOOLBAR);
    }

    private static DataSource dataSource;
    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(Container container) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:recording-" + container + ";DB_CLOSE_DELAY=-1");
        dataSource = TOOLBAR.wrap(h2);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(200), author VARCHAR(200))");
            statement.execute("INSERT INTO book VALUES (1, 'Dune', 'Herbert'), (2, 'Emma', 'Austen')");
        }
        CACHE.clear();
        CacheRecorder cacheRecorder = CacheRecorder.of(TOOLBAR);
        server = TestServer.with(TOOLBAR).on(container)
                .handle("/cached", (request, response) -> {
                    String greeting = cacheRecorder.get("greetings", "en", () -> CACHE.get("en"));
                    if (greeting == null) {
                        cacheRecorder.run("greetings", "put", "en", () -> CACHE.put("en", "Hello"));
                    }
                    Context model = new Context(Locale.ROOT, Map.of("greeting", "Hello"));
                    html(response, TEMPLATES.process("<b th:text=\"${greeting}\">x</b>", model));
                })
                .handle("/three", (request, response) -> {
                    try (Connection connection = dataSource.getConnection()) {
                        query(connection, "SELECT title FROM book WHERE id = ?", 1);
                        query(connection, "SELECT title FROM book WHERE author = ? AND id > ?", "Austen", 0);
                        try (PreparedStatement update = connection.prepareStatement(
                                "UPDATE book SET title = ? WHERE id = ?")) {
                            update.setString(1, "Dune");
                            update.setInt(2, 1);
                            update.executeUpdate();
                        }
                    }
                    html(response, "three statements");
                })
                .handle("/tagged", (request, response) -> {
                    String tag = request.getParameter("tag");
                    try (Connection connection = dataSource.getConnection()) {
                        query(connection, "SELECT ? AS tag", tag + "-before");
                        BOTH_INSIDE.await(20, TimeUnit.SECONDS);
                        query(connection, "SELECT ? AS tag", tag + "-after");
                    }
                    html(response, tag);
                })
                .handle("/echo", (request, response) -> {
                    request.getSession().setAttribute("note", request.getParameter("q"));
                    try (Connection connection = dataSource.getConnection()) {
                        query(connection, "SELECT ? AS q", request.getParameter("q"));
                    }
                    html(response, "echo");
                })
                .handle("/fails", (request, response) -> {
                    throw new IllegalStateException("the application failed");
                })
                .start();
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void recordsExactlyTheStatementsOfTheRequestWithTheirParameters() throws Exception {
        String id = idOf(server.getText("/three"));

        JsonNode record = json("/__toolbar/api/requests/" + id);
        assertEquals("GET", record.get("method").asText());
        assertEquals("/three", record.get("path").asText());
        assertEquals(200, record.get("status").asInt());
        JsonNode sql = record.get("panels").get("sql");
        assertEquals(3, sql.get("queryCount").asInt());
        JsonNode queries = sql.get("queries");
        assertEquals(3, queries.size());
        assertEquals("SELECT title FROM book WHERE id = ?", queries.get(0).get("sql").asText());
        assertEquals(List.of("1"), texts(queries.get(0).get("params")));
        assertEquals(List.of("Austen", "0"), texts(queries.get(1).get("params")));
        assertEquals("UPDATE book SET title = ? WHERE id = ?", queries.get(2).get("sql").asText());
        assertEquals(List.of("Dune", "1"), texts(queries.get(2).get("params")));
        assertEquals(1, queries.get(2).get("rows").asInt());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, queries.get(i).get("index").asInt());
            assertTrue(queries.get(i).get("durationMillis").asDouble() >= 0);
            assertTrue(queries.get(i).get("error").isNull());
        }
    }

    @Test
    void recordsTemplatesAndCacheCallsAndAddsTheirTimesToServerTiming() throws Exception {
        CACHE.clear();
        HttpResponse<String> page = server.getText("/cached");

        assertTrue(page.body().contains("<b>Hello</b>"), page.body());
        String timing = page.headers().firstValue("Server-Timing").orElseThrow();
        assertTrue(timing.contains("tpl;dur=") && timing.contains("desc=\"Templates (1 template)\""), timing);
        assertTrue(timing.contains("cache;dur=") && timing.contains("desc=\"Cache (2 calls, 1 miss)\""), timing);
        JsonNode panels = json("/__toolbar/api/requests/" + idOf(page)).get("panels");
        JsonNode template = panels.get("templates").get("templates").get(0);
        assertEquals("<b th:text=\"${greeting}\">x</b>", template.get("name").asText());
        assertEquals(0, template.get("depth").asInt());
        assertTrue(template.get("durationMillis").isNumber());
        assertEquals("greeting", template.get("variables").get(0).get("name").asText());
        JsonNode cache = panels.get("cache");
        assertEquals(0, cache.get("hits").asInt());
        assertEquals(1, cache.get("misses").asInt());
        JsonNode call = cache.get("calls").get(0);
        assertEquals(List.of("get", "greetings", "en", "false"), List.of(call.get("op").asText(),
                call.get("cache").asText(), call.get("key").asText(), call.get("hit").asText()));
        assertTrue(call.get("durationMillis").isNumber());

        String panel = server.getText("/__toolbar/requests/" + idOf(page) + "/panels/cache").body();
        assertTrue(panel.contains(">greetings<") && panel.contains(">miss<"), panel);
    }

    @Test
    void twoConcurrentRequestsNeverSeeEachOthersStatements() throws Exception {
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> server.getText("/tagged?tag=first"));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> server.getText("/tagged?tag=second"));

        for (var pair : List.of(List.of(first.get(30, TimeUnit.SECONDS), "first"),
                List.of(second.get(30, TimeUnit.SECONDS), "second"))) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) pair.get(0);
            String tag = (String) pair.get(1);
            JsonNode queries = json("/__toolbar/api/requests/" + idOf(response)).get("panels").get("sql").get("queries");
            List<String> params = new ArrayList<>();
            queries.forEach(query -> params.addAll(texts(query.get("params"))));
            assertEquals(List.of(tag + "-before", tag + "-after"), params);
        }
    }

    @Test
    void rendersMarkupFromTheRequestAsText() throws Exception {
        String payload = "<script>window.pwned=1</script>\"><img src=x onerror=alert(1)>";
        String id = idOf(server.sendText(HttpRequest.newBuilder(server.uri("/echo?q="
                + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8)))
                .header("X-Note", payload)));

        for (String panel : List.of("request", "sql", "headers")) {
            String html = server.getText("/__toolbar/requests/" + id + "/panels/" + panel).body();
            assertFalse(html.contains("<script>window.pwned"), panel + ": " + html);
            assertFalse(html.contains("<img src=x"), panel + ": " + html);
            assertTrue(html.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;"), panel + ": " + html);
        }
        String toolbar = server.getText("/__toolbar/requests/" + id).body();
        assertFalse(toolbar.contains("<script>window.pwned"));
    }

    @Test
    void masksSecretLookingValues() throws Exception {
        String id = idOf(server.sendText(HttpRequest.newBuilder(server.uri("/echo?q=visible&api_key=s3cr3t-key"))
                .header("Authorization", "Bearer s3cr3t-token")
                .header("Cookie", "JSESSIONID=s3cr3t-session; theme=dark")));

        for (String panel : List.of("request", "headers")) {
            String html = server.getText("/__toolbar/requests/" + id + "/panels/" + panel).body();
            assertFalse(html.contains("s3cr3t-key") || html.contains("s3cr3t-token") || html.contains("s3cr3t-session"),
                    panel + ": " + html);
        }
        JsonNode request = json("/__toolbar/api/requests/" + id).get("panels").get("request");
        assertTrue(request.toString().contains("visible") && request.toString().contains("dark"));
        assertFalse(json("/__toolbar/api/requests/" + id).toString().contains("s3cr3t-token"));
    }

    @Test
    void aBrokenPanelShowsItsErrorAndThePageIsUnharmed() throws Exception {
        HttpResponse<String> page = server.getText("/three");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("three statements") && page.body().contains("data-tb-id"));
        String id = idOf(page);

        String panel = server.getText("/__toolbar/requests/" + id + "/panels/test.broken").body();
        assertTrue(panel.contains("broken on purpose"), panel);
        JsonNode json = json("/__toolbar/api/requests/" + id).get("panels").get("test.broken");
        assertTrue(json.get("error").get("message").asText().contains("broken on purpose"));
        assertEquals(3, json("/__toolbar/api/requests/" + id).get("panels").get("sql").get("queryCount").asInt());
    }

    @Test
    void anExceptionThatEscapesTheApplicationIsRecordedAs500() throws Exception {
        HttpResponse<String> page = server.getText("/fails");
        assertEquals(500, page.statusCode());
        JsonNode record = json("/__toolbar/api/requests/" + idOf(page));
        assertEquals(500, record.get("status").asInt());
    }

    @Test
    void listsRecentRequestsNewestFirst() throws Exception {
        String older = idOf(server.getText("/three"));
        String newer = idOf(server.getText("/echo?q=x"));

        JsonNode list = json("/__toolbar/api/requests?limit=2");
        assertEquals(2, list.size());
        assertEquals(newer, list.get(0).get("id").asText());
        assertEquals(older, list.get(1).get("id").asText());
        assertNull(list.get(0).get("panels"));
    }

    @Test
    void answersMalformedOrUnknownEndpointRequestsWithAClearError() {
        assertStatus(400, "limit", server.getText("/__toolbar/api/requests?limit=lots"));
        assertStatus(400, "limit", server.getText("/__toolbar/api/requests?limit=0"));
        assertStatus(404, "No recorded request", server.getText("/__toolbar/api/requests/unknownId"));
        assertStatus(404, "No recorded request", server.getText("/__toolbar/requests/unknownId"));
        assertStatus(404, "No recorded request", server.getText("/__toolbar/requests/%3Cscript%3E/panels/sql"));
        assertStatus(404, "No toolbar endpoint", server.getText("/__toolbar/requests"));
        assertStatus(404, "No toolbar file", server.getText("/__toolbar/static/secret.properties"));
        String id = idOf(server.getText("/three"));
        assertStatus(404, "no panel", server.getText("/__toolbar/requests/" + id + "/panels/nope"));
        assertStatus(405, "GET only", server.sendText(HttpRequest.newBuilder(server.uri("/__toolbar/api/requests"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))));
    }

    @Test
    void servesItsStaticFilesCacheableByVersion() {
        HttpResponse<String> page = server.getText("/three");
        String src = page.body().replaceFirst("(?s).*<script src=\"([^\"]+)\".*", "$1");
        URI scriptUri = server.uri("").resolve(src);
        assertTrue(src.startsWith("//" + scriptUri.getAuthority() + "/__toolbar/static/toolbar.js?v="),
                "a <base> cannot move a scheme-relative src to another host: " + src);
        HttpResponse<String> script = server.sendText(HttpRequest.newBuilder(scriptUri));
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(script.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        assertTrue(script.body().contains("debugToolbar"));
        assertFalse(script.headers().firstValue("X-Debug-Toolbar-Id").isPresent(), "the toolbar's own requests are not recorded");
    }

    private static void assertStatus(int status, String message, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(message), response.body());
    }

    private static String idOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = server.getText(path.substring(1));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.isNull() ? null : node.asText()));
        return texts;
    }


    /** A user panel that fails at the end of every request. */
    static final class BrokenPanel implements Panel<String> {
        @Override
        public String id() {
            return "test.broken";
        }

        @Override
        public String title() {
            return "Broken";
        }

        @Override
        public String onRequestEnd(RequestContext context) {
            throw new IllegalStateException("broken on purpose");
        }
    }
}
