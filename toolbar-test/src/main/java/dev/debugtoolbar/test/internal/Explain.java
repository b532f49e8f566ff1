package dev.debugtoolbar.test.internal;

import dev.debugtoolbar.core.sql.QueryEvent;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes the lines of the checks' failure messages: statements and groups of statements, readable. */
public final class Explain {

    private static final int MAX_SQL = 160;
    private static final int MAX_PARAMS = 80;
    private static final int MAX_LISTED = 40;
    private static final int MAX_POSITIONS = 12;

    private Explain() {
    }

    /** Up to 40 statements, one a line: {@code #3  0.05 ms  SELECT ... WHERE id = ?  [42]}, then how many more. */
    public static String statements(List<QueryEvent> statements) {
        StringBuilder text = new StringBuilder();
        statements.stream().limit(MAX_LISTED).forEach(statement -> text.append("\n  ").append(statement(statement)));
        if (statements.size() > MAX_LISTED) {
            text.append("\n  (and ").append(statements.size() - MAX_LISTED).append(" more)");
        }
        return text.toString();
    }

    /** One statement: position, time, SQL on one line, parameters. */
    public static String statement(QueryEvent statement) {
        return String.format(Locale.ROOT, "#%-3d %7.3f ms  %s%s", statement.index(), statement.durationMillis(),
                sql(statement.sql()), params(statement));
    }

    /**
     * One group: {@code 30 × SELECT ...}, then where it ran (positions among the request's statements) and
     * with which parameters.
     */
    public static String group(StatementGroups.Group group) {
        List<QueryEvent> statements = group.statements();
        String positions = statements.stream().limit(MAX_POSITIONS).map(statement -> "#" + statement.index())
                .collect(Collectors.joining(", ")) + (statements.size() > MAX_POSITIONS ? ", …" : "");
        String parameters = statements.stream().limit(MAX_POSITIONS / 2).map(Explain::params).map(String::strip)
                .collect(Collectors.joining(", ")) + (statements.size() > MAX_POSITIONS / 2 ? ", …" : "");
        return "\n  " + group.size() + " × " + sql(group.sql())
                + "\n      statements " + positions
                + (parameters.isBlank() ? "" : "\n      parameters " + parameters);
    }

    /** The SQL on one line, cut to a readable length. */
    public static String sql(String sql) {
        String line = sql == null ? "" : sql.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_SQL ? line.substring(0, MAX_SQL) + " …" : line;
    }

    private static String params(QueryEvent statement) {
        if (!statement.batch().isEmpty()) {
            return "  batch of " + statement.batch().size();
        }
        if (statement.params().isEmpty()) {
            return "";
        }
        String params = statement.params().toString();
        return "  " + (params.length() > MAX_PARAMS ? params.substring(0, MAX_PARAMS) + " …]" : params);
    }
}
