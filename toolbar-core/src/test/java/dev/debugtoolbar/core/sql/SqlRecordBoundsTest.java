package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the SQL recorder keeps of statements too large for a record: a huge batch, a huge parameter, a huge SQL
 * text, more statements than the record's budget holds. Each stays within its bound, says it was cut, and a cut
 * statement is never run again. Sizes are the recorder's own estimates ({@link RequestRecord#size()}); the
 * servlet module's {@code RecordBoundsIT} measures the record's JSON too.
 */
class SqlRecordBoundsTest {

    private static final long MAX_RECORD_BYTES = 4L * 1024 * 1024;

    static {
        // JOL reads the fields of records (such as the configuration) only this way on this JDK
        System.setProperty("jol.magicFieldOffset", "true");
    }

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
    private final DataSource recorded = toolbar.wrap(database());

    @Test
    void aBatchOfTwoHundredThousandEntriesKeepsItsFirstEntriesAndCountsTheRest() throws SQLException {
        int entries = 200_000;
        RequestContext context = toolbar.start(new FakeRequest("/import"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context); Connection connection = recorded.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE t SET name = ? WHERE id = ?")) {
            for (int i = 0; i < entries; i++) {
                update.setString(1, "name of row number " + i + " with some more text in it");
                update.setInt(2, i);
                update.addBatch();
            }
            update.executeBatch();
        }
        RequestRecord record = toolbar.finish(context, new FakeResponse(200));

        QueryEvent batch = sqlStats(record).queries().get(0);
        assertEquals(entries, batch.batch().size() + batch.batchOmitted(), "every entry is kept or counted");
        assertTrue(batch.batchOmitted() > 0, "the entries beyond the batch's bound are counted only");
        assertTrue(batch.batch().size() >= 1_000, "an ordinary batch is kept whole: " + batch.batch().size());
        assertTrue(keptBatchBytes(context) <= SqlLog.MAX_BATCH_BYTES + 1_000,
                "the kept entries stay within the batch's bound: " + keptBatchBytes(context));
        assertWithinBudget(record);
    }

    @Test
    void aTwentyMegabyteParameterIsCutForDisplayAndTheStatementIsNotRunAgain() throws SQLException {
        String huge = "x".repeat(20 * 1024 * 1024);
        RequestContext context = toolbar.start(new FakeRequest("/search"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context); Connection connection = recorded.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id FROM t WHERE name = ?")) {
            select.setString(1, huge);
            try (ResultSet rows = select.executeQuery()) {
                assertFalse(rows.next());
            }
        }
        RequestRecord record = toolbar.finish(context, new FakeResponse(200));

        QueryEvent query = sqlStats(record).queries().get(0);
        String shown = query.params().get(0);
        assertTrue(shown.length() < 1_000, "shown as a preview: " + shown.length() + " characters");
        assertTrue(shown.endsWith("(" + (huge.length() - 500) + " more characters)"), shown.substring(480));
        assertTrue(query.cut(), "the statement says its values were cut");
        assertFalse(query.explainable(), "a cut statement offers neither Explain nor Select");
        SqlRefusedException refused = assertThrows(SqlRefusedException.class,
                () -> toolbar.sqlReplayer().select(query));
        assertTrue(refused.getMessage().contains("too long to keep whole"), refused.getMessage());
        assertTrue(record.size().bytes() < 64 * 1024, "the record is small: " + record.size());
        assertWithinBudget(record);
    }

    @Test
    void theRecordsRealSizeMeasuredByJolStaysWithinItsBudget() throws SQLException {
        String huge = "x".repeat(20 * 1024 * 1024);
        RequestContext context = toolbar.start(new FakeRequest("/import"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context); Connection connection = recorded.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE t SET name = ? WHERE id = ?")) {
            for (int i = 0; i < 5_000; i++) {
                update.setString(1, i == 0 ? huge : "name " + i);
                update.setInt(2, i);
                update.addBatch();
            }
            update.executeBatch();
        }
        RequestRecord record = toolbar.finish(context, new FakeResponse(200));
        // what the record shares with the toolbar (its panels, configuration, data sources) is not the record's
        GraphLayout shared = GraphLayout.parseInstance(toolbar.panels().toArray());

        long stored = GraphLayout.parseInstance(record).subtract(shared).totalSize();
        record.panels().values().forEach(panel -> { }); // the first reading makes the SQL panel's stats
        long read = GraphLayout.parseInstance(record).subtract(shared).totalSize();

        assertTrue(stored <= MAX_RECORD_BYTES && read <= MAX_RECORD_BYTES,
                "the record takes " + stored + " bytes as stored and " + read + " once read; estimated "
                        + record.size());
        assertWithinBudget(record);
    }

    @Test
    void aParameterThatFitsIsKeptAsBoundAndRunsAgain() throws SQLException, SqlRefusedException {
        String longest = "y".repeat(SqlValues.MAX_KEPT_CHARS);
        RequestContext context = toolbar.start(new FakeRequest("/search"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context); Connection connection = recorded.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id FROM t WHERE name = ?")) {
            select.setString(1, longest);
            select.executeQuery().close();
        }
        QueryEvent query = sqlStats(toolbar.finish(context, new FakeResponse(200))).queries().get(0);

        assertFalse(query.cut());
        assertEquals(longest, query.values().get(0));
        assertTrue(query.explainable());
        assertEquals(0, toolbar.sqlReplayer().select(query).rows().size());
    }

    @Test
    void aMegabyteSqlTextIsCutAndNotRunAgain() throws SQLException {
        String sql = "SELECT id FROM t /* " + "z".repeat(1024 * 1024) + " */";
        RequestContext context = toolbar.start(new FakeRequest("/report"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context); Connection connection = recorded.getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeQuery(sql).close();
        }
        RequestRecord record = toolbar.finish(context, new FakeResponse(200));

        QueryEvent query = sqlStats(record).queries().get(0);
        assertTrue(query.sql().length() < SqlLog.MAX_SQL_CHARS + 100, "cut: " + query.sql().length());
        assertTrue(query.sql().endsWith("(" + (sql.length() - SqlLog.MAX_SQL_CHARS) + " more characters)"));
        assertTrue(query.cut());
        assertFalse(query.explainable());
        assertThrows(SqlRefusedException.class, () -> toolbar.sqlReplayer().explain(query, false));
        assertWithinBudget(record);
    }

    @Test
    void anOrdinaryPageOfAThousandStatementsIsKeptWhole() throws SQLException {
        RequestContext context = toolbar.start(new FakeRequest("/books"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context); Connection connection = recorded.getConnection()) {
            for (int i = 0; i < 1_000; i++) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, name FROM t WHERE id = ? AND name LIKE ? ORDER BY name")) {
                    select.setInt(1, i);
                    select.setString(2, "%book " + i + "%");
                    select.executeQuery().close();
                }
            }
        }
        RequestRecord record = toolbar.finish(context, new FakeResponse(200));

        SqlStats stats = sqlStats(record);
        assertEquals(1_000, stats.queries().size());
        assertEquals(0, stats.droppedCount());
        assertEquals(0, record.size().dropped());
        assertTrue(record.size().bytes() > 1_000 * 60, "every statement is counted: " + record.size());
        assertWithinBudget(record);
    }

    @Test
    void statementsBeyondTheRecordsBudgetAreCountedOnly() throws SQLException {
        DebugToolbar small = DebugToolbar.builder().enabled(true).maxRecordBytes(64 * 1024).build();
        DataSource smallRecorded = small.wrap(database());
        RequestContext context = small.start(new FakeRequest("/books"));
        try (DebugToolbar.Binding ignored = small.bind(context);
             Connection connection = smallRecorded.getConnection()) {
            for (int i = 0; i < 1_000; i++) {
                try (PreparedStatement select = connection.prepareStatement("SELECT id FROM t WHERE name = ?")) {
                    select.setString(1, "a longer parameter, " + "p".repeat(200) + i);
                    select.executeQuery().close();
                }
            }
        }
        RequestRecord record = small.finish(context, new FakeResponse(200));

        SqlStats stats = sqlStats(record);
        assertEquals(1_000, stats.queryCount(), "every statement is counted");
        assertTrue(stats.droppedCount() > 0 && stats.queries().size() > 0, stats.queries().size() + " kept");
        assertEquals(stats.droppedCount(), record.size().dropped(), "the record says how many details it dropped");
        assertTrue(record.size().bytes() <= 64 * 1024, "within the budget: " + record.size());
        assertEquals(64 * 1024, record.size().maxBytes());
    }

    private static void assertWithinBudget(RequestRecord record) {
        assertEquals(MAX_RECORD_BYTES, record.size().maxBytes());
        assertTrue(record.size().bytes() <= MAX_RECORD_BYTES, "within the record's budget: " + record.size());
    }

    private static long keptBatchBytes(RequestContext context) {
        RecordedStatement statement = context.sql().snapshot().statements().get(0);
        return statement.batch.stream().mapToLong(SqlLog::bytes).sum();
    }

    private static SqlStats sqlStats(RequestRecord record) {
        return (SqlStats) record.panel(SqlPanel.ID).orElseThrow().stats();
    }

    private static JdbcDataSource database() {
        JdbcDataSource raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:bounds-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(100))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return raw;
    }
}
