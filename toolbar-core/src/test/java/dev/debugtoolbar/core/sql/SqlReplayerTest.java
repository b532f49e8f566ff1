package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-running recorded statements on H2: only SELECTs, never recorded, always rolled back, time and rows capped. */
public class SqlReplayerTest {

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
    private JdbcDataSource raw;
    private DataSource recorded;
    /** The limits set on each statement prepared on the database, as {@code setQueryTimeout(10)}. */
    private final List<String> limits = new ArrayList<>();

    /** An H2 function with a side effect: it writes a row into {@code audit} in the caller's transaction. */
    public static int bump(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO audit VALUES ('bumped')");
        }
        return 1;
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:replay-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        recorded = toolbar.wrap(observed(raw, DataSource.class));
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(50))");
            statement.execute("INSERT INTO book VALUES (1, 'Dune'), (2, 'Emma'), (3, 'Ulysses')");
            statement.execute("CREATE TABLE audit (what VARCHAR(20))");
            statement.execute("CREATE ALIAS BUMP FOR \"" + SqlReplayerTest.class.getName() + ".bump\"");
        }
    }

    @Test
    void reRunsASelectWithItsParametersWithoutRecordingIt() throws Exception {
        SqlStats stats = request("SELECT id, title FROM book WHERE id >= ? ORDER BY id", 2);
        QueryEvent query = stats.queries().get(0);
        assertTrue(query.explainable());

        RequestContext other = toolbar.start(new FakeRequest("/other"));
        SqlRunResult result;
        try (DebugToolbar.Binding ignored = toolbar.bind(other)) {
            result = toolbar.sqlReplayer().select(query);
        }
        assertEquals("select", result.kind());
        assertEquals(List.of("ID", "TITLE"), result.columns());
        assertEquals(List.of(List.of("2", "Emma"), List.of("3", "Ulysses")), result.rows());
        assertFalse(result.truncated());
        assertEquals("H2", result.database());
        assertEquals(List.of(), other.sql().events(), "the toolbar's own statements are never recorded");
    }

    @Test
    void explainsASelectAndMeasuresItWhenAsked() throws Exception {
        QueryEvent query = request("SELECT title FROM book WHERE id = ?", 1).queries().get(0);
        SqlRunResult plan = toolbar.sqlReplayer().explain(query, false);
        assertEquals("explain", plan.kind());
        assertTrue(plan.sql().startsWith("EXPLAIN SELECT"));
        assertTrue(plan.rows().get(0).get(0).contains("BOOK"), plan.rows().toString());
        SqlRunResult measured = toolbar.sqlReplayer().explain(query, true);
        assertTrue(measured.analyze());
        assertTrue(measured.sql().startsWith("EXPLAIN ANALYZE SELECT"));
    }

    @Test
    void leavesNothingBehindWhenASelectCallsAFunctionThatWrites() throws Exception {
        QueryEvent query = request("SELECT BUMP() AS b").queries().get(0);
        assertEquals(1, count("audit"), "the application's own run wrote once");

        try {
            toolbar.sqlReplayer().select(query);
        } catch (SQLException refusedByTheDatabase) {
            // a database that enforces read-only refuses the write: that leaves nothing behind either
        }
        assertEquals(1, count("audit"), "the re-run was rolled back");
    }

    @Test
    void runsWithTheStatementTimeoutAndCapsTheRows() throws Exception {
        QueryEvent query = request("SELECT x FROM SYSTEM_RANGE(1, 500)").queries().get(0);
        assertEquals(List.of(), limits, "the application's own run sets no limits");

        SqlRunResult result = toolbar.sqlReplayer().select(query);
        assertEquals(List.of("setQueryTimeout(" + SqlReplayer.TIMEOUT_SECONDS + ")",
                "setMaxRows(" + (SqlReplayer.MAX_ROWS + 1) + ")"), limits);
        assertEquals(SqlReplayer.MAX_ROWS, result.rows().size());
        assertTrue(result.truncated());

        limits.clear();
        toolbar.sqlReplayer().explain(query, true);
        assertTrue(limits.contains("setQueryTimeout(" + SqlReplayer.TIMEOUT_SECONDS + ")"), limits.toString());
    }

    @Test
    void refusesWritesStoredInARecordAndChangesNothing() throws Exception {
        QueryEvent update = request("UPDATE book SET title = ? WHERE id = 1", "Changed").queries().get(0);
        assertFalse(update.explainable());
        SqlRefusedException refused = assertThrows(SqlRefusedException.class,
                () -> toolbar.sqlReplayer().select(update));
        assertTrue(refused.getMessage().contains("starts with 'UPDATE'"), refused.getMessage());
        assertThrows(SqlRefusedException.class, () -> toolbar.sqlReplayer().explain(update, true));
        try (Connection connection = raw.getConnection();
             ResultSet title = connection.createStatement().executeQuery("SELECT title FROM book WHERE id = 1")) {
            title.next();
            assertEquals("Changed", title.getString(1), "only the application's own run changed it");
        }
    }

    @Test
    void refusesAStatementWhoseParametersWereNotKept() throws Exception {
        QueryEvent query = request("SELECT ? AS s", new java.io.ByteArrayInputStream(new byte[2])).queries().get(0);
        assertFalse(query.explainable());
        SqlRefusedException refused = assertThrows(SqlRefusedException.class,
                () -> toolbar.sqlReplayer().select(query));
        assertTrue(refused.getMessage().contains("Parameter 1 ([stream])"), refused.getMessage());
    }

    @Test
    void refusesADataSourceItDoesNotKnow() throws Exception {
        QueryEvent query = request("SELECT 1").queries().get(0);
        DebugToolbar other = DebugToolbar.builder().enabled(true).build();
        SqlRefusedException refused = assertThrows(SqlRefusedException.class,
                () -> other.sqlReplayer().select(query));
        assertTrue(refused.getMessage().contains("not known"), refused.getMessage());
    }

    private SqlStats request(String sql, Object... params) throws SQLException {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context);
             Connection connection = recorded.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        }
        return (SqlStats) toolbar.finish(context, new FakeResponse(200)).panel("sql").orElseThrow().stats();
    }

    private int count(String table) throws SQLException {
        try (Connection connection = raw.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** {@code target} as it is, except that the limits set on each statement prepared through it are noted. */
    private <T> T observed(T target, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("setQueryTimeout") || method.getName().equals("setMaxRows")) {
                limits.add(method.getName() + "(" + args[0] + ")");
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection) {
                return observed(connection, Connection.class);
            }
            return result instanceof PreparedStatement statement ? observed(statement, PreparedStatement.class) : result;
        }));
    }
}
