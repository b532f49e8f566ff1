package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.internal.Text;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a recorded statement again, for EXPLAIN or to show its rows, only from what the record holds (the
 * browser never sends SQL). Only a statement that passes a conservative single-SELECT check for its database
 * runs (every function it calls known to have no side effects), on a connection of the original
 * (unrecorded) data source set read-only, inside a transaction that is always rolled back (on PostgreSQL a
 * {@code READ ONLY} transaction), with a timeout and a row cap; the connection's settings are restored
 * before it is closed. Only H2 and PostgreSQL run statements again; MySQL and MariaDB get a plain EXPLAIN,
 * other databases nothing (see {@link SqlDialect}).
 */
public final class SqlReplayer {

    /** Rows of a re-run shown at most (a plan is bounded by {@link #MAX_PLAN_CHARS} instead). */
    public static final int MAX_ROWS = 200;

    /** Seconds a statement may run. */
    public static final int TIMEOUT_SECONDS = 10;

    /**
     * Characters of a plan kept at most, over all its cells: a bound on the size of an answer, far above
     * any ordinary plan (tens of thousands of characters for a long Hibernate statement), which comes back whole.
     */
    public static final int MAX_PLAN_CHARS = 1_000_000;

    private final SqlDataSources dataSources;

    /** Runs statements on the originals of {@code dataSources}. */
    public SqlReplayer(SqlDataSources dataSources) {
        this.dataSources = dataSources;
    }

    /**
     * The plan of a recorded SELECT; with {@code analyze}, measured by running it (still rolled back).
     *
     * @throws SqlRefusedException when it may not run, or the database has no EXPLAIN the toolbar knows
     * @throws SQLException        when the database fails
     */
    public SqlRunResult explain(QueryEvent query, boolean analyze) throws SqlRefusedException, SQLException {
        return run(query, true, analyze);
    }

    /**
     * The rows of a recorded SELECT, run again.
     *
     * @throws SqlRefusedException when it may not run
     * @throws SQLException        when the database fails
     */
    public SqlRunResult select(QueryEvent query) throws SqlRefusedException, SQLException {
        return run(query, false, false);
    }

    /**
     * Why the toolbar will not run {@code sql} again on a database of this product (as
     * {@code DatabaseMetaData.getDatabaseProductName()} gives it), as a batch or not, {@code cut} when its text or
     * a parameter was too long to keep whole, bound to {@code values}; {@code null} when it will, at least for a
     * plain EXPLAIN (see {@link #planOnly(String)}).
     */
    static String refusal(String sql, String product, boolean batch, boolean cut, List<Object> values) {
        if (cut) {
            return "Its SQL text or a parameter was too long to keep whole (the record keeps texts of up to "
                    + SqlLog.MAX_SQL_CHARS + " and parameters of up to " + SqlValues.MAX_KEPT_CHARS
                    + " characters), so the statement cannot be run again.";
        }
        SqlDialect dialect = SqlDialect.of(product);
        if (!dialect.canExplain()) {
            return "The toolbar runs statements again only on H2 and PostgreSQL (and shows a plain EXPLAIN on MySQL"
                    + " and MariaDB); it does not know how " + (product == null ? "this database" : product)
                    + " reads SQL well enough to run it safely.";
        }
        SelectCheck.Verdict verdict = SelectCheck.check(sql, dialect);
        if (!verdict.allowed()) {
            return refusedSelect(verdict.reason());
        }
        if (batch) {
            return "A batch is not run again.";
        }
        for (int i = 0; i < values.size(); i++) {
            if (!SqlValues.replayable(values.get(i))) {
                return "Parameter " + (i + 1) + " (" + SqlValues.display(values.get(i))
                        + ") was not kept, so the statement cannot be run again.";
            }
        }
        return null;
    }

    /**
     * Why, on a database of this product, the toolbar shows a plain EXPLAIN only and runs no statement again
     * (Select, EXPLAIN ANALYZE); {@code null} where it does run them.
     */
    static String planOnly(String product) {
        SqlDialect dialect = SqlDialect.of(product);
        return dialect.runsStatements() || !dialect.canExplain() ? null : "On " + product + " the toolbar shows"
                + " only a plain EXPLAIN, which plans the statement without running it: a lock, a variable or a"
                + " sleep taken by a statement there outlives a rollback.";
    }

    private static String refusedSelect(String reason) {
        return "Only a single SELECT that writes nothing is run again, and this statement is refused: " + reason + ".";
    }

    /** Why a statement of a data source this toolbar does not know is not run again. */
    static String unknownDataSource(String id) {
        return "The data source '" + id + "' is not known to this toolbar (was the application restarted?).";
    }

    private SqlRunResult run(QueryEvent query, boolean explain, boolean analyze)
            throws SqlRefusedException, SQLException {
        DataSource original = dataSources.original(query.dataSource())
                .orElseThrow(() -> new SqlRefusedException(unknownDataSource(query.dataSource())));
        try (Connection connection = original.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            SqlDialect dialect = SqlDialect.of(product);
            String refusal = refusal(query.sql(), product, !query.batch().isEmpty(), query.cut(), query.values());
            if (refusal == null && (analyze || !explain)) {
                refusal = planOnly(product);
            }
            if (refusal != null) {
                throw new SqlRefusedException(refusal);
            }
            String select = SelectCheck.check(query.sql(), dialect).statement();
            boolean readOnly = connection.isReadOnly();
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                if (dialect == SqlDialect.POSTGRESQL) {
                    readOnlyTransaction(connection, select);
                }
                String sql = explain ? dialect.explain(select, analyze) : select;
                return execute(connection, sql, query.values(), explain, analyze, product);
            } finally {
                restore(connection, autoCommit, readOnly);
            }
        }
    }

    /**
     * Makes PostgreSQL's transaction read-only (whatever the driver does with {@code setReadOnly}), so that
     * nothing the statement calls can write; and refuses a backslash inside quotes while
     * {@code standard_conforming_strings} is off, when PostgreSQL reads it as an escape.
     */
    private static void readOnlyTransaction(Connection connection, String select)
            throws SQLException, SqlRefusedException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION READ ONLY");
            try (ResultSet setting = statement.executeQuery("SHOW standard_conforming_strings")) {
                if (setting.next() && !"on".equalsIgnoreCase(setting.getString(1)) && select.indexOf('\\') >= 0) {
                    throw new SqlRefusedException(refusedSelect("it contains a backslash inside quotes, which"
                            + " PostgreSQL reads as an escape while standard_conforming_strings is off"));
                }
            }
        }
    }

    private static SqlRunResult execute(Connection connection, String sql, List<Object> values, boolean explain,
                                        boolean analyze, String product) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            if (!explain) {
                statement.setMaxRows(MAX_ROWS + 1);
            }
            for (int i = 0; i < values.size(); i++) {
                bind(statement, i + 1, values.get(i));
            }
            List<String> columns = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            boolean truncated = false;
            int planChars = 0;
            if (statement.execute()) {
                try (ResultSet result = statement.getResultSet()) {
                    ResultSetMetaData meta = result.getMetaData();
                    boolean[] serialized = new boolean[meta.getColumnCount() + 1];
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        columns.add(meta.getColumnLabel(column));
                        serialized[column] = meta.getColumnType(column) == Types.JAVA_OBJECT;
                    }
                    while (result.next()) {
                        if (explain ? planChars >= MAX_PLAN_CHARS : rows.size() == MAX_ROWS) {
                            truncated = true;
                            break;
                        }
                        List<String> row = new ArrayList<>(columns.size());
                        for (int column = 1; column <= columns.size(); column++) {
                            // a serialized Java object is shown as its bytes: never deserialized in this JVM
                            Object value = serialized[column] ? result.getBytes(column) : result.getObject(column);
                            planChars++;
                            if (!explain || value == null) {
                                row.add(Text.preview(value));
                                continue;
                            }
                            String text = value.toString();
                            row.add(Text.cut(text, Math.max(0, MAX_PLAN_CHARS - planChars)));
                            planChars += text.length();
                        }
                        rows.add(Collections.unmodifiableList(row));
                    }
                }
            }
            truncated |= planChars > MAX_PLAN_CHARS;
            return new SqlRunResult(explain ? "explain" : "select", analyze, product, sql, columns, rows, truncated,
                    (System.nanoTime() - start) / 1_000_000.0);
        }
    }

    private static void bind(PreparedStatement statement, int position, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.NULL);
        } else {
            statement.setObject(position, value);
        }
    }

    /** Rolls back whatever ran and gives the connection its settings back, before it goes back to a pool. */
    private static void restore(Connection connection, boolean autoCommit, boolean readOnly) throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.setReadOnly(readOnly);
            connection.setAutoCommit(autoCommit);
        }
    }
}
