package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void refusesASelectThatCallsAFunctionOutsideThePureListAndLeavesNothingBehind() throws Exception {
        QueryEvent query = request("SELECT BUMP() AS b").queries().get(0);
        assertEquals(1, count("audit"), "the application's own run wrote once");
        assertFalse(query.explainable());
        assertTrue(query.replayRefusal().contains("BUMP(...), which is not on the toolbar's list"),
                query.replayRefusal());

        assertThrows(SqlRefusedException.class, () -> toolbar.sqlReplayer().select(query));
        assertThrows(SqlRefusedException.class, () -> toolbar.sqlReplayer().explain(query, true));
        assertEquals(1, count("audit"), "the re-run never happened");
    }

    /**
     * Issue 13's class 3 on H2 (which ignores {@code setReadOnly}): texts an application might have run, each
     * refused for Select, EXPLAIN and EXPLAIN ANALYZE, and nothing written, read, advanced or dropped.
     */
    @Test
    void refusesEveryReplayWithSideEffectsOnH2AndNothingHappens(@TempDir Path directory) throws Exception {
        String dataSource = request("SELECT 1").queries().get(0).dataSource();
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SEQUENCE seq START WITH 1");
        }
        Path written = directory.resolve("written.txt");
        Path csv = directory.resolve("written.csv");
        String file = written.toString().replace("'", "''");
        List<String> attacks = List.of(
                "SELECT \"FILE_WRITE\"(STRINGTOUTF8('x'), '" + file + "')",
                "SELECT FILE_WRITE(STRINGTOUTF8('x'), '" + file + "')",
                "SELECT file_write(STRINGTOUTF8('x'), '" + file + "') FROM book",
                "SELECT * FROM book WHERE id = \"FILE_WRITE\"(STRINGTOUTF8('x'), '" + file + "')",
                "SELECT \"CSVWRITE\"('" + csv.toString().replace("'", "''") + "', 'SELECT 1')",
                "SELECT \"NEXTVAL\"('SEQ')",
                "SELECT NEXTVAL('SEQ')",
                "SELECT NEXT\u00A0VALUE FOR seq",
                "SELECT NEXT VALUE\u2003FOR seq",
                "SELECT seq.NEXTVAL",
                "SELECT 1 -- x\r; DROP TABLE book",
                "SELECT 1 -- x\u2028; DROP TABLE book",
                "SELECT SET(@x, 1)",
                "SELECT \"SET\"(@x, 1)",
                "SELECT \"BUMP\"()",
                "SELECT PUBLIC.BUMP()",
                "SELECT * FROM \"CSVREAD\"('" + file + "')",
                "SELECT FILE_READ('" + file + "')",
                "SELECT * FROM FINAL TABLE (INSERT INTO audit VALUES ('final'))",
                "SELECT * FROM book FOR UPDATE",
                "SELECT 1; DELETE FROM book");
        for (String attack : attacks) {
            QueryEvent query = recorded(attack, dataSource);
            assertThrows(SqlRefusedException.class, () -> toolbar.sqlReplayer().select(query), attack);
            assertThrows(SqlRefusedException.class, () -> toolbar.sqlReplayer().explain(query, false), attack);
            assertThrows(SqlRefusedException.class, () -> toolbar.sqlReplayer().explain(query, true), attack);
        }
        assertFalse(Files.exists(written), "no file was written");
        assertFalse(Files.exists(csv), "no CSV file was written");
        assertEquals(3, count("book"), "the table is intact");
        assertEquals(0, count("audit"), "no function wrote");
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement();
             ResultSet next = statement.executeQuery("SELECT NEXT VALUE FOR seq")) {
            next.next();
            assertEquals(1, next.getLong(1), "the sequence never advanced");
        }
    }

    /** Set when an instance is deserialized: a stand-in for a deserialization gadget. */
    static final class Tripwire implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean deserialized;

        private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialized = true;
        }
    }

    @Test
    void neverDeserializesAJavaObjectItReRuns() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new Tripwire());
        }
        String hex = java.util.HexFormat.of().formatHex(bytes.toByteArray());
        QueryEvent query = request("SELECT CAST(X'" + hex + "' AS JAVA_OBJECT) AS o").queries().get(0);
        Tripwire.deserialized = false;

        SqlRunResult result = toolbar.sqlReplayer().select(query);
        assertFalse(Tripwire.deserialized, "the re-run's value was not deserialized in the application's JVM");
        assertEquals("[" + bytes.size() + " bytes]", result.rows().get(0).get(0));
    }

    @Test
    void reRunsAndExplainsASpringDataSearchWithLikeEscapeBackslash() throws Exception {
        QueryEvent query = request("select b1_0.id,b1_0.title from book b1_0 where upper(b1_0.title) like upper(?)"
                + " escape '\\' order by b1_0.id", "%LYS%").queries().get(0);
        assertTrue(query.explainable(), query.replayRefusal());
        assertEquals(List.of(List.of("3", "Ulysses")), toolbar.sqlReplayer().select(query).rows());
        assertTrue(toolbar.sqlReplayer().explain(query, false).planText().contains("ESCAPE '\\'"));
    }

    @Test
    void showsALongPlanWhole() throws Exception {
        StringBuilder create = new StringBuilder("CREATE TABLE wide (id INT PRIMARY KEY");
        StringBuilder select = new StringBuilder("SELECT w1_0.id");
        for (int i = 0; i < 80; i++) {
            String column = "a_long_descriptive_column_name_" + i;
            create.append(", ").append(column).append(" VARCHAR(20)");
            select.append(", w1_0.").append(column).append(" AS ").append(column).append("_alias");
        }
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(create.append(')').toString());
        }
        QueryEvent query = request(select.append(" FROM wide w1_0 WHERE w1_0.id = ?").toString(), 1)
                .queries().get(0);

        SqlRunResult plan = toolbar.sqlReplayer().explain(query, false);
        String text = plan.planText();
        assertTrue(text.length() > 5_000, "a long plan: " + text.length());
        assertTrue(text.contains("a_long_descriptive_column_name_79_alias".toUpperCase()), text);
        assertTrue(text.contains("\n"), "H2's own line breaks are kept");
        assertFalse(text.contains("more characters"), "nothing was cut");
        assertFalse(plan.truncated());
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

    /** A record of {@code sql} as the application ran it on the data source {@code dataSource}. */
    private static QueryEvent recorded(String sql, String dataSource) {
        return new QueryEvent(0, sql, List.of(), List.of(), 0, 0, null, "c1", null, dataSource, null, null,
                List.of(), false, null, null, false, true, List.of(), null);
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
