package dev.debugtoolbar.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.sample.db.BookshopDatabase;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shop and its SQL panel on a real PostgreSQL: statements and parameters recorded, EXPLAIN and
 * re-run, and writes stored in a record refused with nothing changed. {@code .ci/run} starts a throwaway
 * cluster and sets {@value #URL}, {@value #USER} and {@value #PASSWORD}; without them the test is skipped,
 * except under CI ({@code CI=true}), where it fails.
 */
class PostgresIT {

    static final String URL = "DEBUGTOOLBAR_PG_URL";
    static final String USER = "DEBUGTOOLBAR_PG_USER";
    static final String PASSWORD = "DEBUGTOOLBAR_PG_PASSWORD";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WRITES = List.of(
            "UPDATE books SET price = price + 1 WHERE id = 1",
            "INSERT INTO authors (name, country) VALUES ('Nobody', 'Nowhere')",
            "CREATE TABLE scratch (id INT)");

    private static PGSimpleDataSource postgres;
    private static Server server;
    private static URI base;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        String url = System.getenv(URL);
        if (url == null || url.isBlank()) {
            String howTo = "PostgresIT needs a PostgreSQL: run .ci/run (it starts a throwaway cluster), or set "
                    + URL + " (a JDBC URL), " + USER + " and " + PASSWORD;
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but PostgreSQL is missing. " + howTo);
            }
            Assumptions.abort(howTo);
        }
        postgres = new PGSimpleDataSource();
        postgres.setURL(url);
        postgres.setUser(System.getenv(USER));
        postgres.setPassword(System.getenv(PASSWORD));
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS reviews, books, authors, scratch CASCADE");
            BookshopDatabase.install(connection);
        }

        DebugToolbar toolbar = SampleApp.newToolbar();
        ServletContextHandler shop = SampleApp.bookshop(toolbar, postgres, SampleApp.newCaches());
        DataSource recorded = toolbar.wrap(postgres, "writes");
        shop.addServlet(new ServletHolder(new WritesServlet(recorded)), "/it/writes");
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(shop);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void recordsTheShopsStatementsAndParametersOnPostgres() throws Exception {
        String id = idOf(get("/books"));
        JsonNode sql = record(id);
        assertEquals("PostgreSQL", sql.get("databases").get("ds1").asText());
        assertEquals(31, sql.get("queryCount").asInt());
        JsonNode first = sql.get("queries").get(0);
        assertTrue(first.get("sql").asText().endsWith("ORDER BY b.id FETCH FIRST ? ROWS ONLY"));
        assertEquals("30", first.get("params").get(0).asText());
        assertEquals(30, first.get("rows").asInt());
        assertEquals(30, sql.get("nPlusOne").get(0).get("count").asInt());
        assertTrue(sql.get("queries").get(1).get("explainable").asBoolean());
    }

    @Test
    void explainsAndReRunsARecordedSelect() throws Exception {
        String id = idOf(get("/books"));
        HttpResponse<String> plan = post("/__toolbar/requests/" + id + "/sql/1/explain");
        assertEquals(200, plan.statusCode(), plan.body());
        assertTrue(plan.body().contains("Scan"), plan.body());
        HttpResponse<String> analyzed = post("/__toolbar/requests/" + id + "/sql/1/explain?analyze=true");
        assertEquals(200, analyzed.statusCode(), analyzed.body());
        assertTrue(analyzed.body().contains("actual time"), analyzed.body());

        HttpResponse<String> rows = http.send(request("/__toolbar/requests/" + id + "/sql/0/select")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, rows.statusCode(), rows.body());
        JsonNode result = JSON.readTree(rows.body());
        assertEquals(30, result.get("rows").size());
        assertEquals("id", result.get("columns").get(0).asText());
    }

    @Test
    void refusesUpdatesInsertsAndDdlStoredInARecordAndChangesNothing() throws Exception {
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS scratch");
        }
        HttpResponse<String> page = get("/it/writes");
        assertEquals(200, page.statusCode(), page.body());
        String id = idOf(page);
        JsonNode queries = record(id).get("queries");
        assertEquals(WRITES.size(), queries.size());
        long authors = count("authors");
        String price = scalar("SELECT price FROM books WHERE id = 1");
        for (int index = 0; index < WRITES.size(); index++) {
            assertFalse(queries.get(index).get("explainable").asBoolean());
            for (String action : List.of("select", "explain", "explain?analyze=true")) {
                HttpResponse<String> refused = post("/__toolbar/requests/" + id + "/sql/" + index + "/" + action);
                assertEquals(400, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("Nothing was run"), refused.body());
            }
        }
        assertEquals(authors, count("authors"));
        assertEquals(price, scalar("SELECT price FROM books WHERE id = 1"));
        assertEquals("1", scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'scratch'"),
                "only the application's own run created it");
    }

    @Test
    void aSelectCallingAWritingFunctionLeavesNothingBehind() throws Exception {
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS audit (what TEXT)");
            statement.execute("CREATE OR REPLACE FUNCTION bump() RETURNS INT LANGUAGE plpgsql AS "
                    + "'BEGIN INSERT INTO audit VALUES (''bumped''); RETURN 1; END'");
        }
        HttpResponse<String> page = get("/it/writes?select=bump");
        String id = idOf(page);
        long audits = count("audit");
        HttpResponse<String> rerun = post("/__toolbar/requests/" + id + "/sql/0/select");
        assertEquals(422, rerun.statusCode(), "PostgreSQL refuses the write in a read-only transaction: " + rerun.body());
        assertTrue(rerun.body().contains("read-only"), rerun.body());
        assertEquals(audits, count("audit"));
    }

    private static long count(String table) throws SQLException {
        return Long.parseLong(scalar("SELECT COUNT(*) FROM " + table));
    }

    private static String scalar(String sql) throws SQLException {
        try (Connection connection = postgres.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static JsonNode record(String id) throws Exception {
        HttpResponse<String> record = get("/__toolbar/api/requests/" + id);
        assertEquals(200, record.statusCode(), record.body());
        return JSON.readTree(record.body()).get("panels").get("sql");
    }

    private static String idOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    /** Runs writes (or, with {@code ?select=bump}, a SELECT of a writing function) through the toolbar. */
    private static final class WritesServlet extends HttpServlet {
        private final transient DataSource dataSource;

        WritesServlet(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                if ("bump".equals(request.getParameter("select"))) {
                    statement.executeQuery("SELECT bump()").close();
                } else {
                    for (String sql : WRITES) {
                        statement.execute(sql);
                    }
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<html><body>written</body></html>");
        }
    }
}
