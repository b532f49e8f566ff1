package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        SqlStats stats = new SqlPanel().onRequestEnd(finished(context));
        assertEquals(8, stats.queryCount());
        assertEquals(3, stats.droppedCount());
        assertEquals("8 queries in", new SqlPanel().subtitle(stats).substring(0, 12));
    }

    @Test
    void aDisabledToolbarLeavesTheDataSourceUnwrapped() {
        DebugToolbar disabled = DebugToolbar.builder().enabled(false).build();
        assertSame(raw, disabled.wrap(raw));
    }

    private RequestContext finished(RequestContext context) {
        toolbar.finish(context, new FakeResponse(200));
        return context;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = recorded.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
