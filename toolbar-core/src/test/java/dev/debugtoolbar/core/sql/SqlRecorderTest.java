package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlRecorderTest {

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).maxStatements(5).build();
    private JdbcDataSource raw;
    private DataSource recorded;

    @BeforeEach
    void createDatabase() throws SQLException {
        raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:recorder-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        recorded = toolbar.wrap(raw);
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(50))");
        }
    }

    @Test
    void recordsStatementsOfTheBoundRequestOnly() throws SQLException {
        execute("INSERT INTO t VALUES (100, 'outside')");
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            execute("INSERT INTO t VALUES (1, 'inside')");
        }
        execute("INSERT INTO t VALUES (101, 'outside again')");

        List<QueryEvent> events = context.sql().events();
        assertEquals(1, events.size());
        assertEquals("INSERT INTO t VALUES (1, 'inside')", events.get(0).sql());
        assertTrue(events.get(0).connectionId() != null);
    }

    @Test
    void handsOutTheOriginalsConnectionsOutsideARecordedRequest() throws SQLException {
        try (Connection outside = recorded.getConnection()) {
            assertFalse(Proxy.isProxyClass(outside.getClass()), outside.getClass().getName());
        }
        RequestContext off = toolbar.start(new FakeRequest("/"), java.util.Set.of(SqlPanel.ID));
        try (DebugToolbar.Binding ignored = toolbar.bind(off); Connection connection = recorded.getConnection()) {
            assertFalse(Proxy.isProxyClass(connection.getClass()), connection.getClass().getName());
        }
        RequestContext on = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(on); Connection connection = recorded.getConnection()) {
            assertTrue(Proxy.isProxyClass(connection.getClass()), connection.getClass().getName());
        }
    }

    @Test
    void aConnectionTakenOutsideTheRequestIsNotRecordedInIt() throws SQLException {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (Connection early = recorded.getConnection()) {
            try (DebugToolbar.Binding ignored = toolbar.bind(context); Statement statement = early.createStatement()) {
                statement.execute("INSERT INTO t VALUES (1, 'early connection')");
            }
        }

        assertEquals(List.of(), context.sql().events());
    }

    @Test
    void recordsNothingWhileTheSqlPanelIsSwitchedOff() throws SQLException {
        RequestContext context = toolbar.start(new FakeRequest("/"), java.util.Set.of(SqlPanel.ID));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            execute("INSERT INTO t VALUES (1, 'not recorded')");
        }

        assertEquals(List.of(), context.sql().events());
        assertEquals(0, context.sql().dropped());
        assertTrue(toolbar.finish(context, new FakeResponse(200)).panel(SqlPanel.ID).orElseThrow().disabled());
    }

    @Test
    void recordsBoundParametersInOrderIncludingNullAndEveryBatchEntry() throws SQLException {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context);
             Connection connection = recorded.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO t (name, id) VALUES (?, ?)")) {
            insert.setInt(2, 7);
            insert.setNull(1, Types.VARCHAR);
            insert.executeUpdate();
            for (int id = 10; id < 13; id++) {
                insert.setString(1, "n" + id);
                insert.setInt(2, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }

        List<QueryEvent> events = context.sql().events();
        assertEquals(Arrays.asList(null, "7"), events.get(0).params());
        assertEquals(List.of(), events.get(0).batch());
        assertEquals(1, events.get(0).rows());
        QueryEvent batch = events.get(1);
        assertEquals(List.of("n10", "10"), batch.params());
        assertEquals(List.of(List.of("n10", "10"), List.of("n11", "11"), List.of("n12", "12")), batch.batch());
        assertEquals(3, batch.rows());
        assertEquals(List.of(0, 1), events.stream().map(QueryEvent::index).toList());
    }

    @Test
    void recordsAFailedStatementWithItsErrorAndStillThrows() {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            assertThrows(SQLException.class, () -> execute("SELECT * FROM missing_table"));
        }
        QueryEvent failed = context.sql().events().get(0);
        assertTrue(failed.error().contains("MISSING_TABLE"), failed.error());
        assertNull(failed.rows());
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfStatementsAndCountsTheRest() throws SQLException {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            for (int i = 0; i < 8; i++) {
                execute("SELECT " + i);
            }
        }
        assertEquals(5, context.sql().events().size());
        assertEquals(3, context.sql().dropped());
        SqlStats stats = sqlStats(context);
        assertEquals(8, stats.queryCount());
        assertEquals(3, stats.droppedCount());
        assertEquals("8 queries in", sqlPanel().subtitle(stats).substring(0, 12));
    }

    @Test
    void countsTheRowsTheApplicationReadsFromEachSelect() throws SQLException {
        execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context);
             Connection connection = recorded.getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT id FROM t ORDER BY id")) {
                rows.next();
                rows.next(); // reads two of three
            }
            assertTrue(statement.execute("SELECT id FROM t"));
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    rows.getInt(1);
                }
            }
        }
        List<QueryEvent> events = context.sql().events();
        assertEquals(2, events.get(0).rows());
        assertEquals(3, events.get(1).rows());
    }

    @Test
    void tagsStatementsWithTheirConnectionAndTransaction() throws SQLException {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            execute("SELECT 1");
            try (Connection connection = recorded.getConnection()) {
                connection.setAutoCommit(false);
                run(connection, "INSERT INTO t VALUES (1, 'kept')");
                run(connection, "INSERT INTO t VALUES (2, 'kept')");
                connection.commit();
                run(connection, "INSERT INTO t VALUES (3, 'undone')");
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        List<QueryEvent> events = context.sql().events();
        assertNull(events.get(0).transactionId(), "auto-commit");
        assertEquals("t1", events.get(1).transactionId());
        assertEquals("t1", events.get(2).transactionId());
        assertEquals("t2", events.get(3).transactionId());
        assertEquals("c1", events.get(0).connectionId());
        assertEquals("c2", events.get(1).connectionId());
        SqlStats stats = sqlStats(context);
        assertEquals(List.of(new SqlTransaction("t1", "c2", 2, "commit", stats.transactions().get(0).endMillis(), 2),
                new SqlTransaction("t2", "c2", 1, "rollback", stats.transactions().get(1).endMillis(), 3)),
                stats.transactions());
        assertEquals(2, stats.connectionCount());
    }

    @Test
    void keepsParametersAsBoundForReplayAndDescribesTheRest() throws SQLException {
        RequestContext context = toolbar.start(new FakeRequest("/"));
        java.sql.Timestamp at = java.sql.Timestamp.valueOf("2024-01-31 10:15:30.5");
        try (DebugToolbar.Binding ignored = toolbar.bind(context);
             Connection connection = recorded.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT ?, ?, ?, ?")) {
            select.setString(1, "O'Brien");
            select.setTimestamp(2, at);
            select.setBinaryStream(3, new java.io.ByteArrayInputStream(new byte[3]));
            select.setBigDecimal(4, new java.math.BigDecimal("12.50"));
            select.executeQuery().close();
        }
        at.setTime(0); // the application changes its object afterwards: the record keeps the bound value
        QueryEvent event = context.sql().events().get(0);
        assertEquals(Arrays.asList("O'Brien", "2024-01-31 10:15:30.5", "[stream]", "12.50"), event.params());
        assertEquals(java.sql.Timestamp.valueOf("2024-01-31 10:15:30.5"), event.values().get(1));
        assertEquals(new SqlValues.Unreplayable("[stream]"), event.values().get(2));
    }

    /**
     * Security class 8: a driver that fails the toolbar's own questions (an old one without
     * {@code getMetaData}, say) and whose result sets throw from {@code toString}, {@code hashCode} and
     * {@code equals}: the application's statements answer exactly as without the toolbar, and what could be
     * recorded is.
     */
    @Test
    void aHostileDriverAnswersTheApplicationAsWithoutTheToolbar() throws SQLException {
        DataSource hostile = toolbar.wrap(hostileDriver(raw), "hostile");
        execute("INSERT INTO t VALUES (1, 'one')");
        RequestContext context = toolbar.start(new FakeRequest("/"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context);
             Connection connection = hostile.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM t")) {
            assertTrue(rows.next());
            assertEquals("one", rows.getString(1));
            assertFalse(rows.next());
            rows.hashCode();
            assertFalse(rows.equals(null));
        }

        SqlStats stats = sqlStats(context);
        assertEquals(1, stats.queryCount());
        assertEquals(Integer.valueOf(1), stats.queries().get(0).rows(), "the rows read are still counted");
        assertEquals("unknown", stats.databases().get("hostile"));
    }

    /**
     * {@code original} behind a driver whose connections cannot give their metadata or auto-commit mode, whose
     * statements cannot give their connection, and whose result sets cannot be printed, hashed or compared.
     */
    private static DataSource hostileDriver(DataSource original) {
        return (DataSource) Proxy.newProxyInstance(SqlRecorderTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(original, method, args);
                    return result instanceof Connection connection ? hostile(connection, Connection.class) : result;
                });
    }

    private static <T> T hostile(T target, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(SqlRecorderTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getMetaData", "getAutoCommit", "getConnection" ->
                                throw new AbstractMethodError(method.getName());
                        case "toString", "hashCode", "equals" -> throw new IllegalStateException(method.getName());
                        default -> { }
                    }
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement statement && !(result instanceof java.sql.PreparedStatement)) {
                        return hostile(statement, Statement.class);
                    }
                    return result instanceof ResultSet rows ? hostile(rows, ResultSet.class) : result;
                }));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void saysWhetherAnyDataSourceIsWrapped() {
        DebugToolbar bare = DebugToolbar.builder().enabled(true).build();
        SqlStats none = (SqlStats) bare.finish(bare.start(new FakeRequest("/")), new FakeResponse(200))
                .panel("sql").orElseThrow().stats();
        assertFalse(none.instrumented());
        assertEquals("not instrumented", bare.panels().stream().filter(SqlPanel.class::isInstance)
                .map(SqlPanel.class::cast).findFirst().orElseThrow().subtitle(none));

        SqlStats quiet = sqlStats(toolbar.start(new FakeRequest("/")));
        assertTrue(quiet.instrumented(), "this toolbar wrapped a data source");
        assertEquals(0, quiet.queryCount());
        assertEquals("0 queries in 0.000 ms", sqlPanel().subtitle(quiet));
    }

    @Test
    void aDisabledToolbarLeavesTheDataSourceUnwrapped() {
        DebugToolbar disabled = DebugToolbar.builder().enabled(false).build();
        assertSame(raw, disabled.wrap(raw));
    }

    private SqlStats sqlStats(RequestContext context) {
        return (SqlStats) toolbar.finish(context, new FakeResponse(200)).panel("sql").orElseThrow().stats();
    }

    private SqlPanel sqlPanel() {
        return toolbar.panels().stream().filter(SqlPanel.class::isInstance).map(SqlPanel.class::cast)
                .findFirst().orElseThrow();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = recorded.getConnection()) {
            run(connection, sql);
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
