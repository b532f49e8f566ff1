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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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

    /** What {@code /it/statements?run=name} runs, by name. */
    private static final java.util.Map<String, List<String>> STATEMENTS = java.util.Map.of(
            "calls", List.of("SELECT i13sql.bump()", "SELECT b FROM i13sql.bumped"),
            "search", List.of("select b1_0.id,b1_0.title from i13sql.book b1_0 where upper(b1_0.title) like"
                    + " upper(?) escape '\\' order by b1_0.id"),
            "backslash", List.of("SELECT 'a\\b' AS text"),
            "attacks", List.of(
                "SELECT \"pg_terminate_backend\"(pid) FROM pg_stat_activity WHERE application_name = 'i13sql-victim'",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'i13sql-victim'",
                "SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'i13sql-victim'",
                "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'i13sql-victim'",
                "SELECT pg_advisory_lock(41300)",
                "SELECT \"pg_advisory_lock\"(41301)",
                "SELECT 1 FROM i13sql.book WHERE pg_try_advisory_lock(41302)",
                "SELECT \"nextval\"('i13sql.seq')",
                "SELECT nextval/**/('i13sql.seq')",
                "SELECT\u00A0nextval('i13sql.seq')",
                "SELECT 1 -- x\r; DROP TABLE i13sql.victim",
                "SELECT set_config('search_path', 'i13sql', false)",
                "SELECT pg_sleep(0)",
                "SELECT pg_notify('i13sql', 'x')",
                "SELECT * FROM pg_ls_dir('.')",
                "SELECT \"pg_read_file\"('postgresql.conf')",
                "SELECT * FROM i13sql.book FOR UPDATE"));

    private static PGSimpleDataSource postgres;
    /** The one session of the {@code statements} data source, kept between uses as a pool keeps it. */
    private static Connection session;
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
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS i13sql CASCADE");
            statement.execute("CREATE SCHEMA i13sql");
            statement.execute("CREATE TABLE i13sql.book (id INT PRIMARY KEY, title TEXT)");
            statement.execute("INSERT INTO i13sql.book VALUES (1, 'Dune'), (2, '100% Emma'), (3, 'Ulysses')");
            statement.execute("CREATE TABLE i13sql.victim (id INT)");
            statement.execute("CREATE TABLE i13sql.audit (what TEXT)");
            statement.execute("CREATE SEQUENCE i13sql.seq");
            statement.execute("CREATE FUNCTION i13sql.bump() RETURNS INT LANGUAGE plpgsql AS "
                    + "'BEGIN INSERT INTO i13sql.audit VALUES (''bumped''); RETURN 1; END'");
            statement.execute("CREATE VIEW i13sql.bumped AS SELECT i13sql.bump() AS b");
        }
        PGSimpleDataSource escaping = new PGSimpleDataSource();
        escaping.setURL(postgres.getURL());
        escaping.setUser(postgres.getUser());
        escaping.setPassword(postgres.getPassword());
        escaping.setOptions("-c standard_conforming_strings=off");
        session = postgres.getConnection();
        shop.addServlet(new ServletHolder(new StatementsServlet(toolbar.wrap(poolOfOne(session), "statements"),
                toolbar.wrap(escaping, "escaping"))), "/it/statements");
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
        if (session != null) {
            session.close();
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
    void refusesASelectCallingAWritingFunctionAndAViewThatCallsOneIsStoppedByTheReadOnlyTransaction()
            throws Exception {
        String id = idOf(get("/it/statements?run=calls"));
        long audits = count("i13sql.audit");
        HttpResponse<String> call = post("/__toolbar/requests/" + id + "/sql/0/select");
        assertEquals(400, call.statusCode(), call.body());
        assertTrue(call.body().contains("i13sql.bump(...), a function outside"), call.body());

        // a view hides the call from any reading of the text: the READ ONLY transaction refuses the write
        HttpResponse<String> view = post("/__toolbar/requests/" + id + "/sql/1/select");
        assertEquals(422, view.statusCode(), "PostgreSQL refuses the write in a read-only transaction: " + view.body());
        assertTrue(view.body().contains("read-only"), view.body());
        assertEquals(audits, count("i13sql.audit"));
    }

    @Test
    void explainsAndReRunsASpringDataSearchWithLikeEscapeBackslash() throws Exception {
        String id = idOf(get("/it/statements?like=%25%5C%25%25&run=search"));
        JsonNode query = record(id).get("queries").get(0);
        assertTrue(query.get("explainable").asBoolean(), query.toString());
        HttpResponse<String> plan = post("/__toolbar/requests/" + id + "/sql/0/explain");
        assertEquals(200, plan.statusCode(), plan.body());
        assertTrue(plan.body().contains("Scan"), plan.body());
        HttpResponse<String> rows = http.send(request("/__toolbar/requests/" + id + "/sql/0/select")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, rows.statusCode(), rows.body());
        assertEquals("100% Emma", JSON.readTree(rows.body()).get("rows").get(0).get(1).asText(), rows.body());
    }

    @Test
    void refusesABackslashInQuotesWhileStandardConformingStringsIsOff() throws Exception {
        String id = idOf(get("/it/statements?escaping=true&run=backslash"));
        HttpResponse<String> refused = post("/__toolbar/requests/" + id + "/sql/0/select");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("standard_conforming_strings is off"), refused.body());
    }

    /**
     * Issue 13's class 3 on PostgreSQL: texts an application might have run, each refused for Select, EXPLAIN
     * and EXPLAIN ANALYZE, and no backend terminated, no advisory lock held, no sequence advanced, no table
     * dropped, as seen from other connections.
     */
    @Test
    void refusesEveryReplayWithSideEffectsAndNothingHappens() throws Exception {
        List<String> attacks = STATEMENTS.get("attacks");
        String id = idOf(get("/it/statements?run=attacks"));
        // undo what the application's own runs did, so that only a replay could do it again
        try (Statement statement = session.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock_all()");
            statement.execute("RESET search_path");
            statement.execute("CREATE TABLE IF NOT EXISTS i13sql.victim (id INT)");
        }
        String sequence = scalar("SELECT last_value FROM i13sql.seq");
        PGSimpleDataSource victimSource = new PGSimpleDataSource();
        victimSource.setURL(postgres.getURL());
        victimSource.setUser(postgres.getUser());
        victimSource.setPassword(postgres.getPassword());
        victimSource.setApplicationName("i13sql-victim");
        try (Connection victim = victimSource.getConnection()) {
            JsonNode queries = record(id).get("queries");
            assertEquals(attacks.size(), queries.size());
            for (int i = 0; i < attacks.size(); i++) {
                assertFalse(queries.get(i).get("explainable").asBoolean(), attacks.get(i));
                assertFalse(queries.get(i).get("replayRefusal").asText().isBlank(), attacks.get(i));
                for (String action : List.of("select", "explain", "explain?analyze=true")) {
                    HttpResponse<String> refused = post("/__toolbar/requests/" + id + "/sql/" + i + "/" + action);
                    assertEquals(400, refused.statusCode(), attacks.get(i) + ": " + refused.body());
                }
            }
            assertTrue(victim.isValid(5), "the other session was not terminated");
            try (ResultSet alive = victim.createStatement().executeQuery("SELECT 1")) {
                assertTrue(alive.next());
            }
        }
        assertEquals("0", scalar("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND objid IN (41300, 41301, 41302)"), "no advisory lock is held");
        assertEquals(sequence, scalar("SELECT last_value FROM i13sql.seq"), "the sequence never advanced");
        try (ResultSet path = session.createStatement().executeQuery("SHOW search_path")) {
            path.next();
            assertFalse(path.getString(1).equals("i13sql"), "the pooled session's settings are its own");
        }
        assertEquals("0", scalar("SELECT COUNT(*) FROM i13sql.victim"), "the table is still there");
    }

    /**
     * A data source that always hands out {@code connection}, whose {@code close} keeps it open: a pool of one,
     * so that what a replay leaves in its session (an advisory lock, a setting) would still be there afterwards.
     */
    private static DataSource poolOfOne(Connection connection) {
        Connection handle = (Connection) Proxy.newProxyInstance(PostgresIT.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close") ? null
                        : invoke(method, connection, args));
        return (DataSource) Proxy.newProxyInstance(PostgresIT.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> method.getName().equals("getConnection")
                        ? handle : invoke(method, postgres, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
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

    /**
     * Runs the statements of {@link #STATEMENTS} named by {@code run} through the toolbar, as an application
     * would; a statement that fails is recorded with its error. With {@code like}, that is bound to each
     * statement's one parameter; with {@code escaping=true}, on a data source whose sessions have
     * {@code standard_conforming_strings} off.
     */
    private static final class StatementsServlet extends HttpServlet {
        private final transient DataSource dataSource;
        private final transient DataSource escaping;

        StatementsServlet(DataSource dataSource, DataSource escaping) {
            this.dataSource = dataSource;
            this.escaping = escaping;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            DataSource source = "true".equals(request.getParameter("escaping")) ? escaping : dataSource;
            try (Connection connection = source.getConnection()) {
                for (String sql : STATEMENTS.get(request.getParameter("run"))) {
                    try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                        if (request.getParameter("like") != null) {
                            statement.setString(1, request.getParameter("like"));
                        }
                        statement.execute();
                    } catch (SQLException failed) {
                        // recorded with its error, like any failing statement of an application
                    }
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<html><body>ran</body></html>");
        }
    }

    /** Runs writes through the toolbar. */
    private static final class WritesServlet extends HttpServlet {
        private final transient DataSource dataSource;

        WritesServlet(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String sql : WRITES) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<html><body>written</body></html>");
        }
    }
}
