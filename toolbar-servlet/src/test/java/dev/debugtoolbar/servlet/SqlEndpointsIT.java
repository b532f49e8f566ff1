package dev.debugtoolbar.servlet;

import static dev.debugtoolbar.servlet.TestServer.html;
import static dev.debugtoolbar.servlet.TestServer.query;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EXPLAIN, re-run (rows capped) and paging of recorded statements over HTTP, on H2; SQL from the browser is never run. */
public class SqlEndpointsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true).build();
    private static JdbcDataSource raw;
    private static TestServer server;

    /** An H2 function with a side effect: it writes a row into {@code audit} in the caller's transaction. */
    public static int bump(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO audit VALUES ('bumped')");
        }
        return 1;
    }

    @BeforeAll
    static void start() throws Exception {
        raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:sql-endpoints;DB_CLOSE_DELAY=-1");
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(200))");
            statement.execute("INSERT INTO book SELECT x, 'Book ' || x FROM SYSTEM_RANGE(1, 300)");
            statement.execute("CREATE TABLE audit (what VARCHAR(20))");
            statement.execute("CREATE ALIAS BUMP FOR \"" + SqlEndpointsIT.class.getName() + ".bump\"");
        }
        DataSource dataSource = TOOLBAR.wrap(raw);
        server = TestServer.with(TOOLBAR)
                .handle("/page", (request, response) -> {
                    try (Connection connection = dataSource.getConnection()) {
                        query(connection, "SELECT title FROM book WHERE id = ?", 7);
                        try (PreparedStatement update = connection.prepareStatement(
                                "UPDATE book SET title = ? WHERE id = ?")) {
                            update.setString(1, "Book 1");
                            update.setInt(2, 1);
                            update.executeUpdate();
                        }
                        query(connection, "SELECT BUMP() AS bumped");
                        try (Statement ddl = connection.createStatement()) {
                            ddl.execute("CREATE TABLE IF NOT EXISTS scratch (id INT)");
                        }
                    }
                    html(response, "page");
                })
                .handle("/all", (request, response) -> {
                    try (Connection connection = dataSource.getConnection()) {
                        query(connection, "SELECT id, title FROM book ORDER BY id");
                    }
                    html(response, "all");
                })
                .handle("/many", (request, response) -> {
                    try (Connection connection = dataSource.getConnection()) {
                        for (int id = 1; id <= 250; id++) {
                            query(connection, "SELECT title FROM book WHERE id = ?", id);
                        }
                    }
                    html(response, "many");
                })
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void explainsARecordedSelectAsHtmlAndJson() throws Exception {
        String id = TestServer.idOf(server.getText("/page"));
        HttpResponse<String> html = post("/__toolbar/requests/" + id + "/sql/0/explain");
        assertEquals(200, html.statusCode(), html.body());
        assertTrue(html.body().contains("data-tb-result-kind=\"explain\""), html.body());
        assertTrue(html.body().contains("BOOK"), html.body());
        assertTrue(html.body().contains("read-only and rolled back"));

        HttpResponse<String> json = server.sendText(request("/__toolbar/requests/" + id + "/sql/0/select")
                .header("Accept", "application/json"));
        assertEquals(200, json.statusCode(), json.body());
        JsonNode result = JSON.readTree(json.body());
        assertEquals("select", result.get("kind").asText());
        assertEquals("Book 7", result.get("rows").get(0).get(0).asText());
        assertEquals("H2", result.get("database").asText());

        HttpResponse<String> analyzed = post("/__toolbar/requests/" + id + "/sql/0/explain?analyze=true");
        assertTrue(analyzed.body().contains("EXPLAIN ANALYZE"), analyzed.body());
    }

    @Test
    void refusesWritesAndDdlStoredInARecordAndChangesNothing() throws Exception {
        String id = TestServer.idOf(server.getText("/page"));
        int audits = count("audit");
        for (String index : new String[] {"1", "3"}) {
            for (String action : new String[] {"select", "explain", "explain?analyze=true"}) {
                HttpResponse<String> refused = post("/__toolbar/requests/" + id + "/sql/" + index + "/" + action);
                assertEquals(400, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("Only a single SELECT") && refused.body().contains("Nothing was run"),
                        refused.body());
            }
        }
        assertEquals("Book 1", title(1));
        assertEquals(audits, count("audit"));
        JsonNode queries = JSON.readTree(server.getText("__toolbar/api/requests/" + id).body())
                .get("panels").get("sql").get("queries");
        assertTrue(queries.get(0).get("explainable").asBoolean());
        assertFalse(queries.get(1).get("explainable").asBoolean());
        assertFalse(queries.get(0).has("values"), "the bound values stay on the server");
    }

    @Test
    void aSelectCallingASideEffectingFunctionLeavesNothingBehind() throws Exception {
        String id = TestServer.idOf(server.getText("/page"));
        int audits = count("audit");
        HttpResponse<String> rerun = post("/__toolbar/requests/" + id + "/sql/2/select");
        assertTrue(rerun.statusCode() == 200 || rerun.statusCode() == 422, rerun.body());
        assertEquals(audits, count("audit"), "the re-run's write was rolled back");
    }

    @Test
    void answersAForgedOrUnknownStatementWith404() throws Exception {
        String id = TestServer.idOf(server.getText("/page"));
        for (String index : new String[] {"4", "99", "-1", "abc", "1e3", "0x1"}) {
            HttpResponse<String> response = post("/__toolbar/requests/" + id + "/sql/" + index + "/select");
            assertEquals(404, response.statusCode(), index + ": " + response.body());
            assertTrue(response.body().contains("no recorded statement"), response.body());
        }
        assertEquals(404, post("/__toolbar/requests/unknownId/sql/0/explain").statusCode());
    }

    @Test
    void refusesCrossOriginPostsWith403() throws Exception {
        String id = TestServer.idOf(server.getText("/page"));
        String path = "/__toolbar/requests/" + id + "/sql/0/select";
        HttpResponse<String> evil = server.sendText(request(path).header("Origin", "http://evil.example"));
        assertEquals(403, evil.statusCode(), evil.body());
        assertTrue(evil.body().contains("evil.example"), evil.body());
        HttpResponse<String> crossSite = server.sendText(request(path).header("Sec-Fetch-Site", "cross-site"));
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        String own = server.uri("/").getScheme() + "://" + server.uri("/").getRawAuthority();
        HttpResponse<String> sameOrigin = server.sendText(request(path).header("Origin", own)
                .header("Sec-Fetch-Site", "same-origin"));
        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());
    }

    @Test
    void ignoresSqlSentInTheQueryStringOrTheBody() throws Exception {
        String id = TestServer.idOf(server.getText("/page"));
        int books = count("book");
        String delete = "DELETE FROM book";
        String encoded = java.net.URLEncoder.encode(delete, java.nio.charset.StandardCharsets.UTF_8);
        for (String action : new String[] {"select", "explain"}) {
            HttpResponse<String> response = server.sendText(HttpRequest.newBuilder(
                            server.uri("__toolbar/requests/" + id + "/sql/0/" + action + "?sql=" + encoded + "&q=" + encoded))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("sql=" + encoded + "&statement=" + encoded)));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode result = JSON.readTree(response.body());
            assertTrue(result.get("sql").asText().contains("SELECT title FROM book WHERE id = ?"), response.body());
            assertFalse(response.body().contains("DELETE"), response.body());
        }
        assertEquals(books, count("book"));
        assertEquals("Book 7", JSON.readTree(server.sendText(request("/__toolbar/requests/" + id + "/sql/0/select")
                .header("Accept", "application/json")).body()).get("rows").get(0).get(0).asText());
    }

    @Test
    void capsTheRowsOfARerunSelect() throws Exception {
        String id = TestServer.idOf(server.getText("/all"));
        HttpResponse<String> response = server.sendText(request("/__toolbar/requests/" + id + "/sql/0/select")
                .header("Accept", "application/json"));
        JsonNode result = JSON.readTree(response.body());
        assertEquals(300, count("book"));
        assertEquals(200, result.get("rows").size());
        assertTrue(result.get("truncated").asBoolean());
        String html = post("/__toolbar/requests/" + id + "/sql/0/select").body();
        assertEquals(200, count(html, "<tr>") - 1, "200 rows and the heading");
        assertTrue(html.contains("the first 200 rows"), html);
    }

    @Test
    void acceptsOnlyTheRightMethods() throws Exception {
        String id = TestServer.idOf(server.getText("/page"));
        assertEquals(405, server.getText("__toolbar/requests/" + id + "/sql/0/select").statusCode());
        assertEquals(405, post("/__toolbar/requests/" + id + "/sql/rows?from=0").statusCode());
        assertEquals(405, post("/__toolbar/requests/" + id).statusCode());
    }

    @Test
    void servesLongStatementListsPageByPage() throws Exception {
        String id = TestServer.idOf(server.getText("/many"));
        String panel = server.getText("__toolbar/requests/" + id + "/panels/sql").body();
        assertEquals(50, count(panel, "data-tb-sql-index="));
        assertTrue(panel.contains("data-tb-sql-total=\"250\""));
        assertTrue(panel.contains("Show more (200 left)"), panel);

        String second = server.getText("__toolbar/requests/" + id + "/sql/rows?from=50&sort=order").body();
        assertTrue(second.startsWith("<tbody"), second);
        assertEquals(50, count(second, "data-tb-sql-index="));
        assertTrue(second.contains("data-tb-sql-index=\"50\""));
        String last = server.getText("__toolbar/requests/" + id + "/sql/rows?from=220&sort=time").body();
        assertEquals(30, count(last, "data-tb-sql-index="));
        assertEquals(400, server.getText("__toolbar/requests/" + id + "/sql/rows?from=x").statusCode());
    }

    private static HttpResponse<String> post(String path) {
        return server.sendText(request(path));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri(path.substring(1))).POST(HttpRequest.BodyPublishers.noBody());
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static int count(String table) throws SQLException {
        try (Connection connection = raw.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String title(int id) throws SQLException {
        try (Connection connection = raw.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT title FROM book WHERE id = " + id)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
