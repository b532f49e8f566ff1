package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.internal.Text;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a recorded statement again, for EXPLAIN or to show its rows, only from what the record holds (the
 * browser never sends SQL). Only a statement that passes a conservative single-SELECT check runs, on a
 * connection of the original (unrecorded) data source set read-only, inside a transaction that is always
 * rolled back, with a timeout and a row cap; the connection's settings are restored before it is closed.
 */
public final class SqlReplayer {

    /** Rows shown at most. */
    public static final int MAX_ROWS = 200;

    /** Seconds a statement may run. */
    public static final int TIMEOUT_SECONDS = 10;

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

    /** Why the toolbar will not run {@code query} again, or {@code null} when it will. */
    static String refusal(QueryEvent query) {
        return refusal(query, SelectCheck.check(query.sql()));
    }

    /** Like {@link #refusal(QueryEvent)}, with the statement's {@link SelectCheck} verdict already known. */
    static String refusal(QueryEvent query, SelectCheck.Verdict verdict) {
        if (query.cut()) {
            return "Its SQL text or a parameter was too long to keep whole (the record keeps texts of up to "
                    + SqlLog.MAX_SQL_CHARS + " and parameters of up to " + SqlValues.MAX_KEPT_CHARS
                    + " characters), so the statement cannot be run again.";
        }
        return refusal(verdict, !query.batch().isEmpty(), query.values());
    }

    /** Why a statement with this verdict, batch or not, bound to {@code values}, is not run again; or {@code null}. */
    static String refusal(SelectCheck.Verdict verdict, boolean batch, List<Object> values) {
        if (!verdict.allowed()) {
            return "Only a single SELECT that writes nothing is run again, and this statement is refused: "
                    + verdict.reason() + ".";
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

    private SqlRunResult run(QueryEvent query, boolean explain, boolean analyze)
            throws SqlRefusedException, SQLException {
        String refusal = refusal(query);
        if (refusal != null) {
            throw new SqlRefusedException(refusal);
        }
        String select = SelectCheck.check(query.sql()).statement();
        DataSource original = dataSources.original(query.dataSource()).orElseThrow(() -> new SqlRefusedException(
                "The data source '" + query.dataSource() + "' is not known to this toolbar (was the application"
                        + " restarted?)."));
        try (Connection connection = original.getConnection()) {
            boolean readOnly = connection.isReadOnly();
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                String product = connection.getMetaData().getDatabaseProductName();
                SqlDialect dialect = SqlDialect.of(product);
                String sql = explain ? dialect.explain(select, analyze) : select;
                if (sql == null) {
                    throw new SqlRefusedException("The toolbar knows no EXPLAIN for " + product
                            + "; Select still shows the rows.");
                }
                return execute(connection, sql, query.values(), explain, analyze, product);
            } finally {
                restore(connection, autoCommit, readOnly);
            }
        }
    }

    private static SqlRunResult execute(Connection connection, String sql, List<Object> values, boolean explain,
                                        boolean analyze, String product) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.setMaxRows(MAX_ROWS + 1);
            for (int i = 0; i < values.size(); i++) {
                bind(statement, i + 1, values.get(i));
            }
            List<String> columns = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            boolean truncated = false;
            if (statement.execute()) {
                try (ResultSet result = statement.getResultSet()) {
                    ResultSetMetaData meta = result.getMetaData();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        columns.add(meta.getColumnLabel(column));
                    }
                    while (result.next()) {
                        if (rows.size() == MAX_ROWS) {
                            truncated = true;
                            break;
                        }
                        List<String> row = new ArrayList<>(columns.size());
                        for (int column = 1; column <= columns.size(); column++) {
                            row.add(Text.preview(result.getObject(column)));
                        }
                        rows.add(Collections.unmodifiableList(row));
                    }
                }
            }
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
