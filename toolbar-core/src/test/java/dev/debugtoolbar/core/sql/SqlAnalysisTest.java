package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.RequestContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The end-of-request analysis over statements really recorded on H2. */
class SqlAnalysisTest {

    private static final String BY_ID = "SELECT name FROM t WHERE id = ?";

    @Test
    void flagsManySimilarStatementsFromOneCallSiteAsNPlusOneWithFewStacks() throws SQLException {
        Fixture fixture = new Fixture(DebugToolbar.builder());
        SqlStats stats = fixture.request(connection -> {
            query(connection, "SELECT id FROM t");
            for (int id = 1; id <= 10; id++) {
                findName(connection, id);
            }
        });

        assertEquals(11, stats.queryCount());
        assertEquals(1, stats.nPlusOne().size());
        NPlusOne flagged = stats.nPlusOne().get(0);
        assertEquals(BY_ID, flagged.sql());
        assertEquals(10, flagged.count());
        // the first application frame is the JDBC helper; the frame that called it is the next one
        assertTrue(flagged.callSite().startsWith(getClass().getName() + ".query(SqlAnalysisTest.java:"),
                flagged.callSite());
        assertTrue(stats.queries().get(1).stack().get(1).startsWith(getClass().getName() + ".findName("),
                stats.queries().get(1).stack().toString());
        assertTrue(flagged.hint().contains("JOIN"));
        assertEquals(1, flagged.firstIndex());
        assertEquals(10, stats.similarCount());
        assertEquals(0, stats.duplicateCount());
        // a stack for the first SELECT, then for repeats 1, 2, 4 and 8 only
        assertEquals(5, stats.stackCount());
        List<QueryEvent> repeats = stats.queries().subList(1, 11);
        assertTrue(repeats.stream().allMatch(q -> flagged.callSite().equals(q.callSite())));
        assertEquals(6, repeats.stream().filter(QueryEvent::callSiteInferred).count());
        assertTrue(repeats.get(0).stack().size() > 1, "the frames below the call site are kept too");
        assertEquals(1, repeats.get(0).similarGroup());
        assertNull(stats.queries().get(0).similarGroup());
    }

    @Test
    void doesNotFlagTheSameSqlSpreadOverCallSitesBelowTheThreshold() throws SQLException {
        Fixture fixture = new Fixture(DebugToolbar.builder());
        SqlStats stats = fixture.request(connection -> {
            for (int id = 1; id <= 3; id++) {
                findName(connection, id);
            }
            for (int id = 4; id <= 6; id++) {
                findNameElsewhere(connection, id);
            }
        });
        assertEquals(6, stats.similarCount());
        assertEquals(List.of(), stats.nPlusOne());
        assertTrue(stats.queries().get(5).stack().get(1).contains("findNameElsewhere"),
                stats.queries().get(5).stack().toString());
    }

    @Test
    void marksExactRepeatsAsDuplicatesOfTheFirst() throws SQLException {
        Fixture fixture = new Fixture(DebugToolbar.builder());
        SqlStats stats = fixture.request(connection -> {
            findName(connection, 1);
            query(connection, "SELECT COUNT(*) FROM t");
            findName(connection, 1);
            findName(connection, 2);
            query(connection, "SELECT COUNT(*) FROM t");
        });
        assertEquals(2, stats.duplicateCount());
        assertEquals(0, stats.queries().get(2).duplicateOf());
        assertEquals(1, stats.queries().get(4).duplicateOf());
        assertNull(stats.queries().get(3).duplicateOf());
        assertEquals(3, stats.similarCount(), "the same SQL with other parameters; COUNT(*) never changes");
        assertEquals("5 queries in", subtitle(stats).substring(0, 12));
        assertTrue(subtitle(stats).endsWith(" · 2 duplicates · 3 similar"), subtitle(stats));
    }

    @Test
    void marksSlowStatementsAndWhichMayBeExplained() throws SQLException {
        Fixture fixture = new Fixture(DebugToolbar.builder().slowStatementMillis(0));
        SqlStats stats = fixture.request(connection -> {
            findName(connection, 1);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE t SET name = name WHERE id = 1");
            }
        });
        assertEquals(2, stats.slowCount());
        assertTrue(stats.queries().get(0).slow());
        assertTrue(stats.queries().get(0).explainable());
        assertFalse(stats.queries().get(1).explainable());
        assertEquals("H2", stats.databases().get("ds1"));
        assertEquals("SELECT name FROM t WHERE id = 1", stats.runnableSql(stats.queries().get(0)));
    }

    @Test
    void capturesNoMoreStacksThanTheLimitAndSaysSo() throws SQLException {
        Fixture fixture = new Fixture(DebugToolbar.builder().maxStacks(2));
        SqlStats stats = fixture.request(connection -> {
            query(connection, "SELECT 1");
            query(connection, "SELECT 2");
            query(connection, "SELECT 3");
        });
        assertEquals(2, stats.stackCount());
        assertTrue(stats.stackLimitReached());
        assertTrue(stats.queries().get(1).callSite().contains("query"));
        assertNull(stats.queries().get(2).callSite());
    }

    private static String subtitle(SqlStats stats) {
        return new SqlPanel(null, 0, 5, 0, null).subtitle(stats);
    }

    private static void findName(Connection connection, int id) throws SQLException {
        query(connection, BY_ID, id);
    }

    private static void findNameElsewhere(Connection connection, int id) throws SQLException {
        query(connection, BY_ID, id);
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

    /** What a test request does with its connection. */
    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** A toolbar over a fresh H2 database whose call sites are this test class's frames. */
    private static final class Fixture {
        private final DebugToolbar toolbar;
        private final DataSource dataSource;

        Fixture(DebugToolbar.Builder builder) throws SQLException {
            toolbar = builder.enabled(true).applicationPackages(SqlAnalysisTest.class.getName()).build();
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:analysis-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(50))");
                statement.execute("INSERT INTO t SELECT x, 'name ' || x FROM SYSTEM_RANGE(1, 10)");
            }
            dataSource = toolbar.wrap(h2);
        }

        SqlStats request(Work work) throws SQLException {
            RequestContext context = toolbar.start(new FakeRequest("/"));
            try (DebugToolbar.Binding ignored = toolbar.bind(context);
                 Connection connection = dataSource.getConnection()) {
                work.run(connection);
            }
            return (SqlStats) toolbar.finish(context, new dev.debugtoolbar.core.FakeResponse(200))
                    .panel("sql").orElseThrow().stats();
        }
    }
}
