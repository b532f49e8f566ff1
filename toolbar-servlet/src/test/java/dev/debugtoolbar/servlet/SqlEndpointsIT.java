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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

    /** A file the attacks below try to write. */
    private static final Path WRITTEN = Path.of(System.getProperty("java.io.tmpdir"),
            "debugtoolbar-sql-endpoints-" + ProcessHandle.current().pid() + ".txt");
    private static final String FILE = WRITTEN.toString().replace("'", "''");

    /** Issue 13's class 3 on H2: texts with side effects that look like one SELECT to a simple reading. */
    private static final List<String> ATTACKS = List.of(
            "SELECT \"FILE_WRITE\"(STRINGTOUTF8('x'), '" + FILE + "')",
            "SELECT FILE_WRITE(STRINGTOUTF8('x'), '" + FILE + "') AS w",
            "SELECT \"CSVWRITE\"('" + FILE + "', 'SELECT 1')",
            "SELECT \"NEXTVAL\"('SEQ')",
            "SELECT NEXT\u00A0VALUE FOR seq",
            "SELECT 1 -- x\r; DROP TABLE victim",
            "SELECT SET(@x, 1)",
            "SELECT \"BUMP\"()");

    /** A statement whose H2 plan is long: 80 columns with Hibernate-style aliases. */
    private static final String WIDE_SELECT;

    static {
        StringBuilder select = new StringBuilder("select w1_0.id");
        for (int i = 0; i < 80; i++) {
            select.append(", w1_0.a_long_descriptive_column_name_").append(i).append(" as alias_of_column_").append(i);
        }
        WIDE_SELECT = select.append(" from wide w1_0 where w1_0.id = ?").toString();
    }

    @BeforeAll
    static void start() throws Exception {
        raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:sql-endpoints;DB_CLOSE_DELAY=-1");
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            StringBuilder wide = new StringBuilder("CREATE TABLE wide (id INT PRIMARY KEY");
            for (int i = 0; i < 80; i++) {
                wide.append(", a_long_descriptive_column_name_").append(i).append(" VARCHAR(20)");
            }
            statement.execute(wide.append(')').toString());
            statement.execute("CREATE SEQUENCE seq START WITH 1");
            statement.execute("CREATE TABLE victim (id INT)");
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
                .handle("/search", (request, response) -> {
                    try (Connection connection = dataSource.getConnection()) {
                        query(connection, "select b1_0.id,b1_0.title from book b1_0 where upper(b1_0.title) like"
                                + " upper(?) escape '\\' order by b1_0.id offset ? rows fetch first ? rows only",
                                "%K 29%", 0, 5);
                    }
                    html(response, "search");
                })
                .handle("/wide", (request, response) -> {
                    try (Connection connection = dataSource.getConnection()) {
                        query(connection, WIDE_SELECT, 1);
                    }
                    html(response, "wide");
                })
                .handle("/attacks", (request, response) -> {
                    try (Connection connection = dataSource.getConnection()) {
                        for (String attack : ATTACKS) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute(attack);
                            } catch (SQLException refusedByTheDatabase) {
                                // recorded all the same, with its error
                            }
                        }
                    }
                    html(response, "attacks");
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
        Files.deleteIfExists(WRITTEN);
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
    void refusesASelectCallingAFunctionOutsideThePureListSaysWhyAndLeavesNothingBehind() throws Exception {
        String id = TestServer.idOf(server.getText("/page"));
        int audits = count("audit");
        HttpResponse<String> rerun = post("/__toolbar/requests/" + id + "/sql/2/select");
        assertEquals(400, rerun.statusCode(), rerun.body());
        assertTrue(rerun.body().contains("BUMP(...), which is not on the toolbar's list"), rerun.body());
        assertEquals(audits, count("audit"), "nothing ran");

        JsonNode bump = JSON.readTree(server.getText("__toolbar/api/requests/" + id).body())
                .get("panels").get("sql").get("queries").get(2);
        assertFalse(bump.get("explainable").asBoolean());
        assertTrue(bump.get("replayRefusal").asText().contains("BUMP(...)"), bump.toString());
        String panel = server.getText("__toolbar/requests/" + id + "/panels/sql").body();
        assertTrue(panel.contains("<span class=\"tb-sql-refusal\">Only a single SELECT that writes nothing is run"
                + " again, and this statement is refused: it calls BUMP(...)"), panel);
    }

    @Test
    void explainsAndReRunsASpringDataSearchWithLikeEscapeBackslash() throws Exception {
        String id = TestServer.idOf(server.getText("/search"));
        JsonNode search = JSON.readTree(server.getText("__toolbar/api/requests/" + id).body())
                .get("panels").get("sql").get("queries").get(0);
        assertTrue(search.get("explainable").asBoolean(), search.toString());
        assertTrue(search.get("replayRefusal").isNull(), search.toString());

        HttpResponse<String> plan = post("/__toolbar/requests/" + id + "/sql/0/explain");
        assertEquals(200, plan.statusCode(), plan.body());
        assertTrue(plan.body().contains("ESCAPE &#39;\\&#39;"), plan.body());
        HttpResponse<String> rows = server.sendText(request("/__toolbar/requests/" + id + "/sql/0/select")
                .header("Accept", "application/json"));
        assertEquals(200, rows.statusCode(), rows.body());
        assertEquals("Book 29", JSON.readTree(rows.body()).get("rows").get(0).get(1).asText());
        String panel = server.getText("__toolbar/requests/" + id + "/panels/sql").body();
        assertTrue(panel.contains("data-tb-run=\"select\"") && !panel.contains("tb-sql-refusal"), panel);
    }

    @Test
    void showsALongPlanWholeWithItsLineBreaks() throws Exception {
        String id = TestServer.idOf(server.getText("/wide"));
        HttpResponse<String> json = server.sendText(request("/__toolbar/requests/" + id + "/sql/0/explain")
                .header("Accept", "application/json"));
        assertEquals(200, json.statusCode(), json.body());
        JsonNode result = JSON.readTree(json.body());
        String plan = result.get("rows").get(0).get(0).asText();
        assertTrue(plan.length() > 5_000, "a long plan: " + plan.length());
        assertTrue(plan.contains("ALIAS_OF_COLUMN_79"), plan);
        assertFalse(plan.contains("more characters"), plan);
        assertFalse(result.get("truncated").asBoolean());

        String html = post("/__toolbar/requests/" + id + "/sql/0/explain").body();
        Matcher pre = Pattern.compile("<pre class=\"tb-sql-plan\">(.*?)</pre>", Pattern.DOTALL).matcher(html);
        assertTrue(pre.find(), html);
        assertTrue(pre.group(1).contains("ALIAS_OF_COLUMN_79") && pre.group(1).contains("\n    "),
                "whole, with H2's line breaks and indentation: " + pre.group(1));
    }

    @Test
    void refusesEveryReplayWithSideEffectsAndNothingHappens() throws Exception {
        String id = TestServer.idOf(server.getText("/attacks"));
        // undo what the application's own runs did, so that only a replay could do it again
        Files.deleteIfExists(WRITTEN);
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS victim (id INT)");
        }
        long sequence = sequence();
        int audits = count("audit");
        JsonNode queries = JSON.readTree(server.getText("__toolbar/api/requests/" + id).body())
                .get("panels").get("sql").get("queries");
        assertEquals(ATTACKS.size(), queries.size());
        for (int i = 0; i < ATTACKS.size(); i++) {
            assertFalse(queries.get(i).get("explainable").asBoolean(), ATTACKS.get(i));
            for (String action : new String[] {"select", "explain", "explain?analyze=true"}) {
                HttpResponse<String> refused = post("/__toolbar/requests/" + id + "/sql/" + i + "/" + action);
                assertEquals(400, refused.statusCode(), ATTACKS.get(i) + ": " + refused.body());
            }
        }
        assertFalse(Files.exists(WRITTEN), "no file was written");
        assertEquals(sequence, sequence(), "the sequence never advanced");
        assertEquals(0, count("victim"), "the table is still there");
        assertEquals(audits, count("audit"), "no function wrote");
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

    private static long sequence() throws SQLException {
        try (Connection connection = raw.getConnection(); ResultSet value = connection.createStatement()
                .executeQuery("SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'SEQ'")) {
            value.next();
            return value.getLong(1);
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
