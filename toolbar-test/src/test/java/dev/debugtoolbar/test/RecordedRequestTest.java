package dev.debugtoolbar.test;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.RequestView;
import dev.debugtoolbar.core.ResponseView;
import dev.debugtoolbar.core.panel.PanelResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget checks against records of a toolbar in this process, made by real statements on H2. */
class RecordedRequestTest {

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
    private final DataSource dataSource = database();
    private final RecordedRequests requests = RecordedRequests.in(toolbar);

    @Test
    void countsStatementsAndListsThemWhenOverBudget() throws Exception {
        String id = request("/authors", Set.of(), this::nPlusOne);

        RecordedRequest record = requests.withId(id);
        assertSame(record, record.assertAtMostStatements(7));
        assertEquals(7, record.statements().size());

        String message = failure(() -> record.assertAtMostStatements(3));
        assertTrue(message.startsWith("GET /authors (request " + id + ") ran 7 SQL statements; the budget is at"
                + " most 3."), message);
        assertTrue(message.contains("Repeated:\n  6 × SELECT name FROM author WHERE id = ?"), message);
        assertTrue(message.contains("\nStatements:\n  #0 "), message);
        assertTrue(message.contains("SELECT id FROM author ORDER BY id"), message);
        assertTrue(message.contains("#6 ") && message.contains("SELECT name FROM author WHERE id = ?  [6]"), message);
    }

    @Test
    void flagsTheSameSqlRunOncePerRowAsNPlusOne() throws Exception {
        RecordedRequest record = requests.withId(request("/authors", Set.of(), this::nPlusOne));

        String message = failure(record::assertNoNPlusOne);
        assertTrue(message.contains("has the N+1 pattern"), message);
        assertTrue(message.contains("\n  6 × SELECT name FROM author WHERE id = ?"
                + "\n      statements #1, #2, #3, #4, #5, #6"
                + "\n      parameters [1], [2], [3], [4], [5], [6]"), message);
        assertTrue(message.contains("WHERE ... IN (...)"), message);
        assertSame(record, record.assertNoNPlusOne(7), "6 repeats stay under a limit of 7");
        assertSame(record, record.assertNoDuplicates(), "other parameters each time: no duplicates");
    }

    @Test
    void flagsTheSameStatementWithTheSameParametersAsDuplicate() throws Exception {
        RecordedRequest record = requests.withId(request("/author", Set.of(), connection -> {
            query(connection, "SELECT name FROM author WHERE id = ?", 2);
            query(connection, "SELECT id FROM author ORDER BY id");
            query(connection, "SELECT name FROM author WHERE id = ?", 2);
            query(connection, "SELECT name FROM author WHERE id = ?", 3);
        }));

        String message = failure(record::assertNoDuplicates);
        assertTrue(message.startsWith("GET /author (request " + record.id() + ") ran 1 statement more than once"
                + " with the same parameters:"), message);
        assertTrue(message.contains("\n  2 × SELECT name FROM author WHERE id = ?\n      statements #0, #2"
                + "\n      parameters [2], [2]"), message);
        record.assertNoNPlusOne().assertAtMostStatements(4);
    }

    @Test
    void saysWhyItCannotCountWhenTheSqlPanelWasOff() throws Exception {
        RecordedRequest record = requests.withId(request("/off", Set.of("sql"), this::nPlusOne));

        String message = failure(() -> record.assertAtMostStatements(1));
        assertTrue(message.contains("Cannot count its SQL statements: the 'sql' panel of GET /off"), message);
        assertTrue(message.contains("was switched off for this request"), message);
    }

    @Test
    void countsCacheMissesFromTheCachePanelAndSaysSoWhenThereIsNone() throws Exception {
        RecordedRequest withoutCache = requests.withId(request("/plain", Set.of("cache"), connection -> { }));
        String missing = failure(() -> withoutCache.assertAtMostCacheMisses(0));
        assertTrue(missing.contains("Cannot count its cache misses: the 'cache' panel of GET /plain"), missing);
        assertTrue(missing.contains("was switched off for this request"), missing);

        RecordedRequest cached = requests.withId(saveRecordWithCachePanel());
        assertSame(cached, cached.assertAtMostCacheMisses(2));
        String message = failure(() -> cached.assertAtMostCacheMisses(1));
        assertTrue(message.startsWith("GET /cached (request cached-1) missed the cache 2 times; the budget is at"
                + " most 1.\nMisses:\n  get books key 42\n  getAll authors key [7, 8]"), message);
    }

    @Test
    void findsTheLastRequestAndOnlyThoseAfterAStart() throws Exception {
        assertTrue(failure(requests::last).contains("No request was recorded yet in the toolbar's store"));
        String first = request("/first", Set.of(), connection -> { });
        assertEquals(first, requests.last().id());

        requests.startHere();
        assertTrue(failure(requests::last).contains("No request was recorded since this test began"));
        String second = request("/second", Set.of(), connection -> { });
        assertEquals(second, requests.last().id());
        assertTrue(failure(() -> requests.withId("gone")).contains("No recorded request has the id 'gone'"));
    }

    /** The N+1 pattern: the list, then one query per row. */
    private void nPlusOne(Connection connection) throws SQLException {
        query(connection, "SELECT id FROM author ORDER BY id");
        for (int id = 1; id <= 6; id++) {
            query(connection, "SELECT name FROM author WHERE id = ?", id);
        }
    }

    /** Records one request that runs {@code work}; returns its id. */
    private String request(String path, Set<String> disabledPanels, Work work) throws SQLException {
        RequestContext context = toolbar.start(new Request(path), disabledPanels);
        try (DebugToolbar.Binding ignored = toolbar.bind(context); Connection connection = dataSource.getConnection()) {
            work.run(connection);
        }
        return toolbar.finish(context, new Response()).id();
    }

    /** A record with a cache panel whose stats follow the toolbar's JSON contract (hits, misses, calls). */
    private String saveRecordWithCachePanel() {
        record Call(String op, String cache, String key, boolean hit, double durationMillis) { }
        record CacheStats(int hits, int misses, List<Call> calls) { }
        CacheStats stats = new CacheStats(1, 2, List.of(new Call("get", "books", "42", false, 0.1),
                new Call("get", "books", "7", true, 0.1), new Call("getAll", "authors", "[7, 8]", false, 0.2)));
        Map<String, PanelResult> panels = new LinkedHashMap<>();
        panels.put("cache", new PanelResult("cache", "Cache", "3 calls", "", stats, null, List.of()));
        toolbar.store().save(new RequestRecord("cached-1", Instant.now(), "GET", "/cached", null, 200, 1.0,
                "text/html", panels));
        return "cached-1";
    }

    private static String failure(Executable check) {
        return assertThrows(AssertionError.class, check).getMessage();
    }

    private DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:budgets-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE author (id INT PRIMARY KEY, name VARCHAR(50))");
            for (int id = 1; id <= 6; id++) {
                statement.execute("INSERT INTO author VALUES (" + id + ", 'author " + id + "')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return toolbar.wrap(h2);
    }

    private static void query(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
        }
    }

    /** What a request does with the database. */
    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** A GET of {@code path} with nothing else. */
    record Request(String path) implements RequestView {
        public String method() { return "GET"; }
        public String url() { return "http://localhost" + path; }
        public String query() { return null; }
        public String remoteAddress() { return "127.0.0.1"; }
        public Map<String, List<String>> queryParameters() { return Map.of(); }
        public Map<String, List<String>> formParameters() { return Map.of(); }
        public Map<String, List<String>> headers() { return Map.of(); }
        public Map<String, String> cookies() { return Map.of(); }
        public Map<String, Object> sessionAttributes() { return Map.of(); }
    }

    /** A 200 HTML response. */
    record Response() implements ResponseView {
        public int status() { return 200; }
        public String contentType() { return "text/html"; }
        public Map<String, List<String>> headers() { return Map.of(); }
    }
}
