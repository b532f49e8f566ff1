package dev.debugtoolbar.core.sql;

import java.util.List;

/**
 * What an EXPLAIN or a re-run of a recorded statement gave.
 *
 * @param kind      {@code explain} or {@code select}
 * @param analyze   whether the plan was measured by running the statement ({@code EXPLAIN ANALYZE})
 * @param database  the database product that ran it
 * @param sql       the statement that ran (parameters bound, not inlined)
 * @param columns   the result's column labels
 * @param rows      its rows as display text ({@code null} for SQL NULL): a re-run's first
 *                  {@link SqlReplayer#MAX_ROWS}, each value cut to a preview; a plan whole, up to
 *                  {@link SqlReplayer#MAX_PLAN_CHARS} characters in all
 * @param truncated whether rows or plan text were left out
 * @param millis    how long it took
 */
public record SqlRunResult(String kind, boolean analyze, String database, String sql, List<String> columns,
                           List<List<String>> rows, boolean truncated, double millis) {

    public SqlRunResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A plan that came as one text column (PostgreSQL, H2) as one text, line by line; else {@code null}. */
    public String planText() {
        if (!kind.equals("explain") || columns.size() != 1) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(row.get(0)).append('\n'));
        return text.toString();
    }
}
